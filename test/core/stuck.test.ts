/**
 * A synchronous run that can never finish says what each task waits on, and a cycle of
 * tasks waiting on each other is named a deadlock (issue 13, item 4).
 */
import * as asyncio from "asyncio-ts";
import { expect, test } from "vitest";

function failureOf(main: asyncio.Coroutine<unknown>): string {
  try {
    asyncio.runSync(main, { clock: new asyncio.VirtualClock() });
  } catch (error) {
    return (error as Error).message;
  }
  return "finished";
}

test("a lock-order inversion: both tasks, both locks, who holds which", () => {
  const a = new asyncio.Lock();
  const b = new asyncio.Lock();
  function* worker(first: asyncio.Lock, second: asyncio.Lock) {
    yield* asyncio.asyncWith(first, function* () {
      yield* asyncio.sleep(1);
      yield* asyncio.asyncWith(second, function* () {});
    });
  }
  function* main() {
    yield* asyncio.gather(asyncio.createTask(worker(a, b), { name: "left" }), asyncio.createTask(worker(b, a), { name: "right" }));
  }
  expect(failureOf(main())).toBe(
    [
      "the event loop can never finish: nothing is ready and no timer is scheduled",
      "deadlock: left waits to acquire Lock#1, held by right; right waits to acquire Lock#2, held by left",
      "waiting tasks:",
      "  Task-1 waits for gather(left, right)",
      "  left waits to acquire Lock#1, held by right",
      "  right waits to acquire Lock#2, held by left",
    ].join("\n"),
  );
});

test("tasks awaiting each other in a ring are a deadlock too", () => {
  function* main() {
    const tasks: asyncio.Task<unknown>[] = [];
    function* waitFor(i: number) {
      yield;
      yield* tasks[(i + 1) % 3]!;
    }
    for (let i = 0; i < 3; i++) tasks.push(asyncio.createTask(waitFor(i), { name: `ring-${i}` }));
    yield* tasks[0]!;
  }
  expect(failureOf(main()).split("\n")[1]).toBe(
    "deadlock: ring-0 waits for ring-1 to finish; ring-1 waits for ring-2 to finish; ring-2 waits for ring-0 to finish",
  );
});

test("without a cycle, each wait is said plainly: queue, event, condition, semaphore, future", () => {
  const queue = new asyncio.Queue<number>(1);
  const full = new asyncio.Queue<number>(1);
  const event = new asyncio.Event();
  const condition = new asyncio.Condition();
  const semaphore = new asyncio.Semaphore(0);
  function* main() {
    full.putNowait(1);
    const loop = asyncio.getRunningLoop();
    const waits = [
      asyncio.createTask(queue.get(), { name: "getter" }),
      asyncio.createTask(full.put(2), { name: "putter" }),
      asyncio.createTask(event.wait(), { name: "event" }),
      asyncio.createTask(
        asyncio.asyncWith(condition, function* () {
          yield* condition.wait();
        }),
        { name: "condition" },
      ),
      asyncio.createTask(semaphore.acquire(), { name: "semaphore" }),
      asyncio.createTask(
        (function* () {
          yield* loop.createFuture();
        })(),
        { name: "future" },
      ),
    ];
    yield* asyncio.wait(waits);
  }
  const message = failureOf(main());
  expect(message.split("\n")[0]).toMatch(/^runSync cannot wait for host I\/O/);
  // The main task's own name depends on how many tasks this process made before.
  expect(message.split("\n").slice(1).map((line) => line.replace(/Task-\d+/, "Task-N"))).toEqual([
    "waiting tasks:",
    "  Task-N waits for wait(getter, putter, event, condition, semaphore, future; ALL_COMPLETED)",
    "  getter waits to get on Queue#1 (empty)",
    "  putter waits to put on Queue#2 (full, maxsize 1)",
    "  event waits for Event#1 to be set",
    "  condition waits for a notification of Condition#1",
    "  semaphore waits to acquire Semaphore#1 (no permit left)",
    "  future waits on <Future pending> that nothing will complete",
  ]);
});

test("cancelling a ring of tasks awaiting each other cancels them all, without overflowing the stack", () => {
  const outcome = asyncio.runSync(
    (function* () {
      const tasks: asyncio.Task<unknown>[] = [];
      function* waitFor(i: number) {
        yield;
        yield* tasks[(i + 1) % 3]!;
      }
      for (let i = 0; i < 3; i++) tasks.push(asyncio.createTask(waitFor(i)));
      yield* asyncio.sleep(0);
      yield* asyncio.sleep(0);
      tasks[0]!.cancel();
      yield* asyncio.wait(tasks);
      return tasks.map((task) => task.cancelled());
    })(),
  );
  expect(outcome).toEqual([true, true, true]);
});
