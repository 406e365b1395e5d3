/**
 * The task table and tree (issue 13, item 3): what each task waits on, said plainly,
 * and who awaits whom — through yield*, gather and TaskGroup — with cycles named.
 */
import * as asyncio from "asyncio-ts";
import { expect, test } from "vitest";

const virtual = () => ({ clock: new asyncio.VirtualClock() });

function* worker(lock: asyncio.Lock, queue: asyncio.Queue<number>) {
  yield* asyncio.asyncWith(lock, function* () {
    yield* queue.get();
  });
}

function snapshot(debug: boolean): { table: string; tree: string; rows: asyncio.TaskRow[] } {
  return asyncio.runSync(
    (function* () {
      const lock = new asyncio.Lock();
      const queue = new asyncio.Queue<number>();
      let out = { table: "", tree: "", rows: [] as asyncio.TaskRow[] };
      yield* asyncio.asyncWith(new asyncio.TaskGroup(), function* (tg) {
        tg.createTask(worker(lock, queue), { name: "w1" });
        tg.createTask(worker(lock, queue), { name: "w2" });
        const gatherer = asyncio.createTask(
          (function* () {
            yield* asyncio.gather(asyncio.createTask(asyncio.sleep(2), { name: "s2" }), asyncio.createTask(asyncio.sleep(3), { name: "s3" }));
          })(),
          { name: "gatherer" },
        );
        yield* asyncio.sleep(1);
        out = { table: asyncio.ps(), tree: asyncio.pstree(), rows: asyncio.taskTable() };
        queue.putNowait(1);
        queue.putNowait(2);
        yield* gatherer;
      });
      return out;
    })(),
    { debug, ...virtual() },
  );
}

test("ps: one row a task, what it does said plainly", () => {
  const { table } = snapshot(false);
  const lines = table.split("\n").map((line) => line.replace(/Task-\d+/g, "Task-N"));
  expect(lines).toEqual([
    "task      state    what it does",
    "Task-N    running  is running",
    "w1        waiting  waits to get on Queue#1 (empty)",
    "w2        waiting  waits to acquire Lock#1, held by w1",
    "gatherer  waiting  waits for gather(s2, s3)",
    "s2        waiting  sleeps until t=2.0",
    "s3        waiting  sleeps until t=3.0",
  ]);
});

test("pstree: TaskGroup children under their parent, gathered tasks under the gatherer", () => {
  const { tree } = snapshot(false);
  expect(tree.replace(/Task-\d+/g, "Task-N").split("\n")).toEqual([
    "Task-N: is running",
    "├── w1: waits to get on Queue#1 (empty)",
    "└── w2: waits to acquire Lock#1, held by w1",
    "gatherer: waits for gather(s2, s3)",
    "├── s2: sleeps until t=2.0",
    "└── s3: sleeps until t=3.0",
  ]);
});

test("in debug mode the rows carry the coroutine chain and the time since the last step", () => {
  const { rows, table } = snapshot(true);
  const w2 = rows.find((row) => row.name === "w2")!;
  expect(w2.coroutines![w2.coroutines!.length - 1]).toMatch(/^worker \(.*ps\.test\.ts:\d+:\d+\)$/);
  expect(w2.sinceLastStep).toBe(1);
  expect(table.split("\n")[0]).toMatch(/^task +state +last step +coroutine +what it does$/);
  expect(table).toMatch(/\nw2 +waiting +1\.000 s ago +.*worker \(.*\) +waits to acquire Lock#1, held by w1/);
});

test("tasks awaiting each other in a ring: the tree names the cycle instead of looping", () => {
  const tree = asyncio.runSync(
    (function* () {
      const tasks: asyncio.Task<unknown>[] = [];
      function* next(i: number) {
        yield;
        yield* tasks[(i + 1) % 2]!;
      }
      tasks.push(asyncio.createTask(next(0), { name: "a" }), asyncio.createTask(next(1), { name: "b" }));
      yield* asyncio.sleep(0);
      yield* asyncio.sleep(0);
      const out = asyncio.pstree();
      for (const task of tasks) task.cancel();
      yield* asyncio.wait(tasks);
      return out;
    })(),
  );
  expect(tree.replace(/Task-\d+/g, "Task-N").split("\n")).toEqual([
    "Task-N: is running",
    "a: waits for b to finish",
    "└── b: waits for a to finish",
    "    └── a (cycle: it awaits a task above it)",
  ]);
});

test("waitFor(aw, 0) waiting for the task it cancelled says so, and names that task as what must move first", () => {
  const rows = asyncio.runSync(
    (function* () {
      function* stubborn() {
        try {
          yield* asyncio.sleep(5);
        } catch (error) {
          yield* asyncio.sleep(1); // cleanup that takes a while
          throw error;
        }
      }
      const inner = asyncio.createTask(stubborn(), { name: "stubborn" });
      yield* asyncio.sleep(0);
      const waiter = asyncio.createTask(asyncio.waitFor(inner, 0), { name: "waiter" });
      yield* asyncio.sleep(0.5);
      const rows = asyncio.taskTable();
      yield* asyncio.wait([waiter]);
      return rows;
    })(),
    virtual(),
  );
  expect(rows.find((row) => row.name === "waiter")?.waitsOn).toBe("waits for stubborn to finish after cancelling it");
  expect(rows.find((row) => row.name === "stubborn")?.waitsOn).toBe("sleeps until t=1.0");
});

test("a task inside timeout scopes or waitFor shows the earliest deadline after what it waits on, and none once it has left them", () => {
  const [during, after] = asyncio.runSync(
    (function* () {
      const scoped = asyncio.createTask(
        (function* () {
          yield* asyncio.asyncWith(asyncio.timeout(5), function* () {
            yield* asyncio.asyncWith(asyncio.timeout(2), function* () {
              yield* asyncio.sleep(10);
            });
          });
        })(),
        { name: "scoped" },
      );
      const slow = asyncio.createTask(asyncio.sleep(8), { name: "slow" });
      const waiter = asyncio.createTask(asyncio.waitFor(slow, 3), { name: "waiter" });
      const left = asyncio.createTask(
        (function* () {
          yield* asyncio.asyncWith(asyncio.timeout(1), function* () {
            yield* asyncio.sleep(0.5);
          });
          yield* asyncio.sleep(10);
        })(),
        { name: "left" },
      );
      yield* asyncio.sleep(0.75);
      const rows = () => asyncio.taskTable().filter((row) => row.state !== "running").map((row) => `${row.name}: ${row.waitsOn}`);
      const during = rows();
      yield* asyncio.sleep(1.5); // past scoped's inner deadline: it timed out and is done
      const after = rows();
      for (const task of [scoped, waiter, left]) task.cancel();
      yield* asyncio.wait([scoped, waiter, left]);
      return [during, after];
    })(),
    virtual(),
  );
  expect(during).toEqual([
    "scoped: sleeps until t=10.0; times out at t=2.0",
    "slow: sleeps until t=8.0",
    "waiter: waits for slow to finish; times out at t=3.0",
    "left: sleeps until t=10.5",
  ]);
  expect(after).toEqual(["slow: sleeps until t=8.0", "waiter: waits for slow to finish; times out at t=3.0", "left: sleeps until t=10.5"]);
});
