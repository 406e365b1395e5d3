/**
 * The event loop's TypeScript-only behaviour: drivers, VirtualClock, wrapPromise,
 * timer heap compaction, and the bad-input errors of the core.
 */
import { execFileSync } from "node:child_process";
import * as asyncio from "asyncio-ts";
import { afterEach, describe, expect, test, vi } from "vitest";

const virtual = () => ({ clock: new asyncio.VirtualClock() });

afterEach(() => {
  vi.restoreAllMocks();
});

describe("VirtualClock", () => {
  test("an hour of sleeps takes no real time and loop.time() reads an hour", () => {
    const started = performance.now();
    const when = asyncio.runSync(
      (function* () {
        for (let i = 0; i < 3600; i++) yield* asyncio.sleep(1);
        return asyncio.getRunningLoop().time();
      })(),
      virtual(),
    );
    expect(when).toBe(3600);
    expect(performance.now() - started).toBeLessThan(2000);
  });

  test("events happen in the same order as under real time", async () => {
    function* program(log: string[]) {
      const worker = function* (name: string, delays: number[]) {
        for (const d of delays) {
          yield* asyncio.sleep(d);
          log.push(`${name}@${d}`);
        }
      };
      yield* asyncio.gather(worker("a", [0.03, 0.01, 0.02]), worker("b", [0.02, 0.03, 0]), worker("c", [0, 0.05]));
    }
    const real: string[] = [];
    const fake: string[] = [];
    await asyncio.run(program(real));
    await asyncio.run(program(fake), virtual());
    expect(fake).toEqual(real);
  });

  test("runs on the host driver too, and time starts at 0", async () => {
    const t = await asyncio.run(
      (function* () {
        const loop = asyncio.getRunningLoop();
        const t0 = loop.time();
        yield* asyncio.sleep(10);
        return [t0, loop.time()];
      })(),
      virtual(),
    );
    expect(t).toEqual([0, 10]);
  });

  test("rejects a start that is not finite and an advance that is negative", () => {
    expect(() => new asyncio.VirtualClock(Number.NaN)).toThrow(RangeError);
    expect(() => new asyncio.VirtualClock().advance(-1)).toThrow(/non-negative/);
  });
});

describe("the host-driven driver", () => {
  test("runs many loop iterations per host turn", async () => {
    let hostTurns = 0;
    let running = true;
    const countTurns = () => {
      hostTurns++;
      if (running) setImmediate(countTurns);
    };
    setImmediate(countTurns);
    let iterations = 0;
    await asyncio.run(
      (function* () {
        for (let i = 0; i < 2000; i++) {
          iterations++;
          yield;
        }
      })(),
    );
    running = false;
    expect(iterations).toBe(2000);
    expect(hostTurns).toBeLessThan(iterations / 10);
  });

  test("lets host callbacks in while a task keeps yielding", async () => {
    let hostRan = false;
    await asyncio.run(
      (function* () {
        setTimeout(() => {
          hostRan = true;
        }, 5);
        const loop = asyncio.getRunningLoop();
        const t0 = loop.time();
        while (!hostRan) {
          if (loop.time() - t0 > 5) throw new Error("the host never got a turn");
          yield;
        }
      })(),
    );
    expect(hostRan).toBe(true);
  });

  test("wakes at once for callSoonThreadsafe from a host callback", async () => {
    const loop = asyncio.newEventLoop();
    const started = performance.now();
    setTimeout(() => loop.callSoonThreadsafe(() => loop.stop()), 20);
    await loop.runForever();
    loop.close();
    expect(performance.now() - started).toBeLessThan(1000);
  });

  test("a Future is awaitable from native code, with its result or error", async () => {
    const loop = asyncio.newEventLoop();
    const ok = loop.createFuture<number>();
    const bad = loop.createFuture<number>();
    loop.callLater(0.01, () => ok.setResult(7));
    loop.callLater(0.01, () => bad.setException(new RangeError("nope")));
    const main = loop.runUntilComplete(asyncio.wait([ok, bad]));
    expect(await ok).toBe(7);
    await expect(bad).rejects.toThrow("nope");
    await main;
    loop.close();
  });

  test("runUntilComplete on a running loop throws at the call site, the run goes on", async () => {
    const loop = asyncio.newEventLoop();
    const run = loop.runUntilComplete(asyncio.sleep(0.01, "done"));
    expect(() => loop.runUntilComplete(asyncio.sleep(0))).toThrow("This event loop is already running");
    expect(await run).toBe("done");
    loop.close();
  });
});

describe("wrapPromise", () => {
  test("follows a promise's value and rejection", async () => {
    const result = await asyncio.run(
      (function* () {
        const a = yield* asyncio.wrapPromise(new Promise<number>((r) => setTimeout(() => r(5), 10)));
        let error: unknown;
        try {
          yield* asyncio.wrapPromise(Promise.reject(new TypeError("bad")));
        } catch (e) {
          error = e;
        }
        return [a, (error as Error).message];
      })(),
    );
    expect(result).toEqual([5, "bad"]);
  });

  test("a cancelled wrapper ignores the promise's later outcome", async () => {
    const outcome = await asyncio.run(
      (function* () {
        const wrapped = asyncio.wrapPromise(new Promise((r) => setTimeout(() => r(1), 20)));
        wrapped.cancel("stop");
        yield* asyncio.sleep(0.05);
        return wrapped.cancelled();
      })(),
    );
    expect(outcome).toBe(true);
  });

  test("rejects something that is not a promise", () => {
    expect(() => asyncio.wrapPromise(42 as never, asyncio.newEventLoop())).toThrow(/needs a promise or thenable, got 42/);
  });
});

describe("runSync", () => {
  test("throws instead of hanging when only host I/O could make progress", () => {
    const hang = new Promise(() => {});
    expect(() =>
      asyncio.runSync(
        (function* () {
          yield* asyncio.wrapPromise(hang);
        })(),
      ),
    ).toThrow(/runSync cannot wait for host I\/O.*1 host operation.*use asyncio\.run/);
  });

  test("throws when a task waits on a future nobody can resolve", () => {
    expect(() =>
      asyncio.runSync(
        (function* () {
          yield* asyncio.getRunningLoop().createFuture();
        })(),
      ),
    ).toThrow(/nothing is ready, no timer is scheduled.*use asyncio\.run/);
  });

  test("says to use run when the host forbids blocking (a browser's main thread)", () => {
    vi.spyOn(Atomics, "wait").mockImplementation(() => {
      throw new TypeError("Atomics.wait cannot be called in this context");
    });
    expect(() => asyncio.runSync(asyncio.sleep(0.01))).toThrow(/cannot block this thread.*use asyncio\.run/);
  });

  test("blocks between timers in real time", () => {
    const started = performance.now();
    asyncio.runSync(asyncio.sleep(0.05));
    expect(performance.now() - started).toBeGreaterThanOrEqual(45);
  });

  test("a VirtualClock never blocks, even where blocking is forbidden", () => {
    vi.spyOn(Atomics, "wait").mockImplementation(() => {
      throw new TypeError("Atomics.wait cannot be called in this context");
    });
    expect(asyncio.runSync(asyncio.sleep(5, "ok"), virtual())).toBe("ok");
  });
});

describe("the timer heap", () => {
  test("cancelled timers are compacted away, as CPython does", () => {
    const sizes = asyncio.runSync(
      (function* () {
        const loop = asyncio.getRunningLoop();
        const seen: number[] = [];
        for (let round = 0; round < 50; round++) {
          for (let i = 0; i < 1000; i++) loop.callLater(100 + i, () => {}).cancel();
          yield;
          seen.push(loop._scheduled.length);
        }
        return seen;
      })(),
      virtual(),
    );
    expect(Math.max(...sizes)).toBeLessThanOrEqual(1000);
    expect(sizes.at(-1)).toBe(0);
  });

  test("timers due at the same moment run in scheduling order", () => {
    const order: number[] = [];
    asyncio.runSync(
      (function* () {
        const loop = asyncio.getRunningLoop();
        for (const i of [3, 1, 4, 1, 5, 9, 2, 6]) loop.callAt(7, () => order.push(i));
        yield* asyncio.sleep(8);
      })(),
      virtual(),
    );
    expect(order).toEqual([3, 1, 4, 1, 5, 9, 2, 6]);
  });
});

describe("bad input", () => {
  test("awaiting a Future of another loop fails the awaiting task", () => {
    const other = asyncio.newEventLoop();
    const foreign = other.createFuture();
    expect(() =>
      asyncio.runSync(
        (function* () {
          yield* foreign;
        })(),
      ),
    ).toThrow(/got Future <Future pending> attached to a different loop/);
    other.close();
  });

  test("scheduling on a closed loop says the loop is closed", () => {
    const loop = asyncio.newEventLoop();
    loop.close();
    expect(() => loop.callSoon(() => {})).toThrow(new asyncio.RuntimeError("Event loop is closed"));
    expect(() => loop.callLater(1, () => {})).toThrow("Event loop is closed");
    expect(() => loop.createTask(asyncio.sleep(0))).toThrow("Event loop is closed");
    expect(() => loop.runUntilCompleteSync(asyncio.sleep(0))).toThrow("Event loop is closed");
  });

  test("running a loop from inside a running loop fails", () => {
    const inner = asyncio.newEventLoop();
    expect(() =>
      asyncio.runSync(
        (function* () {
          yield;
          inner.runForeverSync();
        })(),
      ),
    ).toThrow("Cannot run the event loop while another loop is running");
    inner.close();
  });

  test("closing a running loop fails", () => {
    expect(() =>
      asyncio.runSync(
        (function* () {
          asyncio.getRunningLoop().close();
        })(),
      ),
    ).toThrow("Cannot close a running event loop");
  });

  test("setResult on a done Future and result() of a pending one", () => {
    const loop = asyncio.newEventLoop();
    const f = loop.createFuture<number>();
    expect(() => f.result()).toThrow(new asyncio.InvalidStateError("Result is not set."));
    f.setResult(1);
    expect(() => f.setResult(2)).toThrow(asyncio.InvalidStateError);
    expect(() => f.setException(new Error("x"))).toThrow("invalid state");
    loop.close();
  });

  test("createTask with something that is not a generator names what was given", () => {
    const loop = asyncio.newEventLoop();
    function* factorial() {}
    expect(() => loop.createTask(factorial as never)).toThrow(
      new TypeError("a coroutine was expected, got generator function factorial; call it to get a coroutine: factorial(...)"),
    );
    expect(() => loop.createTask(42 as never)).toThrow(new TypeError("a coroutine was expected, got 42"));
    expect(() => loop.createTask(Promise.resolve(1) as never)).toThrow(/got a Promise; to run a promise, use asyncio.wrapPromise/);
    loop.close();
  });

  test("callSoon rejects what it cannot call, and generator functions", () => {
    const loop = asyncio.newEventLoop();
    expect(() => loop.callSoon(42 as never)).toThrow("a callable object was expected by callSoon(), got 42");
    expect(() => loop.callSoon(function* tick() {} as never)).toThrow(/coroutines cannot be used with callSoon\(\)/);
    expect(() => loop.callLater("1" as never, () => {})).toThrow(/delay must be a number of seconds, got '1'/);
    loop.close();
  });

  test("a callback that throws goes to the exception handler and the loop keeps running", () => {
    const seen: string[] = [];
    const result = asyncio.runSync(
      (function* () {
        const loop = asyncio.getRunningLoop();
        loop.setExceptionHandler((_loop, context) => seen.push(`${context.message} | ${(context.exception as Error).message}`));
        loop.callSoon(function boom() {
          throw new Error("kaput");
        });
        yield* asyncio.sleep(0.01);
        return "still running";
      })(),
    );
    expect(result).toBe("still running");
    expect(seen).toEqual(["Exception in callback boom() | kaput"]);
  });

  test("the default exception handler logs to the console", () => {
    const error = vi.spyOn(console, "error").mockImplementation(() => {});
    asyncio.runSync(
      (function* () {
        asyncio.getRunningLoop().callSoon(() => {
          throw new Error("logged");
        });
        yield;
      })(),
    );
    expect(error).toHaveBeenCalledOnce();
    expect(String(error.mock.calls[0]![0])).toMatch(/^Exception in callback[\s\S]*Error: logged/);
  });

  test("a Promise yielded by a coroutine explains how to await it", () => {
    expect(() =>
      asyncio.runSync(
        (function* () {
          yield Promise.resolve(1) as never;
        })(),
      ),
    ).toThrow(/Task got bad yield: a Promise; to await a promise, use yield\* asyncio.wrapPromise/);
  });

  test("a coroutine yielded without yield* explains the fix", () => {
    expect(() =>
      asyncio.runSync(
        (function* () {
          yield asyncio.sleep(1) as never;
        })(),
      ),
    ).toThrow(/yield was used instead of yield\* for generator/);
  });

  test("sleep rejects a delay that is not a number", () => {
    expect(() => asyncio.runSync(asyncio.sleep("1" as never))).toThrow(new TypeError("sleep() delay must be a number of seconds, got '1'"));
  });
});

describe("debug mode", () => {
  test("reports a callback that blocks the loop", () => {
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
    asyncio.runSync(
      (function* () {
        const loop = asyncio.getRunningLoop();
        loop.slowCallbackDuration = 0.02;
        loop.callSoon(function blocker() {
          Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 40);
        });
        yield* asyncio.sleep(0);
        yield;
      })(),
      { debug: true },
    );
    expect(warn).toHaveBeenCalledOnce();
    // On Node the watchdog may add where the thread was blocked (test/node/watchdog.test.ts).
    expect(String(warn.mock.calls[0]![0])).toMatch(/^Executing <Handle blocker\(\)> took 0\.\d{3} seconds(; it was blocked in blocker \(.*loop\.test\.ts:\d+:\d+\))?$/);
  });
});

describe("the policy", () => {
  test("after asyncio.run ends, getEventLoop says there is no current loop", () => {
    asyncio.runSync(asyncio.sleep(0));
    expect(() => asyncio.getEventLoop()).toThrow(/There is no current event loop/);
    const loop = asyncio.newEventLoop();
    asyncio.setEventLoop(loop);
    expect(asyncio.getEventLoop()).toBe(loop);
    loop.close();
  });

  test("getRunningLoop outside a loop fails", () => {
    expect(() => asyncio.getRunningLoop()).toThrow(new asyncio.RuntimeError("no running event loop"));
  });

  test("setEventLoop rejects what is not a loop", () => {
    expect(() => asyncio.setEventLoop({} as never)).toThrow(TypeError);
  });
});

test("a VirtualClock timer half a year away fires (the clock resolution no longer rounds away there)", () => {
  // In a child process: the regression was a synchronous spin that no test timeout stops.
  const program = `
    import * as asyncio from "asyncio-ts";
    function* main() { yield* asyncio.sleep(2e7); return asyncio.getRunningLoop().time(); }
    console.log(asyncio.runSync(main(), { clock: new asyncio.VirtualClock() }));`;
  const out = execFileSync(process.execPath, ["--import", "tsx", "--input-type=module", "-e", program], { timeout: 20_000 });
  expect(out.toString().trim()).toBe("20000000");
});
