/**
 * AbortSignal both ways: wrapPromise((signal) => …), currentSignal(), and the `signal`
 * option of createTask and run. TypeScript-only behaviour (Python has no signals); the
 * parts Python shows are the differential pairs test/diff/abort_*.
 */
import { getEventListeners } from "node:events";
import { type Server, createServer } from "node:http";
import type { AddressInfo } from "node:net";
import * as asyncio from "asyncio-ts";
import { describe, expect, expectTypeOf, test } from "vitest";

const virtual = () => ({ clock: new asyncio.VirtualClock() });

/** A wrapPromise Future over a promise that never settles, and the signal it got. */
function hanging<T = never>(): { future: asyncio.Future<T>; signal: () => AbortSignal } {
  let got: AbortSignal | undefined;
  const future = asyncio.wrapPromise<T>((signal) => {
    got = signal;
    return new Promise<T>(() => {});
  });
  return { future, signal: () => got! };
}

function* catching(aw: asyncio.Coroutine<unknown> | asyncio.Future<unknown>): asyncio.Coroutine<unknown> {
  try {
    return yield* aw;
  } catch (error) {
    return error;
  }
}

describe("wrapPromise((signal) => promise)", () => {
  test("calls the function at once with a live signal, and follows its promise", async () => {
    let seen: AbortSignal | undefined;
    let calledSync = false;
    const result = await asyncio.run(
      (function* () {
        const future = asyncio.wrapPromise((signal) => {
          seen = signal;
          return Promise.resolve(41).then((n) => n + 1);
        });
        calledSync = seen !== undefined;
        return yield* future;
      })(),
    );
    expect(calledSync).toBe(true);
    expect(result).toBe(42);
    expect(seen).toBeInstanceOf(AbortSignal);
    expect(seen!.aborted).toBe(false);
  });

  test("the promise's rejection fails the Future", async () => {
    const error = await asyncio.run(
      (function* () {
        return yield* catching(asyncio.wrapPromise(() => Promise.reject(new RangeError("bad"))));
      })(),
    );
    expect(error).toEqual(new RangeError("bad"));
  });

  test("cancel() aborts the signal with an AbortError whose cause is the CancelledError", async () => {
    const reported: unknown[] = [];
    const { reason, cancelledSeen } = await asyncio.run(
      (function* () {
        asyncio.getRunningLoop().setExceptionHandler((_, context) => reported.push(context));
        let reject!: (e: unknown) => void;
        let signal!: AbortSignal;
        const future = asyncio.wrapPromise((s) => {
          signal = s;
          s.addEventListener("abort", () => reject(s.reason));
          return new Promise((_, r) => {
            reject = r;
          });
        });
        future.cancel("no longer needed");
        expect(signal.aborted).toBe(false); // through the loop, like every done callback
        const cancelledSeen = yield* catching(future);
        yield* asyncio.sleep(0);
        expect(signal.aborted).toBe(true);
        // The promise's rejection comes later; it must be ignored, not reported.
        yield* asyncio.sleep(0.01);
        return { reason: signal.reason as Error & { cause: unknown }, cancelledSeen };
      })(),
    );
    expect(cancelledSeen).toBeInstanceOf(asyncio.CancelledError);
    expect(reason).toBeInstanceOf(DOMException);
    expect(reason.name).toBe("AbortError");
    expect(reason.message).toBe("The operation was aborted: its Future was cancelled: no longer needed");
    expect(reason.cause).toBeInstanceOf(asyncio.CancelledError);
    expect((reason.cause as Error).message).toBe("no longer needed");
    expect(reported).toEqual([]);
  });

  test("a never-settling promise under waitFor ends with TimeoutError and its signal aborted", async () => {
    let signal!: () => AbortSignal;
    const outcome = await asyncio.run(
      (function* () {
        const h = hanging<string>();
        signal = h.signal;
        return yield* catching(asyncio.waitFor(h.future, 0.05));
      })(),
    );
    expect(outcome).toBeInstanceOf(asyncio.TimeoutError);
    expect(signal().aborted).toBe(true);
    expect(signal().reason.cause).toBeInstanceOf(asyncio.CancelledError);
  });

  test("waitFor with timeout 0 aborts too", async () => {
    let signal!: () => AbortSignal;
    const outcome = await asyncio.run(
      (function* () {
        const h = hanging();
        signal = h.signal;
        return yield* catching(asyncio.waitFor(h.future, 0));
      })(),
    );
    expect(outcome).toBeInstanceOf(asyncio.TimeoutError);
    expect(signal().aborted).toBe(true);
  });

  test("a timeout() scope's deadline aborts it", async () => {
    let signal!: () => AbortSignal;
    const outcome = await asyncio.run(
      (function* () {
        const h = hanging();
        signal = h.signal;
        return yield* catching(
          asyncio.asyncWith(asyncio.timeout(0.05), function* () {
            yield* h.future;
          }),
        );
      })(),
    );
    expect(outcome).toBeInstanceOf(asyncio.TimeoutError);
    expect(signal().aborted).toBe(true);
  });

  test("a TaskGroup aborting after a sibling fails aborts it", async () => {
    let signal!: () => AbortSignal;
    const outcome = await asyncio.run(
      (function* () {
        return yield* catching(
          asyncio.asyncWith(new asyncio.TaskGroup(), function* (tg) {
            tg.createTask(
              (function* () {
                const h = hanging();
                signal = h.signal;
                yield* h.future;
              })(),
            );
            tg.createTask(
              (function* () {
                yield* asyncio.sleep(0.01);
                throw new RangeError("sibling failed");
              })(),
            );
          }),
        );
      })(),
    );
    expect(outcome).toBeInstanceOf(asyncio.ExceptionGroup);
    expect(signal().aborted).toBe(true);
  });

  test("the end of run aborts it for a task left over", async () => {
    let signal!: () => AbortSignal;
    await asyncio.run(
      (function* () {
        asyncio.createTask(
          (function* () {
            const h = hanging();
            signal = h.signal;
            yield* h.future;
          })(),
        );
        yield* asyncio.sleep(0);
        expect(signal().aborted).toBe(false);
      })(),
    );
    expect(signal().aborted).toBe(true);
  });

  test("a Future that completes leaves its signal alone", async () => {
    let signal: AbortSignal | undefined;
    await asyncio.run(
      (function* () {
        yield* asyncio.wrapPromise((s) => {
          signal = s;
          return Promise.resolve("done");
        });
        yield* asyncio.sleep(0);
      })(),
    );
    expect(signal!.aborted).toBe(false);
  });

  test("bad input: a function that returns no promise is a TypeError, and its signal is aborted", () => {
    let signal: AbortSignal | undefined;
    const loop = asyncio.newEventLoop();
    expect(() =>
      asyncio.wrapPromise(function start(s) {
        signal = s;
        return 42 as never;
      }, loop),
    ).toThrow(new TypeError("wrapPromise() needs a function that returns a promise or thenable, got function start returning 42"));
    expect(signal!.aborted).toBe(true);
    expect(() => asyncio.wrapPromise("text" as never, loop)).toThrow(
      new TypeError("wrapPromise() needs a promise or thenable, got 'text'; or a function (signal) => promise"),
    );
    loop.close();
  });

  test("what the function throws comes out of wrapPromise, after its signal is aborted", () => {
    let signal: AbortSignal | undefined;
    const loop = asyncio.newEventLoop();
    const error = new RangeError("bad url");
    expect(() =>
      asyncio.wrapPromise((s) => {
        signal = s;
        throw error;
      }, loop),
    ).toThrow(error);
    expect(signal!.aborted).toBe(true);
    expect(signal!.reason.cause).toBe(error);
    loop.close();
  });

  test("types: the Future's type is the promise's", () => {
    const loop = asyncio.newEventLoop();
    const future = asyncio.wrapPromise((signal) => Promise.resolve(signal.aborted ? 0 : 1), loop);
    expectTypeOf(future).toEqualTypeOf<asyncio.Future<number>>();
    expectTypeOf(asyncio.wrapPromise(Promise.resolve("a"), loop)).toEqualTypeOf<asyncio.Future<string>>();
    future.cancel();
    loop.close();
  });
});

describe("a real fetch", () => {
  test("wrapPromise((signal) => fetch(url, { signal })) under waitFor: TimeoutError, and the server sees the request go", async () => {
    let closedResolve!: () => void;
    const requestClosed = new Promise<void>((resolve) => {
      closedResolve = resolve;
    });
    let requests = 0;
    // A server that never answers.
    const server: Server = createServer((req) => {
      requests++;
      req.socket.on("close", () => closedResolve());
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
    try {
      let signal: AbortSignal | undefined;
      const outcome = await asyncio.run(
        (function* () {
          const t0 = asyncio.getRunningLoop().time();
          const error = yield* catching(
            asyncio.waitFor(
              asyncio.wrapPromise((s) => {
                signal = s;
                return fetch(url, { signal: s });
              }),
              0.2,
            ),
          );
          return { error, elapsed: asyncio.getRunningLoop().time() - t0 };
        })(),
      );
      expect(outcome.error).toBeInstanceOf(asyncio.TimeoutError);
      expect(outcome.elapsed).toBeGreaterThanOrEqual(0.19);
      expect(outcome.elapsed).toBeLessThan(5);
      expect(signal!.aborted).toBe(true);
      expect(requests).toBe(1);
      // The client closed the connection: fetch was really aborted.
      let timer: NodeJS.Timeout | undefined;
      const closed = await Promise.race([
        requestClosed.then(() => true),
        new Promise<boolean>((resolve) => {
          timer = setTimeout(() => resolve(false), 5000);
        }),
      ]);
      clearTimeout(timer);
      expect(closed).toBe(true);
    } finally {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  });
});

describe("currentSignal()", () => {
  test("is made once per task: the same signal on every call", () => {
    const [a, b, other] = asyncio.runSync(
      (function* () {
        const a = asyncio.currentSignal();
        yield* asyncio.sleep(0);
        const b = asyncio.currentSignal();
        const other = yield* asyncio.createTask((function* () {
          return asyncio.currentSignal();
        })());
        return [a, b, other];
      })(),
    );
    expect(a).toBe(b);
    expect(other).not.toBe(a);
  });

  test("aborts when task.cancel() is called, before the cancellation is delivered", () => {
    const log: string[] = [];
    asyncio.runSync(
      (function* () {
        const task = asyncio.createTask(
          (function* () {
            const signal = asyncio.currentSignal();
            signal.addEventListener("abort", () => log.push(`abort listener, cancelling=${asyncio.currentTask() === undefined}`));
            try {
              yield* asyncio.sleep(10);
            } finally {
              log.push(`finally: aborted=${signal.aborted} reason=${signal.reason.name}: ${signal.reason.message}`);
            }
          })(),
          { name: "worker" },
        );
        yield* asyncio.sleep(1);
        task.cancel("stop");
        log.push("cancel() returned");
        yield* catching(task);
      })(),
      virtual(),
    );
    expect(log).toEqual([
      "abort listener, cancelling=false",
      "cancel() returned",
      "finally: aborted=true reason=AbortError: The operation was aborted: task 'worker' was cancelled: stop",
    ]);
  });

  test("the reason of a cancellation has the CancelledError as cause", () => {
    const reason = asyncio.runSync(
      (function* () {
        let signal!: AbortSignal;
        const task = asyncio.createTask(
          (function* () {
            signal = asyncio.currentSignal();
            yield* asyncio.sleep(10);
          })(),
        );
        yield* asyncio.sleep(0);
        task.cancel("why");
        yield* catching(task);
        return signal.reason as Error;
      })(),
      virtual(),
    );
    expect(reason.cause).toBeInstanceOf(asyncio.CancelledError);
    expect((reason.cause as Error).message).toBe("why");
  });

  test("aborts when the task ends, however it ends: returned, failed, cancelled from inside", () => {
    const signals = asyncio.runSync(
      (function* () {
        const got: Record<string, AbortSignal> = {};
        const returned = asyncio.createTask((function* () {
          got.returned = asyncio.currentSignal();
          return 1;
        })());
        const failed = asyncio.createTask((function* () {
          got.failed = asyncio.currentSignal();
          yield;
          throw new RangeError("failed");
        })());
        const selfCancelled = asyncio.createTask((function* () {
          got.selfCancelled = asyncio.currentSignal();
          yield;
          throw new asyncio.CancelledError("from inside");
        })());
        yield* asyncio.wait([returned, failed, selfCancelled]);
        failed.exception();
        yield* asyncio.sleep(0);
        return got;
      })(),
    );
    expect(signals.returned!.aborted).toBe(true);
    expect(signals.returned!.reason.message).toMatch(/^The operation was aborted: task 'Task-\d+' is done$/);
    expect(signals.failed!.aborted).toBe(true);
    expect(signals.selfCancelled!.aborted).toBe(true);
    expect(signals.selfCancelled!.reason.cause).toBeInstanceOf(asyncio.CancelledError);
    expect(signals.selfCancelled!.reason.cause.message).toBe("from inside");
  });

  test("asked for while a cancellation is pending, it is aborted at once", () => {
    const aborted = asyncio.runSync(
      (function* () {
        const me = asyncio.currentTask()!;
        me.cancel();
        const signal = asyncio.currentSignal();
        me.uncancel();
        return signal.aborted;
      })(),
    );
    expect(aborted).toBe(true);
  });

  test("after a timeout withdrew its cancellation, the old signal stays aborted and a new one is given", () => {
    const { first, second, again } = asyncio.runSync(
      (function* () {
        const first = asyncio.currentSignal();
        yield* catching(
          asyncio.asyncWith(asyncio.timeout(1), function* () {
            yield* asyncio.sleep(10);
          }),
        );
        expect(asyncio.currentTask()!.cancelling()).toBe(0);
        const second = asyncio.currentSignal();
        return { first, second, again: asyncio.currentSignal() };
      })(),
      virtual(),
    );
    expect(first.aborted).toBe(true);
    expect(second).not.toBe(first);
    expect(second).toBe(again);
    // The new one lived until the task ended.
    expect(second.aborted).toBe(true);
    expect(second.reason.message).toMatch(/is done$/);
  });

  test("a cancellation caught without uncancel() keeps the signal aborted", () => {
    const same = asyncio.runSync(
      (function* () {
        const first = asyncio.currentSignal();
        const me = asyncio.currentTask()!;
        asyncio.getRunningLoop().callSoon(() => me.cancel());
        yield* catching(asyncio.sleep(1));
        return first === asyncio.currentSignal() && first.aborted;
      })(),
      virtual(),
    );
    expect(same).toBe(true);
  });

  test("end of run: a leftover task's signal aborts", () => {
    let signal: AbortSignal | undefined;
    asyncio.runSync(
      (function* () {
        asyncio.createTask(
          (function* () {
            signal = asyncio.currentSignal();
            yield* asyncio.sleep(3600);
          })(),
        );
        yield* asyncio.sleep(0);
      })(),
      virtual(),
    );
    expect(signal!.aborted).toBe(true);
  });

  test("a TaskGroup's abort and waitFor's timeout abort the task's signal", () => {
    const { sibling, waiter } = asyncio.runSync(
      (function* () {
        let sibling!: AbortSignal;
        let waiter!: AbortSignal;
        yield* catching(
          asyncio.asyncWith(new asyncio.TaskGroup(), function* (tg) {
            tg.createTask((function* () {
              sibling = asyncio.currentSignal();
              yield* asyncio.sleep(10);
            })());
            tg.createTask((function* () {
              yield* asyncio.sleep(1);
              throw new RangeError("boom");
            })());
          }),
        );
        yield* asyncio.createTask(
          catching(
            (function* () {
              waiter = asyncio.currentSignal();
              yield* asyncio.waitFor(asyncio.sleep(10), 1);
            })(),
          ),
        );
        return { sibling, waiter };
      })(),
      virtual(),
    );
    expect(sibling.aborted).toBe(true);
    expect(sibling.reason.cause).toBeInstanceOf(asyncio.CancelledError);
    expect(waiter.aborted).toBe(true);
  });

  test("outside a task it is a RuntimeError", () => {
    expect(() => asyncio.currentSignal()).toThrow(new asyncio.RuntimeError("currentSignal() needs a running task: no running event loop"));
    let error: unknown;
    asyncio.runSync(
      (function* () {
        asyncio.getRunningLoop().callSoon(() => {
          try {
            asyncio.currentSignal();
          } catch (e) {
            error = e;
          }
        });
        yield* asyncio.sleep(0);
      })(),
    );
    expect(error).toBeInstanceOf(asyncio.RuntimeError);
    expect((error as Error).message).toMatch(/^currentSignal\(\) was called outside a task/);
  });
});

describe("createTask(coro, { signal })", () => {
  test("an aborted signal cancels the task, with the reason as message when it is a string", () => {
    const outcome = asyncio.runSync(
      (function* () {
        const controller = new AbortController();
        const task = asyncio.createTask(asyncio.sleep(10, "slept"), { signal: controller.signal });
        yield* asyncio.sleep(1);
        controller.abort("user pressed stop");
        const error = yield* catching(task);
        return { error, cancelled: task.cancelled(), time: asyncio.getRunningLoop().time() };
      })(),
      virtual(),
    );
    expect(outcome.cancelled).toBe(true);
    expect(outcome.error).toEqual(new asyncio.CancelledError("user pressed stop"));
    expect(outcome.time).toBe(1);
  });

  test("a reason that is not a string gives no message", () => {
    const error = asyncio.runSync(
      (function* () {
        const controller = new AbortController();
        const task = asyncio.createTask(asyncio.sleep(10), { signal: controller.signal });
        yield;
        controller.abort();
        return yield* catching(task);
      })(),
      virtual(),
    );
    expect(error).toEqual(new asyncio.CancelledError(""));
  });

  test("one abort cancels every task using the signal, in the order they were made", () => {
    const log = asyncio.runSync(
      (function* () {
        const log: string[] = [];
        const controller = new AbortController();
        const worker = function* (name: string) {
          try {
            yield* asyncio.sleep(10);
          } catch (error) {
            log.push(`${name}: ${(error as Error).message}`);
            throw error;
          }
        };
        const tasks = ["a", "b", "c"].map((name) => asyncio.createTask(worker(name), { signal: controller.signal }));
        yield* asyncio.sleep(1);
        controller.abort("all of you");
        yield* asyncio.gather(...tasks, { returnExceptions: true });
        return log;
      })(),
      virtual(),
    );
    expect(log).toEqual(["a: all of you", "b: all of you", "c: all of you"]);
  });

  test("an already aborted signal: the task is cancelled before its first step, its body never runs", () => {
    const ran: string[] = [];
    const outcome = asyncio.runSync(
      (function* () {
        const task = asyncio.createTask(
          (function* () {
            ran.push("body");
            yield* asyncio.sleep(0);
          })(),
          { signal: AbortSignal.abort("too late") },
        );
        expect(task.cancelling()).toBe(1);
        expect(task.done()).toBe(false);
        const error = yield* catching(task);
        return { error, cancelled: task.cancelled() };
      })(),
    );
    expect(ran).toEqual([]);
    expect(outcome.cancelled).toBe(true);
    expect(outcome.error).toEqual(new asyncio.CancelledError("too late"));
  });

  test("an already aborted signal stops an eager task from starting too", () => {
    const ran: string[] = [];
    const cancelled = asyncio.runSync(
      (function* () {
        asyncio.getRunningLoop().setTaskFactory(asyncio.eagerTaskFactory);
        const task = asyncio.createTask(
          (function* () {
            ran.push("body");
            return 1;
          })(),
          { signal: AbortSignal.abort() },
        );
        yield* catching(task);
        return task.cancelled();
      })(),
    );
    expect(ran).toEqual([]);
    expect(cancelled).toBe(true);
  });

  test("loop.createTask and TaskGroup.createTask take it too", () => {
    const outcome = asyncio.runSync(
      (function* () {
        const controller = new AbortController();
        const viaLoop = asyncio.getRunningLoop().createTask(asyncio.sleep(10), { signal: controller.signal });
        let inGroup!: asyncio.Task<unknown>;
        const groupDone = yield* catching(
          asyncio.asyncWith(new asyncio.TaskGroup(), function* (tg) {
            inGroup = tg.createTask(asyncio.sleep(10), { signal: controller.signal });
            yield* asyncio.sleep(1);
            controller.abort();
          }),
        );
        yield* catching(viaLoop);
        return { groupDone, loopCancelled: viaLoop.cancelled(), groupCancelled: inGroup.cancelled() };
      })(),
      virtual(),
    );
    // A child cancelled from outside is not an error of the group.
    expect(outcome.groupDone).toBeUndefined();
    expect(outcome.loopCancelled).toBe(true);
    expect(outcome.groupCancelled).toBe(true);
  });

  test("a long-lived signal used for 100 000 tasks holds no listener once they are done", () => {
    const controller = new AbortController();
    const { whileRunning, after } = asyncio.runSync(
      (function* () {
        const tasks: asyncio.Task<number>[] = [];
        for (let i = 0; i < 100_000; i++) {
          tasks.push(asyncio.createTask((function* () {
            yield;
            return 1;
          })(), { signal: controller.signal }));
        }
        // One listener, however many tasks.
        const whileRunning = getEventListeners(controller.signal, "abort").length;
        const results = yield* asyncio.gather(...tasks);
        expect(results.length).toBe(100_000);
        yield* asyncio.sleep(0);
        return { whileRunning, after: getEventListeners(controller.signal, "abort").length };
      })(),
    );
    expect(whileRunning).toBe(1);
    expect(after).toBe(0);
    // Aborting now cancels nothing and throws nothing.
    controller.abort();
  });

  test("bad input: a signal that is not an AbortSignal is a TypeError naming it", () => {
    const error = asyncio.runSync(
      (function* () {
        try {
          asyncio.createTask(asyncio.sleep(0), { signal: "stop" as never });
        } catch (e) {
          return e;
        }
      })(),
    );
    expect(error).toEqual(new TypeError("createTask() signal must be an AbortSignal, null or undefined, got 'stop'"));
    expect(() => asyncio.runSync(asyncio.sleep(0), { signal: { aborted: false } as never })).toThrow(
      new TypeError("asyncio.runSync() signal must be an AbortSignal, null or undefined, got an object {aborted}"),
    );
  });

  test("null is no signal", () => {
    expect(asyncio.runSync(asyncio.sleep(0, "ok"), { signal: null })).toBe("ok");
  });

  test("an object shaped like an AbortSignal is accepted", () => {
    const listeners: (() => void)[] = [];
    const fake = {
      aborted: false,
      reason: undefined as unknown,
      addEventListener: (_type: string, fn: () => void) => listeners.push(fn),
      removeEventListener: (_type: string, fn: () => void) => listeners.splice(listeners.indexOf(fn), 1),
    };
    const error = asyncio.runSync(
      (function* () {
        const task = asyncio.createTask(asyncio.sleep(10), { signal: fake as unknown as AbortSignal });
        yield;
        expect(listeners.length).toBe(1);
        fake.aborted = true;
        fake.reason = "fake abort";
        for (const fn of [...listeners]) fn();
        return yield* catching(task);
      })(),
      virtual(),
    );
    expect(error).toEqual(new asyncio.CancelledError("fake abort"));
  });
});

describe("run(main, { signal })", () => {
  test("an abort cancels the main task, whose finally runs; the run rejects with CancelledError", async () => {
    const controller = new AbortController();
    const log: string[] = [];
    const running = asyncio.run(
      (function* () {
        try {
          log.push("started");
          yield* asyncio.sleep(3600);
        } finally {
          log.push("finally");
        }
      })(),
      { signal: controller.signal },
    );
    setTimeout(() => controller.abort("shutdown"), 10);
    await expect(running).rejects.toEqual(new asyncio.CancelledError("shutdown"));
    expect(log).toEqual(["started", "finally"]);
    expect(getEventListeners(controller.signal, "abort").length).toBe(0);
  });

  test("an already aborted signal: main never runs", async () => {
    const log: string[] = [];
    await expect(
      asyncio.run(
        (function* () {
          log.push("body");
        })(),
        { signal: AbortSignal.abort() },
      ),
    ).rejects.toBeInstanceOf(asyncio.CancelledError);
    expect(log).toEqual([]);
  });

  test("runSync: a task of the run may abort it", () => {
    const controller = new AbortController();
    expect(() =>
      asyncio.runSync(
        (function* () {
          asyncio.getRunningLoop().callLater(1, () => controller.abort("enough"));
          yield* asyncio.sleep(3600);
        })(),
        { signal: controller.signal, ...virtual() },
      ),
    ).toThrow(new asyncio.CancelledError("enough"));
  });

  test("a main task that catches the cancellation ends the run normally", async () => {
    const result = await asyncio.run(
      (function* () {
        try {
          yield* asyncio.sleep(3600);
        } catch (error) {
          if (!(error instanceof asyncio.CancelledError)) throw error;
          return "cleaned up";
        }
      })(),
      { signal: AbortSignal.timeout(10) },
    );
    expect(result).toBe("cleaned up");
  });

  test("bad input throws at once, before any loop exists", () => {
    expect(() => asyncio.run(asyncio.sleep(0), { signal: 5 as never })).toThrow(
      new TypeError("asyncio.run() signal must be an AbortSignal, null or undefined, got 5"),
    );
    expect(() => asyncio.getRunningLoop()).toThrow(asyncio.RuntimeError);
  });
});
