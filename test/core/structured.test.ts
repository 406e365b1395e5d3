/**
 * Structured concurrency behaviour that the python3 oracle (3.11) cannot show: what
 * changed in 3.12/3.13 (waitFor inside the caller's task, eager tasks, as_completed's
 * eager start), and the bad-input errors.
 */
import * as asyncio from "asyncio-ts";
import { describe, expect, test } from "vitest";

const virtual = () => ({ clock: new asyncio.VirtualClock() });

describe("waitFor (3.12+)", () => {
  test("a coroutine runs inside the calling task, not in a new one", () => {
    const same = asyncio.runSync(
      (function* () {
        const caller = asyncio.currentTask();
        return yield* asyncio.waitFor(
          (function* () {
            yield* asyncio.sleep(1);
            return asyncio.currentTask() === caller;
          })(),
          5,
        );
      })(),
      virtual(),
    );
    expect(same).toBe(true);
  });

  test("timeout 0 takes a result that is already there, else cancels and times out", () => {
    const outcome = asyncio.runSync(
      (function* () {
        const loop = asyncio.getRunningLoop();
        const ready = loop.createFuture<string>();
        ready.setResult("ready");
        const first = yield* asyncio.waitFor(ready, 0);
        const slow = asyncio.createTask(asyncio.sleep(1, "slow"));
        let second: string;
        try {
          second = yield* asyncio.waitFor(slow, 0);
        } catch (error) {
          second = `${(error as Error).name}, inner cancelled: ${slow.cancelled()}`;
        }
        return [first, second];
      })(),
      virtual(),
    );
    expect(outcome).toEqual(["ready", "TimeoutError, inner cancelled: true"]);
  });

  test("rejects a timeout that is not a number", () => {
    expect(() => asyncio.runSync(asyncio.waitFor(asyncio.sleep(0), "1" as never))).toThrow(/timeout must be a number of seconds/);
  });
});

describe("eager tasks (3.12+)", () => {
  test("a task that finishes without waiting never touches the ready queue", () => {
    asyncio.runSync(
      (function* () {
        const loop = asyncio.getRunningLoop();
        loop.setTaskFactory(asyncio.eagerTaskFactory);
        const before = loop._ready.length;
        const log: string[] = [];
        const task = asyncio.createTask(
          (function* () {
            log.push("first step");
            return 1;
          })(),
        );
        log.push("after createTask");
        expect(log).toEqual(["first step", "after createTask"]);
        expect(task.done()).toBe(true);
        expect(loop._ready.length).toBe(before);
        expect(asyncio.currentTask()).not.toBe(task);
        yield;
      })(),
    );
  });

  test("an eager task that waits goes on like any task; currentTask is restored", () => {
    const order = asyncio.runSync(
      (function* () {
        const loop = asyncio.getRunningLoop();
        loop.setTaskFactory(asyncio.createEagerTaskFactory(asyncio.Task));
        const me = asyncio.currentTask();
        const order: string[] = [];
        const child = asyncio.createTask(
          (function* () {
            order.push(`child starts in itself: ${asyncio.currentTask() !== me}`);
            yield* asyncio.sleep(1);
            order.push("child resumes");
            return 2;
          })(),
        );
        order.push(`parent is current again: ${asyncio.currentTask() === me}`);
        order.push(`child result ${yield* child}`);
        return order;
      })(),
      virtual(),
    );
    expect(order).toEqual(["child starts in itself: true", "parent is current again: true", "child resumes", "child result 2"]);
  });

  test("a gather of eagerly finished tasks is finished at once", () => {
    asyncio.runSync(
      (function* () {
        asyncio.getRunningLoop().setTaskFactory(asyncio.eagerTaskFactory);
        const g = asyncio.gather(
          asyncio.createTask((function* () { return 1; })()),
          asyncio.createTask((function* () { return 2; })()),
        );
        expect(g.done()).toBe(true);
        expect(yield* g).toEqual([1, 2]);
      })(),
    );
  });
});

describe("asCompleted (3.13)", () => {
  test("a single future instead of a collection is refused at the call, not when iterated", () => {
    asyncio.runSync(
      (function* () {
        const f = asyncio.getRunningLoop().createFuture();
        expect(() => asyncio.asCompleted(f as never)).toThrow(/expect an iterable of futures, not <Future pending>/);
        yield;
      })(),
    );
  });
});

describe("TaskGroup (3.13)", () => {
  test("errors win over an outside cancellation, which is requested again for the next await", () => {
    const log = asyncio.runSync(
      (function* () {
        const log: string[] = [];
        function* parent() {
          try {
            yield* asyncio.asyncWith(new asyncio.TaskGroup(), function* (tg) {
              tg.createTask(
                (function* () {
                  try {
                    yield* asyncio.sleep(1);
                  } catch {
                    throw new RangeError("failed while cancelled");
                  }
                })(),
              );
              yield* asyncio.sleep(1);
            });
          } catch (e) {
            log.push(`group: ${(e as asyncio.ExceptionGroup).exceptions.map((x) => (x as Error).message)}`);
          }
          try {
            yield* asyncio.sleep(0);
            log.push("not cancelled again");
          } catch (e) {
            log.push(`then: ${(e as Error).name}`);
            throw e;
          }
        }
        const p = asyncio.createTask(parent());
        yield* asyncio.sleep(0.1);
        p.cancel();
        yield* asyncio.gather(p, { returnExceptions: true });
        log.push(`cancelled: ${p.cancelled()}`);
        return log;
      })(),
      virtual(),
    );
    expect(log).toEqual(["group: failed while cancelled", "then: CancelledError", "cancelled: true"]);
  });
});

describe("shield", () => {
  test("after the shield is cancelled, the inner error is still reported as never retrieved", () => {
    const reports: string[] = [];
    asyncio.runSync(
      (function* () {
        asyncio.getRunningLoop().setExceptionHandler((_, context) => reports.push(`${context.message}: ${(context.exception as Error).message}`));
        const inner = asyncio.createTask(
          (function* () {
            yield* asyncio.sleep(1);
            throw new RangeError("inner failed");
          })(),
        );
        const outer = asyncio.shield(inner);
        outer.cancel();
        yield* asyncio.sleep(2);
      })(),
      virtual(),
    );
    // Nobody read it: the run reports it when it closes its loop.
    expect(reports).toEqual(["Task exception was never retrieved: inner failed"]);
  });
});

describe("bad input", () => {
  test("asyncWith on something that is not an async context manager names it", () => {
    expect(() =>
      asyncio.runSync(
        asyncio.asyncWith(42 as never, function* () {}),
      ),
    ).toThrow(new TypeError("42 does not support the asynchronous context manager protocol: it needs aenter() and aexit() methods"));
    const syncOnly = { enter() {}, exit() {} };
    expect(() => asyncio.runSync(asyncio.asyncWith(syncOnly as never, function* () {}))).toThrow(/does not support the asynchronous context manager protocol/);
  });

  test("asyncWith with a body that is not a generator function", () => {
    const cm = { *aenter() { return 1; }, *aexit() { return false; } };
    expect(() => asyncio.runSync(asyncio.asyncWith(cm, (() => 5) as never))).toThrow(/the asyncWith body must return a coroutine \(write it as a function\*\), got 5/);
  });

  test("reschedule of an exited or expired timeout", () => {
    asyncio.runSync(
      (function* () {
        const t = asyncio.timeout(10);
        expect(() => t.reschedule(5)).toThrow(new asyncio.RuntimeError("Timeout has not been entered"));
        yield* asyncio.asyncWith(t, function* () {
          yield;
        });
        expect(() => t.reschedule(5)).toThrow(new asyncio.RuntimeError("Cannot change state of finished Timeout"));
        const expiring = asyncio.timeout(0.5);
        try {
          yield* asyncio.asyncWith(expiring, function* () {
            yield* asyncio.sleep(1);
          });
        } catch (error) {
          expect(error).toBeInstanceOf(asyncio.TimeoutError);
          expect((error as Error).cause).toBeInstanceOf(asyncio.CancelledError);
        }
        expect(expiring.expired()).toBe(true);
        expect(() => expiring.reschedule(5)).toThrow(new asyncio.RuntimeError("Cannot change state of expired Timeout"));
      })(),
      virtual(),
    );
  });

  test("createTask on a TaskGroup that is finished, not entered, or shutting down", () => {
    asyncio.runSync(
      (function* () {
        const fresh = new asyncio.TaskGroup();
        const refused = asyncio.sleep(1);
        expect(() => fresh.createTask(refused)).toThrow(/TaskGroup <TaskGroup> has not been entered/);
        expect(refused.next().done).toBe(true); // the refused coroutine was closed
        const group = new asyncio.TaskGroup();
        yield* asyncio.asyncWith(group, function* (tg) {
          tg.createTask(asyncio.sleep(0));
        });
        expect(() => group.createTask(asyncio.sleep(0))).toThrow(/is finished/);
        let shuttingDown = "";
        try {
          yield* asyncio.asyncWith(new asyncio.TaskGroup(), function* (tg) {
            tg.createTask(
              (function* () {
                throw new RangeError("boom");
              })(),
            );
            yield* asyncio.sleep(0);
            yield* asyncio.sleep(0);
          });
        } catch (error) {
          shuttingDown = (error as asyncio.ExceptionGroup).exceptions.map((e) => (e as Error).message).join();
        }
        expect(shuttingDown).toBe("boom");
      })(),
    );
  });

  test("a token reset twice, by another variable, or in another context", () => {
    const a = new asyncio.ContextVar<number>("a", { default: 0 });
    const b = new asyncio.ContextVar<number>("b");
    const token = a.set(1);
    expect(() => b.reset(token as never)).toThrow(RangeError);
    expect(() => new asyncio.Context().run(() => a.reset(token))).toThrow(/was created in a different Context/);
    a.reset(token);
    expect(a.get()).toBe(0);
    expect(() => a.reset(token)).toThrow(asyncio.RuntimeError);
    expect(() => b.get()).toThrow(asyncio.LookupError);
    expect(b.get(7)).toBe(7);
  });

  test("entering a context that is already entered", () => {
    const ctx = asyncio.copyContext();
    expect(() => ctx.run(() => ctx.run(() => 1))).toThrow(/cannot enter context: .* is already entered/);
  });
});

describe("ExceptionGroup", () => {
  test("split and subgroup walk nested groups like Python's", () => {
    const inner = new asyncio.ExceptionGroup("inner", [new RangeError("r2"), new TypeError("t2")]);
    const group = new asyncio.ExceptionGroup("outer", [new RangeError("r1"), inner, new TypeError("t1")]);
    const [ranges, rest] = group.split(RangeError);
    expect(ranges!.message).toBe("outer");
    expect(ranges!.exceptions.map((e) => (e instanceof asyncio.ExceptionGroup ? e.exceptions.map((x) => (x as Error).message) : (e as Error).message))).toEqual(["r1", ["r2"]]);
    expect(rest!.exceptions.map((e) => (e instanceof asyncio.ExceptionGroup ? e.exceptions.map((x) => (x as Error).message) : (e as Error).message))).toEqual([["t2"], "t1"]);
    // As CPython: a new group even when everything matches.
    const all = group.subgroup([RangeError, TypeError])!;
    expect(all).not.toBe(group);
    expect(all.exceptions.length).toBe(3);
    expect(group.subgroup(SyntaxError)).toBeUndefined();
    expect(group.subgroup((e) => e instanceof Error && e.message === "t2")!.exceptions.length).toBe(1);
    expect(group.errors).toBe(group.exceptions);
    expect(String(group)).toBe("ExceptionGroup: outer (3 sub-exceptions)");
    expect(() => group.split(42 as never)).toThrow(TypeError);
  });
});
