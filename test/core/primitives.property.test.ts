/**
 * Cancel safety of queues and primitives, checked by fast-check: random producers,
 * consumers and cancellations; afterwards every item put was taken exactly once or is
 * still queued, permits are back, and no waiter is left.
 */
import * as asyncio from "asyncio-ts";
import fc from "fast-check";
import { expect, test } from "vitest";

const runs = { numRuns: Number(process.env.FC_RUNS ?? 200) };
const virtual = () => ({ clock: new asyncio.VirtualClock() });
const delay = fc.integer({ min: 0, max: 4 }).map((d) => d / 4);

test("a Queue never loses or duplicates an item, whatever is cancelled", () => {
  fc.assert(
    fc.property(
      fc.integer({ min: 0, max: 3 }),
      fc.array(fc.array(delay, { minLength: 1, maxLength: 5 }), { minLength: 1, maxLength: 4 }),
      fc.array(fc.array(delay, { minLength: 1, maxLength: 5 }), { minLength: 1, maxLength: 4 }),
      fc.array(fc.tuple(delay, fc.nat()), { maxLength: 6 }),
      (maxsize, producers, consumers, cancellations) => {
        const put: number[] = [];
        const got: number[] = [];
        let next = 0;
        asyncio.runSync(
          (function* () {
            const queue = new asyncio.Queue<number>(maxsize);
            const tasks: asyncio.Task<unknown>[] = [];
            for (const delays of producers) {
              tasks.push(
                asyncio.createTask(
                  (function* () {
                    for (const d of delays) {
                      yield* asyncio.sleep(d);
                      const item = next++;
                      yield* queue.put(item);
                      put.push(item);
                    }
                  })(),
                ),
              );
            }
            for (const delays of consumers) {
              tasks.push(
                asyncio.createTask(
                  (function* () {
                    for (const d of delays) {
                      yield* asyncio.sleep(d);
                      got.push(yield* queue.get());
                    }
                  })(),
                ),
              );
            }
            const loop = asyncio.getRunningLoop();
            for (const [when, pick] of cancellations) loop.callLater(when, () => tasks[pick % tasks.length]!.cancel());
            yield* asyncio.wait(tasks, { timeout: 5 });
            for (const t of tasks) t.cancel();
            yield* asyncio.gather(...tasks, { returnExceptions: true });
            const left: number[] = [];
            while (!queue.empty()) left.push(queue.getNowait());
            // Every item that a put() reported as put is either taken or still queued,
            // exactly once; and nothing was taken that was not put.
            expect([...got, ...left].sort((a, b) => a - b)).toEqual([...put].sort((a, b) => a - b));
            expect(queue._getters.size + queue._putters.size).toBe(0);
          })(),
          virtual(),
        );
      },
    ),
    runs,
  );
});

test("a Semaphore gets all its permits back, whatever is cancelled", () => {
  fc.assert(
    fc.property(
      fc.integer({ min: 1, max: 3 }),
      fc.array(fc.tuple(delay, delay), { minLength: 1, maxLength: 8 }),
      fc.array(fc.tuple(delay, fc.nat()), { maxLength: 6 }),
      fc.boolean(),
      (value, workers, cancellations, bounded) => {
        asyncio.runSync(
          (function* () {
            const sem = bounded ? new asyncio.BoundedSemaphore(value) : new asyncio.Semaphore(value);
            let inside = 0;
            let most = 0;
            const tasks = workers.map(([start, hold]) =>
              asyncio.createTask(
                (function* () {
                  yield* asyncio.sleep(start);
                  yield* asyncio.asyncWith(sem, function* () {
                    most = Math.max(most, ++inside);
                    try {
                      yield* asyncio.sleep(hold);
                    } finally {
                      inside--;
                    }
                  });
                })(),
              ),
            );
            const loop = asyncio.getRunningLoop();
            for (const [when, pick] of cancellations) loop.callLater(when, () => tasks[pick % tasks.length]!.cancel());
            yield* asyncio.gather(...tasks, { returnExceptions: true });
            expect(most).toBeLessThanOrEqual(value);
            expect(sem._value).toBe(value);
            expect(sem._waiters.size).toBe(0);
            expect(sem.locked()).toBe(false);
          })(),
          virtual(),
        );
      },
    ),
    runs,
  );
});

test("a Lock is never held by two tasks and never left stranded", () => {
  fc.assert(
    fc.property(
      fc.array(fc.tuple(delay, delay), { minLength: 1, maxLength: 8 }),
      fc.array(fc.tuple(delay, fc.nat()), { maxLength: 6 }),
      (workers, cancellations) => {
        asyncio.runSync(
          (function* () {
            const lock = new asyncio.Lock();
            let holders = 0;
            const tasks = workers.map(([start, hold]) =>
              asyncio.createTask(
                (function* () {
                  yield* asyncio.sleep(start);
                  yield* asyncio.asyncWith(lock, function* () {
                    holders++;
                    expect(holders).toBe(1);
                    try {
                      yield* asyncio.sleep(hold);
                    } finally {
                      holders--;
                    }
                  });
                })(),
              ),
            );
            const loop = asyncio.getRunningLoop();
            for (const [when, pick] of cancellations) loop.callLater(when, () => tasks[pick % tasks.length]!.cancel());
            yield* asyncio.gather(...tasks, { returnExceptions: true });
            expect(lock.locked()).toBe(false);
            expect(lock._waiters.size).toBe(0);
            // Not stranded: a newcomer gets it at once.
            yield* lock.acquire();
            lock.release();
          })(),
          virtual(),
        );
      },
    ),
    runs,
  );
});
