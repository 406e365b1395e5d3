/**
 * Seeded chaos scheduling (asyncio-ts/testing): what a schedule perturbs, what it must
 * keep, that a seed replays its run bit for bit, and that `explore` finds a race.
 */
import * as asyncio from "asyncio-ts";
import { TestFailure, explore, replay, runTest } from "asyncio-ts/testing";
import { describe, expect, test } from "vitest";
import { failure } from "./failure";

const SEEDS = Array.from({ length: 200 }, (_, i) => i + 1);

// Two deposits race across a suspension point. At t=1 the first one's write and the
// second one's read are both due: asyncio leaves their order open.
let balance = 0;
function* deposit(amount: number) {
  const seen = balance;
  yield* asyncio.sleep(1);
  balance = seen + amount;
}
function* depositLater(amount: number) {
  yield* asyncio.sleep(1);
  yield* deposit(amount);
}
function* racyDeposits() {
  balance = 0;
  yield* asyncio.gather(deposit(10), depositLater(20));
  if (balance !== 30) throw new Error(`balance is ${balance}, not 30`);
}

describe("explore and replay", () => {
  test("the racy example passes in the fixed order and explore finds its failure within 1 000 seeds", async () => {
    await runTest(racyDeposits);
    const found = await explore(racyDeposits, { runs: 1000 });
    expect(found).not.toBeNull();
    expect(found!.runs).toBeLessThanOrEqual(1000);
    expect(found!.seed).toBe(found!.runs); // seeds 1, 2, 3… in turn
    expect(found!.failure.problems[0]).toContain("balance is 20, not 30");
    expect(found!.failure.message).toContain(`chaos seed ${found!.seed}: replay it with replay(main, ${found!.seed})`);
    expect(found!.trace.some((line) => / timers due at t=1\.0+ ran in the order: Task-2's sleep, Task-1's sleep/.test(line))).toBe(true);
  });

  test("its seed replays the failure every time, with the same trace", async () => {
    const found = (await explore(racyDeposits))!;
    for (let i = 0; i < 5; i++) {
      const again = await failure(replay(racyDeposits, found.seed));
      expect(again.seed).toBe(found.seed);
      expect(again.problems).toEqual(found.failure.problems);
      expect(again.trace).toEqual(found.trace);
    }
    // runTest with the seed is the same thing.
    expect((await failure(runTest(racyDeposits, { seed: found.seed }))).trace).toEqual(found.trace);
  });

  test("an exploration is repeatable: the same first failing seed each time", async () => {
    const first = await explore(racyDeposits, { runs: 50 });
    const second = await explore(racyDeposits, { runs: 50 });
    expect(second!.seed).toBe(first!.seed);
    const later = await explore(racyDeposits, { runs: 50, firstSeed: first!.seed + 1 });
    expect(later!.seed).toBeGreaterThan(first!.seed);
  });

  test("a test with no race passes every seed: explore resolves null", async () => {
    function* safeDeposits() {
      const lock = new asyncio.Lock();
      let total = 0;
      function* safe(amount: number) {
        yield* asyncio.asyncWith(lock, function* () {
          const seen = total;
          yield* asyncio.sleep(1);
          total = seen + amount;
        });
      }
      function* safeLater(amount: number) {
        yield* asyncio.sleep(1);
        yield* safe(amount);
      }
      yield* asyncio.gather(safe(10), safeLater(20));
      if (total !== 30) throw new Error(`total is ${total}`);
    }
    expect(await explore(safeDeposits, { runs: 200 })).toBeNull();
  });

  test("a stalled loop's race: timers 1 ms apart run in one iteration only when the loop wakes late", async () => {
    // A reads at t=1 and writes one iteration later; B's update is due 1 ms after A's
    // read. On time, A's write comes first; a loop that wakes 1 ms late or more runs
    // A's read and B's update in one iteration, and A's write then loses B's.
    function* stall() {
      let value = 0;
      function* a() {
        yield* asyncio.sleep(1);
        const seen = value;
        yield* asyncio.sleep(0);
        value = seen + 1;
      }
      function* b() {
        yield* asyncio.sleep(1.001);
        value += 10;
      }
      yield* asyncio.gather(a(), b());
      if (value !== 11) throw new Error(`value is ${value}, not 11`);
    }
    await runTest(stall);
    expect(await explore(stall, { runs: 300, chaos: { maxLateness: 0 } })).toBeNull();
    const found = await explore(stall, { runs: 300, chaos: { timerTies: false, hostOrder: false } });
    expect(found).not.toBeNull();
    expect(found!.failure.problems[0]).toContain("value is 1, not 11");
    expect(found!.trace.some((line) => /the loop woke [\d.]+ ms late for the timer due at t=1\.0+$/.test(line))).toBe(true);
  });
});

describe("the same seed, the same run", () => {
  // A busy program: a queue, a lock, equal sleeps, wrapped promises, cancellation.
  function* busy() {
    const log: string[] = [];
    const queue = new asyncio.Queue<number>(2);
    const lock = new asyncio.Lock();
    function* producer(name: string) {
      for (let i = 0; i < 4; i++) {
        yield* asyncio.sleep(0.5);
        yield* queue.put(i);
        log.push(`${name} put ${i}`);
      }
    }
    function* consumer(name: string) {
      for (;;) {
        const item = yield* queue.get();
        yield* asyncio.asyncWith(lock, function* () {
          log.push(`${name} got ${item} at ${asyncio.getRunningLoop().time().toFixed(4)}`);
          yield* asyncio.sleep(0.25);
        });
        queue.taskDone();
      }
    }
    const consumers = [asyncio.createTask(consumer("c1")), asyncio.createTask(consumer("c2"))];
    const promised = asyncio.gather(
      asyncio.wrapPromise(Promise.resolve("p1")),
      asyncio.wrapPromise(Promise.resolve("p2")),
      asyncio.wrapPromise(Promise.resolve("p3")),
    );
    yield* asyncio.gather(producer("a"), producer("b"));
    yield* queue.join();
    for (const c of consumers) c.cancel();
    yield* asyncio.gather(consumers, { returnExceptions: true });
    log.push(`promised ${(yield* promised).join(",")}`);
    return log;
  }

  test("a seed gives the same steps, decisions and result every time", async () => {
    for (const seed of [1, 17, 123456789]) {
      const traces: string[][] = [];
      const results: string[][] = [];
      for (let i = 0; i < 3; i++) {
        const error = await failure(
          runTest(function* () {
            results.push(yield* busy());
            throw new Error("stop here, to read the trace");
          }, { seed }),
        );
        traces.push([...error.trace]);
      }
      expect(traces[1]).toEqual(traces[0]);
      expect(traces[2]).toEqual(traces[0]);
      expect(results[1]).toEqual(results[0]);
      expect(results[2]).toEqual(results[0]);
    }
  });

  test("different seeds give different interleavings", async () => {
    const logs = new Set<string>();
    for (const seed of SEEDS.slice(0, 40)) logs.add((await runTest(busy, { seed })).join("\n"));
    expect(logs.size).toBeGreaterThan(5);
  });

  test("wrapped promises arrive at the same step of the run wherever the host's turns end", async () => {
    // The spinners burn `spinMs` of real time a step: with 0 the driver runs the whole
    // program in one host turn, with 0.5 it hands the thread back to the host after a
    // few iterations. The program is the same; the promises must land at the same step.
    const spinning = (spinMs: number) =>
      function* () {
        const log: string[] = [];
        let spins = 0;
        function* spinner() {
          for (let i = 0; i < 40; i++) {
            const until = performance.now() + spinMs;
            while (performance.now() < until);
            spins++;
            yield* asyncio.sleep(0);
          }
        }
        function* waiter(name: string) {
          log.push(`${name}=${yield* asyncio.wrapPromise(Promise.resolve(name))} after ${spins} spins`);
        }
        yield* asyncio.gather(spinner(), spinner(), waiter("a"), waiter("b"));
        return log.join(", ");
      };
    // Without chaos the arrival follows the host's turns: the premise of this test.
    expect(await runTest(spinning(0))).not.toBe(await runTest(spinning(0.5)));
    for (const seed of [3, 4]) {
      const runs = new Set<string>();
      for (const spinMs of [0, 0.5, 0, 0.5]) runs.add(await runTest(spinning(spinMs), { seed }));
      expect(runs.size).toBe(1);
    }
  });

  test("a task polling for a wrapped promise with sleep(0) still gets it under chaos", async () => {
    const polls = await runTest(function* () {
      const future = asyncio.wrapPromise(Promise.resolve("done"));
      let count = 0;
      while (!future.done()) {
        count++;
        yield* asyncio.sleep(0);
      }
      return count;
    }, { seed: 1 });
    // Held for 1 000 iterations after it settled (when it settled is the host's business).
    expect(polls).toBeGreaterThan(1000);
    expect(polls).toBeLessThan(100_000);
  });

  test("tasks without a name count from Task-1 in each chaos run, so reports read the same", async () => {
    const names = await runTest(function* () {
      const tasks = [asyncio.createTask(asyncio.sleep(0)), asyncio.createTask(asyncio.sleep(0), { name: "mine" })];
      yield* asyncio.gather(tasks);
      return tasks.map((t) => t.getName());
    }, { chaos: true });
    expect(names).toEqual(["Task-1", "mine"]);
  });
});

describe("what a schedule changes", () => {
  test("timers due at the same moment run in every order over the seeds, in the fixed order without chaos", async () => {
    function* ties() {
      const order: string[] = [];
      function* sleeper(name: string) {
        yield* asyncio.sleep(1);
        order.push(name);
      }
      yield* asyncio.gather(sleeper("a"), sleeper("b"), sleeper("c"));
      return order.join("");
    }
    expect(await runTest(ties)).toBe("abc");
    const seen = new Set<string>();
    for (const seed of SEEDS) seen.add(await runTest(ties, { seed }));
    expect([...seen].sort()).toEqual(["abc", "acb", "bac", "bca", "cab", "cba"]);
    const off = new Set<string>();
    for (const seed of SEEDS.slice(0, 50)) off.add(await runTest(ties, { seed, chaos: { timerTies: false } }));
    expect([...off]).toEqual(["abc"]);
  });

  test("wrapped promises settled in one host turn arrive in every order; in settling order without chaos", async () => {
    function* arrivals() {
      const order: string[] = [];
      const watch = (name: string) =>
        asyncio.createTask(
          (function* () {
            order.push(yield* asyncio.wrapPromise(Promise.resolve(name)));
          })(),
        );
      yield* asyncio.gather(watch("x"), watch("y"), watch("z"));
      return order.join("");
    }
    expect(await runTest(arrivals)).toBe("xyz");
    const seen = new Set<string>();
    for (const seed of SEEDS) seen.add(await runTest(arrivals, { seed }));
    expect(seen.size).toBe(6);
    const off = new Set<string>();
    for (const seed of SEEDS.slice(0, 50)) off.add(await runTest(arrivals, { seed, chaos: { hostOrder: false } }));
    expect([...off]).toEqual(["xyz"]);
  });

  test("a late wake-up is never early and never later than maxLateness", async () => {
    for (const seed of SEEDS) {
      const lateness = await runTest(function* () {
        const loop = asyncio.getRunningLoop();
        const late: number[] = [];
        for (let i = 1; i <= 5; i++) {
          const when = loop.time() + 0.3;
          yield* asyncio.sleep(0.3);
          late.push(loop.time() - when);
        }
        return late;
      }, { seed, chaos: { maxLateness: 0.002 } });
      for (const late of lateness) {
        expect(late).toBeGreaterThanOrEqual(-1e-9);
        expect(late).toBeLessThanOrEqual(0.002 + 1e-9);
      }
    }
  });
});

describe("what a schedule keeps: every order asyncio promises, under every seed", () => {
  test("callSoon order, a future's callbacks in order, deadline order, fair locks, FIFO queues", async () => {
    function* promised() {
      const loop = asyncio.getRunningLoop();
      const log: string[] = [];
      // callSoon: FIFO.
      for (let i = 0; i < 5; i++) loop.callSoon(() => log.push(`soon${i}`));
      // A future's done callbacks, in the order they were added.
      const future = loop.createFuture<number>();
      for (let i = 0; i < 4; i++) future.addDoneCallback(() => log.push(`cb${i}`));
      loop.callLater(0.1, () => future.setResult(1));
      // Timers with different deadlines: in deadline order, never early.
      for (const delay of [0.35, 0.3, 0.31, 0.3001]) {
        const when = loop.time() + delay;
        loop.callLater(delay, () => log.push(`timer${delay}${loop.time() < when - 1e-9 ? " early!" : ""}`));
      }
      // A fair lock: waiters acquire in the order they asked.
      const lock = new asyncio.Lock();
      function* locker(name: string, delay: number) {
        yield* asyncio.sleep(delay);
        yield* asyncio.asyncWith(lock, function* () {
          log.push(`lock ${name}`);
          yield* asyncio.sleep(0.01);
        });
      }
      // A queue: FIFO, getters served in the order they waited.
      const queue = new asyncio.Queue<number>();
      function* getter(name: string, delay: number) {
        yield* asyncio.sleep(delay);
        log.push(`${name} got ${yield* queue.get()}`);
      }
      function* putter() {
        yield* asyncio.sleep(1);
        for (let i = 0; i < 3; i++) queue.putNowait(i);
      }
      yield* asyncio.gather(locker("l1", 0.5), locker("l2", 0.501), locker("l3", 0.502), getter("g1", 0.6), getter("g2", 0.61), getter("g3", 0.62), putter());
      yield* asyncio.sleep(0.5);
      return log.join(" ");
    }
    const fixed = await runTest(promised);
    expect(fixed).toBe(
      "soon0 soon1 soon2 soon3 soon4 cb0 cb1 cb2 cb3 timer0.3 timer0.3001 timer0.31 timer0.35 lock l1 lock l2 lock l3 g1 got 0 g2 got 1 g3 got 2",
    );
    for (const seed of SEEDS) expect(await runTest(promised, { seed, chaos: { maxLateness: 0.05 } })).toBe(fixed);
  });
});

describe("reports and bad input", () => {
  test("under chaos main's own error comes as a TestFailure with the seed; without chaos as itself", async () => {
    function* fails() {
      yield* asyncio.sleep(1);
      throw new RangeError("boom");
    }
    const chaotic = await failure(runTest(fails, { seed: 99 }));
    expect(chaotic.seed).toBe(99);
    expect(chaotic.cause).toBeInstanceOf(RangeError);
    expect(chaotic.message).toMatch(/^runTest failed with 1 problem \(at 1(\.\d+)? s of virtual time\):\n\n- main raised RangeError: boom/);
    expect(chaotic.message).toContain("chaos seed 99: replay it with replay(main, 99) or runTest(main, { seed: 99 })");
    expect(chaotic.trace[0]).toBe("t=0.000000 main steps");
    const plain = await runTest(fails).catch((error: unknown) => error);
    expect(plain).toBeInstanceOf(RangeError);
    // chaos: true with no seed picks one, and says which.
    const picked = await failure(runTest(fails, { chaos: true }));
    expect(picked.message).toContain(`chaos seed ${picked.seed}:`);
  });

  test("a TestFailure without chaos has no seed and no trace", async () => {
    const error = await failure(
      runTest(function* () {
        asyncio.createTask(asyncio.sleep(5));
        yield* asyncio.sleep(0);
      }),
    );
    expect(error.seed).toBeNull();
    expect(error.trace).toEqual([]);
    expect(error.message).not.toContain("chaos seed");
  });

  test("bad options fail at the call with what was wrong", () => {
    const main = function* () {};
    expect(() => runTest(main, { seed: -1 })).toThrow("runTest() option seed must be an integer from 0 to 4294967295, got -1");
    expect(() => runTest(main, { seed: 1.5 })).toThrow("got 1.5");
    expect(() => runTest(main, { seed: "3" as never })).toThrow("got string");
    expect(() => runTest(main, { seed: 2 ** 32 })).toThrow(RangeError);
    expect(() => runTest(main, { chaos: "yes" as never })).toThrow("runTest() option chaos must be true, false or an object of ChaosOptions, got string");
    expect(() => runTest(main, { chaos: { maxLateness: -1 } })).toThrow("runTest() option chaos.maxLateness must be a finite number of seconds >= 0, got -1");
    expect(() => runTest(main, { chaos: { maxLateness: Number.NaN } })).toThrow("got NaN");
    expect(() => runTest(main, { chaos: { timerTies: 1 as never } })).toThrow("runTest() option chaos.timerTies must be a boolean, got number");
    expect(() => runTest(main, { chaos: { lateness: 1 } as never })).toThrow('runTest() option chaos has no field "lateness" (known: maxLateness, timerTies, hostOrder)');
    expect(() => runTest(main, { chaos: false, seed: 3 })).toThrow("runTest() was given a seed with chaos: false");
  });

  test("explore needs a function and sound counts", async () => {
    await expect(explore(racyDeposits() as never)).rejects.toThrow("explore() needs a function returning a coroutine, as it runs main once per seed; got object");
    await expect(explore(racyDeposits, { runs: 0 })).rejects.toThrow("explore() option runs must be a whole number >= 1, got 0");
    await expect(explore(racyDeposits, { firstSeed: -2 })).rejects.toThrow("explore() option firstSeed must be an integer");
    await expect(explore(racyDeposits, { firstSeed: 2 ** 32 - 10, runs: 20 })).rejects.toThrow("explore() would run past the last seed 4294967295");
    await expect(explore(racyDeposits, { chaos: { nope: true } as never })).rejects.toThrow('explore() option chaos has no field "nope"');
  });

  test("chaos runs on the real clock too: late wake-ups are real", async () => {
    const late = await runTest(function* () {
      const loop = asyncio.getRunningLoop();
      const when = loop.time() + 0.01;
      yield* asyncio.sleep(0.01);
      return loop.time() - when;
    }, { clock: "real", seed: 5, chaos: { maxLateness: 0.005 } });
    expect(late).toBeGreaterThanOrEqual(0);
  });
});
