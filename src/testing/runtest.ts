/**
 * `runTest`: a coroutine run as a test, for any test runner whose test may return a
 * Promise (vitest, `node:test`, Jest, Mocha…). It runs on a VirtualClock, so an hour of
 * `sleep` takes milliseconds, and it fails when the test leaves a mess behind: what
 * pytest's `-W error` and trio's test harness would flag, said in one readable error.
 *
 * This module reaches the core only through the package's public surface
 * (`../index.browser`, which the build maps to `asyncio-ts` itself): the built
 * `asyncio-ts/testing` shares the user's loop, tasks and locks instead of bundling a
 * second copy of them, and it stays host-free (no `node:` import).
 */
import {
  type Clock,
  type Coroutine,
  type EventLoop,
  type ExceptionContext,
  type Instrument,
  Lock,
  RealClock,
  Task,
  VirtualClock,
  _describeStuckTasks,
  _sleepFuture,
  allTasks,
  gather,
  getRunningLoop,
  isCoroutine,
  newEventLoop,
  setEventLoop,
  taskTable,
} from "../index.browser";
import { type ChaosOptions, ChaosSchedule, checkChaosOptions, checkSeed } from "./chaos";
import { Network } from "./network";

/** Options of `runTest`. */
export interface RunTestOptions {
  /**
   * Where the test's time comes from: `"virtual"` (the default: a new VirtualClock, on
   * which time jumps to the next timer whenever every task waits), `"real"`, or a Clock.
   */
  clock?: "virtual" | "real" | Clock;
  /**
   * Seconds of loop time (virtual seconds on the VirtualClock) the test may take; past
   * them it fails with what every task waits on. Default: no limit.
   */
  timeout?: number | null;
  /**
   * Seconds of real time the test may take, whatever its clock: the guard against a test
   * stuck on something that no timer will end (host I/O that never comes, an event that
   * nobody sets). Default 4, under vitest's and Jest's own 5 s, so that this report comes
   * first; `null` for none (raise it for a long test on the real clock).
   */
  realTimeout?: number | null;
  /**
   * A simulated network (`new Network()`) to install on the test's loop: the code under
   * test's `openConnection` / `startServer` (and the loop's `createConnection` /
   * `createServer`) then connect through it, with no socket. Default: none (real sockets).
   */
  network?: Network;
  /**
   * Seeded chaos scheduling: `true` (or the options of what to perturb) runs the test on
   * a loop that takes every decision asyncio leaves open — the order of timers due at the
   * same moment, how late it wakes for a timer, the order in which settled promises
   * arrive — from `seed`, and keeps every order asyncio promises. A failure then names its
   * seed, and says how to replay it. Default: off (asyncio-ts's own fixed order).
   */
  chaos?: boolean | ChaosOptions;
  /**
   * The chaos schedule's seed (an integer from 0 to 2^32 - 1): the same seed gives the
   * same run, bit for bit, on the VirtualClock. Giving a seed turns chaos on. Default: a
   * random seed, which a failure reports.
   */
  seed?: number;
}

/**
 * The one error a failed `runTest` rejects with: its message lists every problem found,
 * one paragraph each, so that any runner's output shows them all (trio's and pytest's
 * spirit: a test that leaks fails). `problems` holds the same texts, `errors` the errors
 * behind them (the test's own, those nobody retrieved); `cause` is the test's own error,
 * if it raised one.
 *
 * @example
 * function* leaky() {
 *   asyncio.createTask(asyncio.sleep(10), { name: "forgotten" });
 *   yield* asyncio.sleep(1);
 * }
 * const failure = await runTest(leaky).catch((error) => error);
 * console.assert(failure instanceof TestFailure);
 * console.assert(failure.problems[0].startsWith("1 task still pending"), failure.message);
 */
export class TestFailure extends Error {
  /** One text per problem found, as the message lists them. */
  readonly problems: readonly string[];
  /** The errors behind the problems: the test's own, and those nobody retrieved. */
  readonly errors: readonly unknown[];
  /** The chaos schedule's seed, when the test ran under one (`replay` takes it); else null. */
  readonly seed: number | null;
  /**
   * Under a chaos schedule: what the run did, a line each, with the loop time — every task
   * step and every decision of the schedule that changed an order or a wake-up (the last
   * 2 000 lines). Empty otherwise.
   */
  readonly trace: readonly string[];

  /**
   * `time` says when the test ended (`3.0 s of virtual time`); `runTest` makes these, a
   * test only reads them.
   */
  constructor(problems: readonly string[], errors: readonly unknown[], time: string, cause?: unknown, chaos?: { seed: number; trace: readonly string[] }) {
    const count = problems.length === 1 ? "1 problem" : `${problems.length} problems`;
    const seedLine =
      chaos === undefined
        ? ""
        : `\n\nchaos seed ${chaos.seed}: replay it with replay(main, ${chaos.seed}) or runTest(main, { seed: ${chaos.seed} }); the failure's trace property has the run's ${chaos.trace.length} steps and decisions`;
    super(`runTest failed with ${count} (at ${time}):\n\n${problems.map((p) => indent(`- ${p}`)).join("\n\n")}${seedLine}`, cause === undefined ? undefined : { cause });
    this.name = "TestFailure";
    this.problems = problems;
    this.errors = errors;
    this.seed = chaos === undefined ? null : chaos.seed;
    this.trace = chaos === undefined ? [] : chaos.trace;
  }
}

/**
 * Runs `main` as the main task of a fresh event loop — on a VirtualClock unless
 * `options.clock` says otherwise — and settles with its result; a test runner awaits the
 * returned promise (`test("…", () => runTest(main))`). It fails with a `TestFailure`
 * when, at the end:
 *
 * - a task other than `main` is still pending (each named, with what it waits on);
 * - a timer is still scheduled (a `callLater` nobody cancelled: its callback and time);
 * - an error was never retrieved, or anything else reached the loop's exception handler;
 * - a `Lock` acquired during the test is still held (by whom);
 * - the tasks deadlocked (the loop's own deadlock report, unchanged), or `timeout` /
 *   `realTimeout` passed (with what every task waits on).
 *
 * `main` is a coroutine function (called once per run) or a coroutine. When it raises
 * and nothing else is wrong, its own error is the rejection, so runners show their
 * assertion diffs. The leftover tasks are then cancelled and awaited, as `asyncio.run`
 * does, and the loop is closed.
 *
 * @example
 * function* main() {
 *   yield* asyncio.sleep(3600); // an hour of virtual time, in milliseconds
 *   return asyncio.getRunningLoop().time();
 * }
 * console.assert((await runTest(main)) === 3600);
 *
 * @example
 * function* deadlock() {
 *   const a = new asyncio.Lock(), b = new asyncio.Lock();
 *   function* worker(first: asyncio.Lock, second: asyncio.Lock) {
 *     yield* first.acquire();
 *     yield* asyncio.sleep(1);
 *     yield* second.acquire();
 *   }
 *   yield* asyncio.gather(asyncio.createTask(worker(a, b), { name: "left" }), asyncio.createTask(worker(b, a), { name: "right" }));
 * }
 * const failure = await runTest(deadlock).catch((error) => error);
 * console.assert(/deadlock: left waits to acquire Lock#\d, held by right/.test(failure.message), failure.message);
 *
 * @throws TypeError at once if `main` is neither a coroutine nor a function; the promise
 * rejects with `TestFailure` as above, or with `main`'s own error when nothing else is
 * wrong.
 */
export function runTest<T>(main: Coroutine<T> | (() => Coroutine<T>), options: RunTestOptions = {}): Promise<T> {
  const coroutine = typeof main === "function" ? main() : main;
  if (!isCoroutine(coroutine)) {
    throw new TypeError(`runTest() needs a coroutine or a function returning one, got ${typeof coroutine === "object" ? String(coroutine) : typeof coroutine}`);
  }
  checkSeconds(options.timeout, "timeout");
  checkSeconds(options.realTimeout, "realTimeout");
  if (options.network !== undefined && !(options.network instanceof Network)) {
    throw new TypeError(`runTest() option network must be a Network (new Network()), got ${String(options.network)}`);
  }
  checkChaosOptions(options.chaos, "runTest()");
  checkSeed(options.seed, "runTest()");
  if (options.chaos === false && options.seed !== undefined) {
    throw new TypeError("runTest() was given a seed with chaos: false; a seed only seeds a chaos schedule (drop chaos: false to use it)");
  }
  return new TestRun(coroutine, options).run();
}

const DEFAULT_REAL_TIMEOUT = 4;

function checkSeconds(value: unknown, name: string): void {
  if (value === undefined || value === null) return;
  if (typeof value !== "number") throw new TypeError(`runTest() option ${name} must be a number of seconds, got ${typeof value}`);
  if (!(value >= 0)) throw new RangeError(`runTest() option ${name} must be a number of seconds >= 0, got ${value}`);
}

function makeClock(clock: RunTestOptions["clock"]): Clock {
  if (clock === undefined || clock === "virtual") return new VirtualClock();
  if (clock === "real") return new RealClock();
  return clock;
}

/** One run of `runTest`: its loop, what it found, and how it stopped. */
class TestRun<T> {
  private readonly _main: Coroutine<T>;
  private readonly _loop: EventLoop;
  private readonly _options: RunTestOptions;
  private readonly _problems: string[] = [];
  private readonly _errors: unknown[] = [];
  /** Set when the run was stopped (deadlock, timeout): the report that stopped it. */
  private _stopped: string | null = null;
  private _cleaningUp = false;
  private readonly _locks = new Set<Lock>();
  private readonly _chaos: ChaosSchedule | null;

  constructor(main: Coroutine<T>, options: RunTestOptions) {
    this._main = main;
    this._options = options;
    this._loop = newEventLoop({ clock: makeClock(options.clock) });
    this._chaos = makeChaos(this._loop, options);
  }

  async run(): Promise<T> {
    const loop = this._loop;
    setEventLoop(loop);
    this._options.network?.install(loop);
    loop.setExceptionHandler((_loop, context) => this._exception(context));
    loop.addInstrument(this._deadlockWatch);
    const tracer = this._chaos === null ? null : traceSteps(this._chaos);
    if (tracer !== null) loop.addInstrument(tracer);
    trackLocks(loop, this._locks);
    const realSeconds = this._options.realTimeout === undefined ? DEFAULT_REAL_TIMEOUT : this._options.realTimeout;
    const guard = realSeconds === null ? null : setTimeout(() => this._realTimeout(realSeconds), realSeconds * 1000);
    let outcome: { ok: true; value: T } | { ok: false; error: unknown } | null = null;
    let mainTask: Task<T> | null = null;
    try {
      mainTask = loop.createTask(this._main, { name: "main" });
      const timeout = this._options.timeout;
      const timer =
        timeout === undefined || timeout === null ? null : loop.callLater(timeout, () => this._stop(`timed out after ${timeout} s of loop time\n${this._waits()}`));
      try {
        outcome = { ok: true, value: await loop.runUntilComplete(mainTask) };
      } catch (error) {
        if (this._stopped === null) outcome = { ok: false, error };
      } finally {
        timer?.cancel();
      }
      if (this._stopped !== null) this._problems.push(this._stopped);
      else this._endChecks(mainTask);
    } finally {
      this._cleaningUp = true;
      // The trace is the test's run; the cleanup's own steps would only blur its end.
      if (tracer !== null) loop.removeInstrument(tracer);
      try {
        await this._cleanUp();
      } finally {
        if (guard !== null) clearTimeout(guard);
        untrackLocks(loop);
        loop.close(); // reports errors nobody retrieved: to _exception
        setEventLoop(null);
      }
    }
    const time = `${formatTime(loop.time())} s of ${loop._clock.isVirtual ? "virtual" : "real"} time`;
    // Under chaos even main's own error comes as a TestFailure: the seed is what replays it.
    const chaos = this._chaos === null ? undefined : { seed: this._chaos.seed, trace: this._chaos.traceLines() };
    if (outcome !== null && !outcome.ok) {
      if (this._problems.length === 0 && chaos === undefined) throw outcome.error;
      this._problems.unshift(`main raised ${describeError(outcome.error)}`);
      this._errors.unshift(outcome.error);
      throw new TestFailure(this._problems, this._errors, time, outcome.error, chaos);
    }
    if (this._problems.length > 0 || outcome === null) throw new TestFailure(this._problems, this._errors, time, undefined, chaos);
    return outcome.value;
  }

  /** What the test left behind when `main` finished: tasks, timers, locks. */
  private _endChecks(mainTask: Task<T>): void {
    const loop = this._loop;
    const rows = taskTable(loop).filter((row) => row.task !== mainTask);
    if (rows.length > 0) {
      const stuck = _describeStuckTasks(loop).split("\n")[0]!;
      const lines = rows.map((row) => `  ${row.name} (${row.state}) ${row.waitsOn}`);
      if (stuck.startsWith("deadlock:")) lines.unshift(`  ${stuck}`);
      this._problems.push(`${plural(rows.length, "task")} still pending when main finished (cancel or await them):\n${lines.join("\n")}`);
    }
    // A sleep's timer is the sleeping task's, which the line above names already.
    const waitedOn = new Set<unknown>();
    for (const task of allTasks(loop)) waitedOn.add(task._futWaiter);
    const timers = loop._scheduled.toArray().filter((timer) => !timer.cancelled() && !waitedOn.has(_sleepFuture(timer)));
    if (timers.length > 0) {
      timers.sort((a, b) => a.when() - b.when());
      const lines = timers.map((timer) => `  ${timer._describeCallback()} at t=${formatTime(timer.when())}`);
      this._problems.push(`${plural(timers.length, "timer")} still scheduled when main finished (cancel the handles of callLater/callAt):\n${lines.join("\n")}`);
    }
    const held = [...this._locks].filter((lock) => lock.locked());
    if (held.length > 0) {
      const lines = held.map((lock, i) => {
        const owner = lock._owner;
        const by = owner === null ? "held outside any task" : `held by ${owner.getName()}${owner.done() ? ", which has finished" : ""}`;
        return `  Lock#${i + 1} ${by} (${lock})`;
      });
      this._problems.push(`${plural(held.length, "lock")} still held when main finished (release it, or use asyncWith):\n${lines.join("\n")}`);
    }
  }

  /** Cancels the leftover tasks and waits for them, as `asyncio.run` does. */
  private async _cleanUp(): Promise<void> {
    const loop = this._loop;
    const tasks = [...allTasks(loop)];
    if (tasks.length > 0) {
      for (const task of tasks) task.cancel();
      try {
        await loop.runUntilComplete(gather(tasks, { returnExceptions: true }));
      } catch (error) {
        if (this._stopped === null) throw error;
      }
      for (const task of tasks) {
        if (task.done() && !task.cancelled() && task.exception() !== null) {
          this._exception({ message: "a leftover task raised when it was cancelled", exception: task.exception(), task });
        }
      }
    }
    await loop.runUntilComplete(loop.shutdownAsyncgens());
  }

  private _exception(context: ExceptionContext): void {
    const where = context.task ?? context.future ?? context.handle;
    const what = "exception" in context ? `: ${describeError(context.exception)}` : "";
    this._problems.push(`${context.message}${what}${where === undefined ? "" : `\n  in ${String(where)}`}`);
    if ("exception" in context) this._errors.push(context.exception);
  }

  /** What every task waits on, for a report. */
  private _waits(): string {
    const rows = taskTable(this._loop);
    const stuck = _describeStuckTasks(this._loop).split("\n")[0]!;
    const lines = rows.map((row) => `  ${row.name} (${row.state}) ${row.waitsOn}`);
    if (stuck.startsWith("deadlock:")) lines.unshift(`  ${stuck}`);
    return lines.length === 0 ? "  no task" : lines.join("\n");
  }

  /** Stops the loop's run (from a callback, or from host code) with `report`. */
  private _stop(report: string): void {
    if (this._stopped !== null) return;
    this._stopped = report;
    const loop = this._loop;
    if (loop.isRunning()) loop.stop();
    else loop.callSoonThreadsafe(() => loop.stop());
  }

  private _realTimeout(seconds: number): void {
    if (this._loop.isClosed()) return;
    if (this._cleaningUp) {
      // Leftover tasks that will not end when cancelled: stop waiting for them.
      this._problems.push(`leftover tasks did not finish within ${seconds} s of real time after being cancelled:\n${this._waits()}`);
      this._loop.callSoonThreadsafe(() => this._loop.stop());
      this._stopped ??= "cleanup";
      return;
    }
    this._stop(`timed out after ${seconds} s of real time (option realTimeout), at t=${formatTime(this._loop.time())} of loop time\n${this._waits()}`);
  }

  /**
   * Nothing ready, no timer, no wrapped promise pending, and tasks waiting on each
   * other in a cycle: nothing can ever wake them, so the test fails at once with the
   * report `asyncio.run` gives for it. A task waiting on something else (an event nobody
   * sets) might still be woken by host I/O: the real-time guard ends that.
   */
  private readonly _deadlockWatch: Instrument = {
    idleBegin: (loop, deadline) => {
      if (deadline !== null || this._cleaningUp || this._stopped !== null || loop._hostPending > 0) return;
      const report = _describeStuckTasks(loop);
      if (!report.startsWith("deadlock:")) return;
      // An instrument must not schedule work on the loop: stop it from the host.
      queueMicrotask(() => this._stop(`the event loop can never finish: nothing is ready and no timer is scheduled\n${report}`));
    },
  };
}

function makeChaos(loop: EventLoop, options: RunTestOptions): ChaosSchedule | null {
  const { chaos, seed } = options;
  if (chaos === false || (chaos === undefined && seed === undefined)) return null;
  const schedule = new ChaosSchedule(loop, seed ?? Math.floor(Math.random() * 0x100000000), typeof chaos === "object" ? chaos : {});
  loop._chaos = schedule;
  // `Task-N` counts every task the process ever made; a replay's reports and trace must
  // read as the run they replay, so tasks made without a name count from 1 in each run.
  let unnamed = 0;
  loop.setTaskFactory((onLoop, coro, taskOptions) => new Task(coro, { ...taskOptions, name: taskOptions.name ?? `Task-${++unnamed}` }, onLoop));
  return schedule;
}

/** Every task step into the chaos trace: with the schedule's decisions, it tells the interleaving. */
function traceSteps(chaos: ChaosSchedule): Instrument {
  return { beforeTaskStep: (task) => chaos.note(`${task.getName()} steps`) };
}

// Locks are found by recording, while a test runs, every Lock that a task of its loop
// acquires (Lock.prototype.acquire is wrapped for as long as any runTest runs). A lock
// that nobody acquired through `acquire()` cannot be held; subclasses that override
// `acquire` are not seen.
const trackedLocks = new Map<EventLoop, Set<Lock>>();
let originalAcquire: Lock["acquire"] | null = null;

function trackLocks(loop: EventLoop, locks: Set<Lock>): void {
  trackedLocks.set(loop, locks);
  if (originalAcquire !== null) return;
  const acquire = Lock.prototype.acquire;
  originalAcquire = acquire;
  Lock.prototype.acquire = function (this: Lock): Coroutine<boolean> {
    const loop = runningLoop();
    if (loop !== null) trackedLocks.get(loop)?.add(this);
    return acquire.call(this);
  };
}

function untrackLocks(loop: EventLoop): void {
  trackedLocks.delete(loop);
  if (trackedLocks.size > 0 || originalAcquire === null) return;
  Lock.prototype.acquire = originalAcquire;
  originalAcquire = null;
}

function runningLoop(): EventLoop | null {
  try {
    return getRunningLoop();
  } catch {
    return null;
  }
}

function describeError(error: unknown): string {
  if (error instanceof Error) return error.stack ?? `${error.name}: ${error.message}`;
  return String(error);
}

function plural(n: number, noun: string): string {
  return n === 1 ? `1 ${noun}` : `${n} ${noun}s`;
}

function indent(text: string): string {
  return text.replace(/\n/g, "\n  ");
}

/** A loop time as reports show it: `3.0`, `2.25`. */
function formatTime(seconds: number): string {
  const rounded = Math.round(seconds * 1000) / 1000;
  return Number.isInteger(rounded) ? rounded.toFixed(1) : String(rounded);
}
