/**
 * runTest (asyncio-ts/testing) under vitest: this file is also the vitest example of
 * docs/testing.md. Each check has a test that fails when the check is gone (the leak
 * must reject), and a clean test shows that a tidy test passes.
 */
import * as asyncio from "asyncio-ts";
import { TestFailure, runTest } from "asyncio-ts/testing";
import { expect, test } from "vitest";
import { failure } from "./failure";


test("an hour of virtual time passes in milliseconds, and the result comes back", async () => {
  const started = performance.now();
  const result = await runTest(function* () {
    yield* asyncio.sleep(3600);
    return asyncio.getRunningLoop().time();
  });
  expect(result).toBe(3600);
  expect(performance.now() - started).toBeLessThan(1000);
});

test("a coroutine works as well as a coroutine function", async () => {
  function* main() {
    yield* asyncio.sleep(1);
    return "ok";
  }
  expect(await runTest(main())).toBe("ok");
});

test("a tidy test passes: tasks awaited, timers cancelled, locks released, errors retrieved", async () => {
  await runTest(function* () {
    const lock = new asyncio.Lock();
    const handle = asyncio.getRunningLoop().callLater(10, () => {});
    const worker = asyncio.createTask(
      (function* () {
        yield* asyncio.asyncWith(lock, function* () {
          yield* asyncio.sleep(2);
        });
        throw new RangeError("looked at");
      })(),
    );
    yield* asyncio.sleep(1);
    yield* lock.acquire();
    lock.release();
    handle.cancel();
    const [outcome] = yield* asyncio.gather([worker], { returnExceptions: true });
    expect(outcome).toBeInstanceOf(RangeError);
  });
});

test("a task left pending fails the test, named with what it waits on, and is cancelled", async () => {
  let cleanedUp = false;
  const error = await failure(
    runTest(function* () {
      asyncio.createTask(
        (function* () {
          try {
            yield* asyncio.sleep(10);
          } finally {
            cleanedUp = true;
          }
        })(),
        { name: "forgotten" },
      );
      yield* asyncio.sleep(1);
    }),
  );
  expect(error.problems).toHaveLength(1);
  expect(error.message).toMatch(/1 task still pending when main finished/);
  expect(error.message).toMatch(/forgotten \(waiting\) sleeps until t=10\.0/);
  expect(error.message).toMatch(/at 1\.0 s of virtual time/);
  expect(cleanedUp).toBe(true);
});

test("a timer left scheduled fails the test, with its callback and time", async () => {
  const error = await failure(
    runTest(function* () {
      asyncio.getRunningLoop().callLater(5, function ping() {});
      yield* asyncio.sleep(1);
    }),
  );
  expect(error.problems).toHaveLength(1);
  expect(error.message).toMatch(/1 timer still scheduled/);
  expect(error.message).toMatch(/ping\(\) at t=5\.0/);
});

test("an error nobody retrieved fails the test, with the error itself", async () => {
  const lost = new TypeError("nobody looked");
  const error = await failure(
    runTest(function* () {
      asyncio.createTask(
        (function* () {
          yield* asyncio.sleep(0);
          throw lost;
        })(),
        { name: "doomed" },
      );
      yield* asyncio.sleep(1);
    }),
  );
  expect(error.message).toMatch(/Task exception was never retrieved: TypeError: nobody looked/);
  expect(error.message).toMatch(/doomed/);
  expect(error.errors).toContain(lost);
});

test("an exception in a callback fails the test", async () => {
  const error = await failure(
    runTest(function* () {
      asyncio.getRunningLoop().callSoon(function boom() {
        throw new Error("in a callback");
      });
      yield* asyncio.sleep(1);
    }),
  );
  expect(error.message).toMatch(/Exception in callback/);
  expect(error.message).toMatch(/Error: in a callback/);
});

test("a lock still held when main finishes fails the test, naming its holder", async () => {
  const error = await failure(
    runTest(function* () {
      const lock = new asyncio.Lock();
      yield* lock.acquire();
    }),
  );
  expect(error.problems).toHaveLength(1);
  expect(error.message).toMatch(/1 lock still held when main finished/);
  expect(error.message).toMatch(/held by main, which has finished/);
  expect(asyncio.Lock.prototype.acquire.name).toBe("acquire"); // the tracking is gone again
});

test("a deadlock fails the test at once with the loop's deadlock report, unchanged", async () => {
  const started = performance.now();
  const error = await failure(
    runTest(function* () {
      const a = new asyncio.Lock();
      const b = new asyncio.Lock();
      function* worker(first: asyncio.Lock, second: asyncio.Lock) {
        yield* first.acquire();
        yield* asyncio.sleep(1);
        yield* second.acquire();
      }
      yield* asyncio.gather(asyncio.createTask(worker(a, b), { name: "left" }), asyncio.createTask(worker(b, a), { name: "right" }));
    }),
  );
  expect(error.message).toContain(
    [
      "the event loop can never finish: nothing is ready and no timer is scheduled",
      "  deadlock: left waits to acquire Lock#1, held by right; right waits to acquire Lock#2, held by left",
      "  waiting tasks:",
      "    main waits for gather(left, right)",
    ].join("\n"),
  );
  expect(performance.now() - started).toBeLessThan(2000); // not the real-time guard
});

test("timeout fails the test after that much virtual time, with what every task waits on", async () => {
  const error = await failure(
    runTest(
      function* () {
        const event = new asyncio.Event();
        asyncio.createTask(asyncio.sleep(100), { name: "sleeper" });
        yield* event.wait();
      },
      { timeout: 30 },
    ),
  );
  expect(error.message).toMatch(/timed out after 30 s of loop time/);
  expect(error.message).toMatch(/main \(waiting\) waits for Event#1 to be set/);
  expect(error.message).toMatch(/sleeper \(waiting\) sleeps until t=100\.0/);
  expect(error.message).toMatch(/at 30\.0 s of virtual time/);
});

test("the real-time guard ends a test stuck where no timer will wake it", async () => {
  const error = await failure(
    runTest(
      function* () {
        yield* new asyncio.Event().wait();
      },
      { realTimeout: 0.05 },
    ),
  );
  expect(error.message).toMatch(/timed out after 0\.05 s of real time \(option realTimeout\), at t=0\.0 of loop time/);
  expect(error.message).toMatch(/main \(waiting\) waits for Event#1 to be set/);
});

test("main's own error is the rejection when nothing else is wrong", async () => {
  const own = new RangeError("assertion");
  await expect(
    runTest(function* () {
      yield* asyncio.sleep(1);
      throw own;
    }),
  ).rejects.toBe(own);
});

test("main's error and a leak together: one TestFailure listing both, caused by main's error", async () => {
  const own = new RangeError("assertion");
  const error = await failure(
    runTest(function* () {
      asyncio.createTask(asyncio.sleep(5), { name: "leak" });
      yield* asyncio.sleep(0);
      throw own;
    }),
  );
  expect(error.problems).toHaveLength(2);
  expect(error.problems[0]).toMatch(/^main raised RangeError: assertion/);
  expect(error.message).toMatch(/leak \(waiting\) sleeps until t=5\.0/);
  expect(error.cause).toBe(own);
  expect(error.errors[0]).toBe(own);
});

test("every problem is listed in one message", async () => {
  const error = await failure(
    runTest(function* () {
      const lock = new asyncio.Lock();
      yield* lock.acquire();
      asyncio.getRunningLoop().callLater(3, function later() {});
      asyncio.createTask(asyncio.sleep(5), { name: "leak" });
      yield* asyncio.sleep(0);
    }),
  );
  expect(error.problems).toHaveLength(3);
  expect(error.message).toMatch(/^runTest failed with 3 problems \(at 0\.0 s of virtual time\):/);
});

test("clock: 'real' runs on real time", async () => {
  const time = await runTest(
    function* () {
      const loop = asyncio.getRunningLoop();
      const start = loop.time();
      yield* asyncio.sleep(0.02);
      return loop.time() - start;
    },
    { clock: "real" },
  );
  expect(time).toBeGreaterThanOrEqual(0.015);
});

test("misuse fails at the call", () => {
  expect(() => runTest(42 as never)).toThrow(TypeError);
  expect(() => runTest(asyncio.sleep(1), { timeout: -1 })).toThrow(RangeError);
});

test("tests running at once each see only their own locks", async () => {
  const [tidy, leaky] = await Promise.allSettled([
    runTest(function* () {
      const lock = new asyncio.Lock();
      for (let i = 0; i < 3; i++) {
        yield* lock.acquire();
        yield* asyncio.sleep(1);
        lock.release();
      }
      return "tidy";
    }),
    runTest(function* () {
      const lock = new asyncio.Lock();
      yield* asyncio.sleep(1);
      yield* lock.acquire();
    }),
  ]);
  expect(tidy).toEqual({ status: "fulfilled", value: "tidy" });
  expect(leaky.status === "rejected" && leaky.reason.message).toMatch(/1 lock still held/);
  expect(asyncio.Lock.prototype.acquire.name).toBe("acquire");
});
