/**
 * `explore` and `replay`: a test run under many seeded chaos schedules, to find the
 * interleaving that breaks it, and that interleaving run again from its seed — what
 * FoundationDB's simulation testing and loom give their users, for asyncio programs.
 */
import type { Coroutine } from "../index.browser";
import type { ChaosOptions } from "./chaos";
import { checkChaosOptions, checkSeed } from "./chaos";
import { type RunTestOptions, TestFailure, runTest } from "./runtest";

/** Options of `explore`: `runTest`'s, and how many seeds to try from which. */
export interface ExploreOptions extends Omit<RunTestOptions, "chaos" | "seed"> {
  /** How many seeds to try. Default 1000. */
  runs?: number;
  /**
   * The first seed; the runs take the seeds after it in turn. Default 1, so that an
   * exploration is itself repeatable: the same test finds the same first failing seed.
   */
  firstSeed?: number;
  /** What the schedules perturb (all of it by default). */
  chaos?: ChaosOptions;
}

/** The first failing run `explore` found. */
export interface ExploreFailure {
  /** Its seed: `replay(main, seed)` runs it again, bit for bit on the VirtualClock. */
  seed: number;
  /** How many runs it took, this one included. */
  runs: number;
  /** The run's failure: what went wrong, with its `seed` and `trace`. */
  failure: TestFailure;
  /** What the run did, a line each: every task step and each decision of the schedule. */
  trace: readonly string[];
}

/**
 * Runs `main` as a test (`runTest`) once per seed, each under a seeded chaos schedule,
 * until one fails; resolves with that run (its seed, failure and trace), or null when
 * every run passed. The seeds are `firstSeed`, `firstSeed + 1`, … so an exploration is
 * repeatable; `replay(main, seed)` runs the failing one again.
 *
 * @example
 * let balance = 0;
 * function* deposit(amount: number) {
 *   const seen = balance; // read…
 *   yield* asyncio.sleep(1); // …a suspension point (a network call)…
 *   balance = seen + amount; // …write: a deposit made meanwhile is lost
 * }
 * function* depositLater(amount: number) {
 *   yield* asyncio.sleep(1);
 *   yield* deposit(amount);
 * }
 * function* test() {
 *   balance = 0;
 *   yield* asyncio.gather(deposit(10), depositLater(20));
 *   if (balance !== 30) throw new Error(`balance is ${balance}, not 30`);
 * }
 * // At t=1 the first deposit's write and the second's read are both due. In asyncio-ts's
 * // own order the write (scheduled first) runs first, and the test passes…
 * await runTest(test);
 * // …but asyncio leaves that order open, and a chaos schedule finds the other one.
 * const found = await explore(test, { runs: 100 });
 * console.assert(found !== null && found.failure.problems[0]!.includes("balance is 20, not 30"));
 * const again = await replay(test, found!.seed).catch((error) => error);
 * console.assert(again.seed === found!.seed && again.trace.join("\n") === found!.trace.join("\n"));
 *
 * @throws TypeError at once if `main` is not a function (each run needs a new coroutine)
 * or an option is wrong.
 */
export async function explore(main: () => Coroutine<unknown>, options: ExploreOptions = {}): Promise<ExploreFailure | null> {
  if (typeof main !== "function") {
    throw new TypeError(`explore() needs a function returning a coroutine, as it runs main once per seed; got ${main === null ? "null" : typeof main}`);
  }
  const { runs = 1000, firstSeed = 1, ...rest } = options;
  if (typeof runs !== "number" || !Number.isInteger(runs) || runs < 1) {
    throw new RangeError(`explore() option runs must be a whole number >= 1, got ${String(runs)}`);
  }
  checkSeed(firstSeed, "explore()", "firstSeed");
  if (firstSeed + runs - 1 > 0xffffffff) throw new RangeError(`explore() would run past the last seed 4294967295: firstSeed ${firstSeed} + runs ${runs}`);
  checkChaosOptions(rest.chaos, "explore()");
  for (let i = 0; i < runs; i++) {
    const seed = firstSeed + i;
    try {
      await runTest(main, { ...rest, chaos: rest.chaos ?? true, seed });
    } catch (error) {
      // Not a TestFailure: the run could not even start (a bad option): say so at once.
      if (!(error instanceof TestFailure)) throw error;
      return { seed, runs: i + 1, failure: error, trace: error.trace };
    }
  }
  return null;
}

/**
 * Runs `main` as a test under the chaos schedule of `seed` (`runTest(main, { seed })`):
 * the run `explore` or a failed chaos test reported, again. On the VirtualClock it is the
 * same run, bit for bit: the same steps in the same order, the same failure.
 *
 * @example
 * function* race() {
 *   const order: string[] = [];
 *   function* runner(name: string) {
 *     yield* asyncio.sleep(1); // three timers due at the same moment: their order is open
 *     order.push(name);
 *   }
 *   yield* asyncio.gather(runner("a"), runner("b"), runner("c"));
 *   return order.join("");
 * }
 * const first = await replay(race, 42);
 * console.assert(first === (await replay(race, 42))); // the same seed, the same order
 *
 * @throws as `runTest`.
 */
export function replay<T>(main: (() => Coroutine<T>) | Coroutine<T>, seed: number, options: Omit<RunTestOptions, "seed"> = {}): Promise<T> {
  return runTest(main, { ...options, chaos: typeof options.chaos === "object" ? options.chaos : true, seed });
}
