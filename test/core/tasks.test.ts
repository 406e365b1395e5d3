/**
 * Task and Future behaviour that python3 (3.11) cannot show: Python 3.13 semantics,
 * typing, and native-promise interop.
 */
import * as asyncio from "asyncio-ts";
import { describe, expect, expectTypeOf, test } from "vitest";

const virtual = () => ({ clock: new asyncio.VirtualClock() });

describe("Python 3.13 behaviour", () => {
  test("uncancel() down to zero withdraws a cancellation not yet delivered", () => {
    const outcome = asyncio.runSync(
      (function* () {
        const task = asyncio.createTask(asyncio.sleep(0, "finished"));
        task.cancel();
        expect(task.cancelling()).toBe(1);
        expect(task.uncancel()).toBe(0);
        return yield* task;
      })(),
    );
    expect(outcome).toBe("finished");
  });

  test("createTask with a name does not use up a Task-N number", () => {
    const names = asyncio.runSync(
      (function* () {
        const a = asyncio.createTask(asyncio.sleep(0));
        const named = asyncio.createTask(asyncio.sleep(0), { name: "named" });
        const b = asyncio.createTask(asyncio.sleep(0));
        yield* asyncio.gather(a, named, b);
        return [a, named, b].map((t) => t.getName());
      })(),
    );
    const [first, , last] = names.map((n) => Number(n.replace("Task-", "")));
    expect(names[1]).toBe("named");
    expect(last).toBe(first! + 1);
  });

  test("sleep(NaN) raises ValueError (RangeError)", () => {
    expect(() => asyncio.runSync(asyncio.sleep(Number.NaN))).toThrow(new RangeError("Invalid delay: NaN (not a number)"));
  });

  test("a gather of futures that are already done is done when returned", () => {
    asyncio.runSync(
      (function* () {
        const loop = asyncio.getRunningLoop();
        const a = loop.createFuture<number>();
        const b = loop.createFuture<string>();
        a.setResult(1);
        b.setResult("two");
        const g = asyncio.gather(a, b);
        expect(g.done()).toBe(true);
        expect(g.result()).toEqual([1, "two"]);
        yield;
      })(),
    );
  });
});

describe("Task", () => {
  test("a task that throws a non-Error value fails with exactly that value", () => {
    const thrown = { reason: "plain object" };
    let caught: unknown;
    try {
      asyncio.runSync(
        (function* () {
          yield;
          throw thrown;
        })(),
      );
    } catch (e) {
      caught = e;
    }
    expect(caught).toBe(thrown);
  });

  test("setResult and setException are refused on a task", () => {
    asyncio.runSync(
      (function* () {
        const t = asyncio.createTask(asyncio.sleep(0));
        expect(() => t.setResult(undefined)).toThrow("Task does not support set_result operation");
        expect(() => t.setException(new Error())).toThrow("Task does not support set_exception operation");
        yield* t;
      })(),
    );
  });

  test("a task awaiting itself fails with a clear error", () => {
    let self: asyncio.Task<unknown>;
    expect(() =>
      asyncio.runSync(
        (function* () {
          self = asyncio.currentTask()!;
          yield* self;
        })(),
      ),
    ).toThrow(/Task cannot await on itself: <Task pending name='Task-\d+'>/);
  });

  test("tasks are native thenables: await works after the loop ran", async () => {
    const loop = asyncio.newEventLoop({ clock: new asyncio.VirtualClock() });
    const task = loop.createTask(asyncio.sleep(1, "slept"));
    loop.runUntilCompleteSync(task);
    loop.close();
    expect(await task).toBe("slept");
  });

  test("toString names the state and the name", () => {
    const loop = asyncio.newEventLoop();
    const t = loop.createTask(asyncio.sleep(0), { name: "worker" });
    expect(String(t)).toBe("<Task pending name='worker'>");
    loop.runUntilCompleteSync(t);
    expect(String(t)).toBe("<Task finished name='worker' result=undefined>");
    loop.close();
  });

  test("done callbacks never run synchronously", () => {
    const loop = asyncio.newEventLoop();
    const f = loop.createFuture<number>();
    const calls: string[] = [];
    f.addDoneCallback(() => calls.push("callback"));
    f.setResult(1);
    calls.push("after setResult");
    f.addDoneCallback(() => calls.push("late callback"));
    calls.push("after add");
    loop.runUntilCompleteSync(asyncio.sleep(0));
    expect(calls).toEqual(["after setResult", "after add", "callback", "late callback"]);
    loop.close();
  });

  // Without instruments a future whose only callback is a waiting task puts the task on
  // the ready queue in its own place; with them it keeps its own pass, which the recorder
  // names. Both must give the order CPython gives: the wake-up in the future's slot.
  test.each([
    ["without instruments", false],
    ["with an instrument", true],
  ])("a future's waiting task wakes in the future's place in the ready queue, %s", (_, instrumented) => {
    const loop = asyncio.newEventLoop({ clock: new asyncio.VirtualClock() });
    if (instrumented) loop.addInstrument({ beforeTaskStep: () => {} });
    const log: string[] = [];
    const lone = loop.createFuture<string>();
    const shared = loop.createFuture<string>();
    function* waiter(name: string, future: asyncio.Future<string>) {
      log.push(`${name} got ${yield* future}`);
    }
    function* main() {
      const tasks = [
        asyncio.createTask(waiter("a", lone)),
        asyncio.createTask(waiter("b", shared)),
        asyncio.createTask(waiter("c", shared)),
      ];
      yield; // every waiter is waiting
      loop.callSoon(() => log.push("soon before"));
      lone.setResult("lone");
      loop.callSoon(() => log.push("soon between"));
      shared.setResult("shared");
      loop.callSoon(() => log.push("soon after"));
      yield* asyncio.gather(tasks);
    }
    loop.runUntilCompleteSync(main());
    loop.close();
    expect(log).toEqual(["soon before", "a got lone", "soon between", "b got shared", "c got shared", "soon after"]);
  });
});

describe("types", () => {
  test("yield* gives the awaited type", () => {
    function* child(): asyncio.Coroutine<number> {
      yield* asyncio.sleep(0);
      return 42;
    }
    function* main() {
      const task = asyncio.createTask(child());
      const n: number = yield* task;
      const [a, b, c] = yield* asyncio.gather(child(), asyncio.sleep(0, "s"), task);
      expectTypeOf(a).toEqualTypeOf<number>();
      expectTypeOf(b).toEqualTypeOf<string>();
      expectTypeOf(c).toEqualTypeOf<number>();
      const [done, pending] = yield* asyncio.wait([task]);
      expectTypeOf(done).toEqualTypeOf<Set<asyncio.Task<number>>>();
      return n + a + c + pending.size;
    }
    expect(asyncio.runSync(main(), virtual())).toBe(126);
  });
});
