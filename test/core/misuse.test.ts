/**
 * Misuse that must fail at once and clearly, never hang or give a wrong answer: a run
 * inside a running loop, a coroutine given to two tasks, deadlines that are not
 * numbers, and gathers larger than a call's argument list (issue 12, items 6, 7, 8, 11).
 */
import * as asyncio from "asyncio-ts";
import { describe, expect, expectTypeOf, test } from "vitest";

const virtual = () => ({ clock: new asyncio.VirtualClock() });

describe("a run inside a running loop", () => {
  test("asyncio.run throws RuntimeError at the call site, so the caller's finally runs", () => {
    const seen: string[] = [];
    asyncio.runSync(
      (function* () {
        function* inner() {
          seen.push("inner ran");
        }
        try {
          const promise = asyncio.run(inner());
          seen.push(`returned ${typeof promise}`);
        } catch (error) {
          seen.push(`${(error as Error).name}: ${(error as Error).message}`);
        } finally {
          seen.push("finally");
        }
        yield;
      })(),
    );
    expect(seen).toEqual(["RuntimeError: asyncio.run() cannot be called from a running event loop", "finally"]);
  });

  test("a RangeError for a non-coroutine is thrown at the call site too", () => {
    expect(() => asyncio.run(42 as never)).toThrow(RangeError);
  });

  test("runUntilComplete on the running loop throws at the call site", () => {
    const outcome = asyncio.runSync(
      (function* () {
        try {
          void asyncio.getRunningLoop().runUntilComplete(asyncio.sleep(0));
          return "no error";
        } catch (error) {
          return (error as Error).message;
        }
      })(),
    );
    expect(outcome).toBe("This event loop is already running");
  });
});

describe("a coroutine taken twice", () => {
  function* work() {
    yield* asyncio.sleep(1);
    return "work";
  }

  test("the first task runs it, the second fails with Python's RuntimeError", () => {
    const outcome = asyncio.runSync(
      (function* () {
        const coro = work();
        const first = asyncio.createTask(coro);
        const second = asyncio.createTask(coro);
        const results = yield* asyncio.gather(first, second, { returnExceptions: true });
        return results.map((r) => (r instanceof Error ? `${r.name}: ${r.message}` : r));
      })(),
      virtual(),
    );
    expect(outcome).toEqual(["work", "RuntimeError: cannot reuse already awaited coroutine"]);
  });

  test("a coroutine a task finished fails a new task instead of giving undefined", () => {
    const outcome = asyncio.runSync(
      (function* () {
        function* quick() {
          return 1;
        }
        const coro = quick();
        const first = yield* asyncio.createTask(coro);
        try {
          return [first, yield* asyncio.createTask(coro)];
        } catch (error) {
          return [first, (error as Error).message];
        }
      })(),
    );
    expect(outcome).toEqual([1, "cannot reuse already awaited coroutine"]);
  });

  test("waitFor given the coroutine an earlier waitFor timed out fails instead of giving undefined", () => {
    const outcome = asyncio.runSync(
      (function* () {
        const coro = work();
        const seen: string[] = [];
        for (let attempt = 0; attempt < 2; attempt++) {
          try {
            seen.push(String(yield* asyncio.waitFor(coro, 0.5)));
          } catch (error) {
            seen.push((error as Error).name);
          }
        }
        return seen;
      })(),
      virtual(),
    );
    expect(outcome).toEqual(["TimeoutError", "RuntimeError"]);
  });
});

describe("deadlines that are not numbers", () => {
  function attempt(make: () => asyncio.Timeout): string {
    return asyncio.runSync(
      (function* () {
        try {
          yield* asyncio.asyncWith(make(), function* () {
            yield* asyncio.sleep(1);
          });
          return "ran to the end";
        } catch (error) {
          return `${(error as Error).name}: ${(error as Error).message}`;
        }
      })(),
      virtual(),
    );
  }

  test("timeout('1') is a TypeError, not an immediate TimeoutError", () => {
    expect(attempt(() => asyncio.timeout("1" as never))).toBe(
      "TypeError: timeout() delay must be a number of seconds, null or undefined, got '1'",
    );
  });

  test("timeout(NaN), timeoutAt(NaN) and reschedule(NaN) are RangeErrors", () => {
    expect(attempt(() => asyncio.timeout(Number.NaN))).toBe("RangeError: timeout() delay must be a number of seconds, got NaN");
    expect(attempt(() => asyncio.timeoutAt(Number.NaN))).toBe("RangeError: Timeout() when must be a number of seconds, got NaN");
    const rescheduled = asyncio.runSync(
      (function* () {
        return yield* asyncio.asyncWith(asyncio.timeout(5), function* (cm) {
          try {
            cm.reschedule(Number.NaN);
          } catch (error) {
            return `${(error as Error).name}, deadline kept: ${cm.when()}`;
          }
          return "accepted";
        });
      })(),
      virtual(),
    );
    expect(rescheduled).toBe("RangeError, deadline kept: 5");
  });

  test("timeout(undefined) and timeoutAt(undefined) mean no deadline, and type-check", () => {
    expect(attempt(() => asyncio.timeout(undefined))).toBe("ran to the end");
    expect(attempt(() => asyncio.timeoutAt(undefined))).toBe("ran to the end");
    expectTypeOf(asyncio.timeout).toBeCallableWith(undefined);
    expectTypeOf(asyncio.timeoutAt).toBeCallableWith(null);
  });
});

describe("gather of any number of awaitables", () => {
  test("an array of 1 000 000 tasks, beyond what a spread call takes", () => {
    const outcome = asyncio.runSync(
      (function* () {
        function* child(i: number) {
          return i;
        }
        const tasks: asyncio.Task<number>[] = [];
        for (let i = 0; i < 1_000_000; i++) tasks.push(asyncio.createTask(child(i)));
        const results = yield* asyncio.gather(tasks);
        let sum = 0;
        for (const r of results) sum += r;
        return [results.length, sum];
      })(),
    );
    expect(outcome).toEqual([1_000_000, (1_000_000 * 999_999) / 2]);
  });

  test("the array form types its results and takes the options", () => {
    asyncio.runSync(
      (function* () {
        const many = [asyncio.sleep(0, 1), asyncio.sleep(0, 2)];
        const values = yield* asyncio.gather(many);
        expectTypeOf(values).toEqualTypeOf<number[]>();
        const pair = yield* asyncio.gather([asyncio.sleep(0, "a"), asyncio.sleep(0, 1)] as const);
        expectTypeOf(pair).toEqualTypeOf<[string, number]>();
        const settled = yield* asyncio.gather([asyncio.sleep(0, 1)], { returnExceptions: true });
        expect([values, pair, settled]).toEqual([[1, 2], ["a", 1], [1]]);
        const none = yield* asyncio.gather([]);
        expect(none).toEqual([]);
      })(),
    );
  });
});
