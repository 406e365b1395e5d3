/**
 * Primitives and queues: Python 3.13's Queue.shutdown (the 3.11 oracle lacks it), and
 * the bad-input errors.
 */
import * as asyncio from "asyncio-ts";
import { describe, expect, test } from "vitest";

const virtual = () => ({ clock: new asyncio.VirtualClock() });

describe("Queue.shutdown (3.13)", () => {
  test("wakes blocked getters and putters with QueueShutDown; get drains first", () => {
    const log = asyncio.runSync(
      (function* () {
        const log: string[] = [];
        const full = new asyncio.Queue<number>(1);
        full.putNowait(1);
        const putter = asyncio.createTask(full.put(2));
        const empty = new asyncio.Queue<number>();
        const getter = asyncio.createTask(empty.get());
        yield* asyncio.sleep(0);
        full.shutdown();
        empty.shutdown();
        for (const [name, t] of [["put", putter], ["get", getter]] as const) {
          try {
            yield* t;
          } catch (error) {
            log.push(`${name}: ${(error as Error).name}`);
          }
        }
        log.push(`drained ${yield* full.get()}`);
        try {
          full.putNowait(3);
        } catch (error) {
          log.push(`putNowait: ${(error as Error).name}`);
        }
        try {
          yield* full.get();
        } catch (error) {
          log.push(`get when empty: ${(error as Error).name}`);
        }
        return log;
      })(),
      virtual(),
    );
    expect(log).toEqual(["put: QueueShutDown", "get: QueueShutDown", "drained 1", "putNowait: QueueShutDown", "get when empty: QueueShutDown"]);
  });

  test("immediate shutdown drops the items and releases join", () => {
    asyncio.runSync(
      (function* () {
        const q = new asyncio.Queue<number>();
        q.putNowait(1);
        q.putNowait(2);
        const joiner = asyncio.createTask(q.join());
        yield* asyncio.sleep(0);
        q.shutdown(true);
        yield* joiner;
        expect(q.qsize()).toBe(0);
        expect(() => q.getNowait()).toThrow(asyncio.QueueShutDown);
      })(),
    );
  });
});

describe("Queue.get and Queue.put are coroutines", () => {
  test("they can be tasks, be waited for with a timeout, and lose nothing when cancelled", () => {
    const log = asyncio.runSync(
      (function* () {
        const q = new asyncio.Queue<string>(1);
        const log: unknown[] = [asyncio.isCoroutine(q.get()), Object.prototype.toString.call(q.put("x"))];
        const getter = asyncio.createTask(q.get());
        yield* asyncio.sleep(0);
        yield* q.put("a");
        log.push(yield* getter);
        try {
          yield* asyncio.waitFor(q.get(), 1);
        } catch (error) {
          log.push((error as Error).name);
        }
        q.putNowait("b");
        try {
          yield* asyncio.waitFor(q.put("c"), 1);
        } catch (error) {
          log.push((error as Error).name);
        }
        log.push(q.qsize(), q.getNowait(), q._getters.size, q._putters.size);
        return log;
      })(),
      virtual(),
    );
    expect(log).toEqual([true, "[object Generator]", "a", "TimeoutError", "TimeoutError", 1, "b", 0, 0]);
  });
});

describe("Lock.acquire is a coroutine", () => {
  test("it can be a task, be waited for with a timeout, and closing it leaves the queue", () => {
    const log = asyncio.runSync(
      (function* () {
        const lock = new asyncio.Lock();
        const log: unknown[] = [asyncio.isCoroutine(lock.acquire())];
        yield* lock.acquire();
        try {
          yield* asyncio.waitFor(lock.acquire(), 0.5);
        } catch (error) {
          log.push((error as Error).name, lock._waiters.size);
        }
        const op = lock.acquire();
        log.push(op.next().done, lock._waiters.size);
        op.return(false);
        log.push(lock._waiters.size);
        const waiter = asyncio.createTask(lock.acquire());
        yield* asyncio.sleep(0);
        lock.release();
        log.push(yield* waiter, lock.locked());
        return log;
      })(),
      virtual(),
    );
    expect(log).toEqual([true, "TimeoutError", 0, false, 1, 0, true, true]);
  });
});

describe("Condition (3.13)", () => {
  test("a waiter cancelled in wait() passes a notification on (a spurious wake-up, never a lost one)", () => {
    const woken = asyncio.runSync(
      (function* () {
        const cond = new asyncio.Condition();
        const woken: string[] = [];
        const waiters = [..."abc"].map((name) =>
          asyncio.createTask(
            asyncio.asyncWith(cond, function* () {
              yield* cond.wait();
              woken.push(name);
            }),
          ),
        );
        yield* asyncio.sleep(0);
        waiters[1]!.cancel();
        yield* asyncio.sleep(0.1);
        woken.push("|");
        yield* asyncio.asyncWith(cond, function* () {
          cond.notifyAll();
        });
        yield* asyncio.gather(...waiters, { returnExceptions: true });
        return woken;
      })(),
      virtual(),
    );
    // 3.11 would print "|", "a", "c": the cancelled waiter notified nobody.
    expect(woken).toEqual(["a", "|", "c"]);
  });
});

describe("bad input", () => {
  test("releasing an unlocked Lock", () => {
    expect(() => new asyncio.Lock().release()).toThrow(new asyncio.RuntimeError("Lock is not acquired."));
  });

  test("Semaphore(-1), Barrier(0), over-releasing a BoundedSemaphore", () => {
    expect(() => new asyncio.Semaphore(-1)).toThrow(new RangeError("Semaphore initial value must be >= 0"));
    expect(() => new asyncio.Barrier(0)).toThrow(new RangeError("parties must be > 0"));
    expect(() => new asyncio.BoundedSemaphore(1).release()).toThrow(new RangeError("BoundedSemaphore released too many times"));
    expect(() => new asyncio.Queue("3" as never)).toThrow(TypeError);
  });

  test("Queue(-1) is unbounded, as in Python", () => {
    const q = new asyncio.Queue<number>(-1);
    for (let i = 0; i < 100; i++) q.putNowait(i);
    expect(q.full()).toBe(false);
    expect(() => {
      q.taskDone();
      for (let i = 0; i < 100; i++) q.taskDone();
    }).toThrow(new RangeError("task_done() called too many times"));
  });

  test("notify or wait without holding the lock", () => {
    const cond = new asyncio.Condition();
    expect(() => cond.notify()).toThrow(new asyncio.RuntimeError("cannot notify on un-acquired lock"));
    expect(() => asyncio.runSync(cond.wait())).toThrow(new asyncio.RuntimeError("cannot wait on un-acquired lock"));
  });

  test("a primitive used from two loops names both", () => {
    const event = new asyncio.Event();
    const first = asyncio.newEventLoop();
    const waiter = first.createTask(event.wait());
    first.runUntilCompleteSync(asyncio.sleep(0));
    expect(() => asyncio.runSync(event.wait())).toThrow(
      /<Event \[unset waiters:1\]> is bound to a different event loop: it was first used on <EventLoop #\d+ idle debug=false>, now on <EventLoop #\d+ running debug=false>/,
    );
    waiter.cancel();
    first.runUntilCompleteSync(asyncio.sleep(0));
    first.close();
  });
});

describe("a contended Lock reuses its waiter future", () => {
  /** Three tasks take the lock 100 times each, yielding inside; the distinct waiter futures tasks suspended on. */
  function waitersSeen(instrumented: boolean): { distinct: number; waits: number; counter: number } {
    return asyncio.runSync(
      (function* () {
        const loop = asyncio.getRunningLoop();
        if (instrumented) loop.addInstrument({ beforeTaskStep() {} });
        const lock = new asyncio.Lock();
        const seen = new Set<unknown>();
        let waits = 0;
        let counter = 0;
        function* worker() {
          for (let i = 0; i < 100; i++) {
            yield* lock.acquire();
            const value = counter;
            yield;
            counter = value + 1;
            lock.release();
          }
        }
        const tasks = [0, 1, 2].map(() => asyncio.createTask(worker()));
        while (!tasks.every((task) => task.done())) {
          for (const task of tasks) {
            const waiter = task._futWaiter;
            if (waiter !== null && !seen.has(waiter)) waits++;
            if (waiter !== null) seen.add(waiter);
          }
          yield;
        }
        return { distinct: seen.size, waits, counter };
      })(),
    );
  }

  test("without instruments a handful of futures serve every wait; the lock still loses no update", () => {
    const { distinct, counter } = waitersSeen(false);
    expect(counter).toBe(300);
    expect(distinct).toBeLessThanOrEqual(4);
  });

  test("with an instrument (which may keep what a task waited on) every wait has its own future", () => {
    const { distinct, counter } = waitersSeen(true);
    expect(counter).toBe(300);
    expect(distinct).toBeGreaterThan(100);
  });
});
