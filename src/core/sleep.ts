/**
 * `asyncio.sleep`, as two hand-written coroutine objects rather than a generator.
 *
 * A sleeping task is the commonest thing a loop holds (servers, pollers, retries), so its
 * sleep is one object: the coroutine is also the timer that ends it, and that timer needs
 * no arguments array (Python's sleep keeps a coroutine frame, a future and a TimerHandle
 * with its args). `sleep(0)` is smaller still: it arms no timer.
 */
import { type Coroutine, type Suspension, _suspend, _handWrittenCoroutine } from "./coroutines";
import { type EventLoop, _getRunningLoop, getRunningLoop } from "./events";
import { NO_ARGS, TimerHandle } from "./handles";
import { RuntimeError } from "./exceptions";
import { Future } from "./futures";
import { describe } from "./repr";
import * as neverAwaited from "./neverawaited";
import { recordSuspension } from "./sites";

/**
 * Suspends the calling task for `delay` seconds, then returns `result` (Python's
 * `asyncio.sleep`). `sleep(0)` gives the loop exactly one iteration.
 *
 * @throws TypeError for a delay that is not a number; RangeError for NaN (as Python 3.13).
 */
export function sleep(delay: number): Coroutine<undefined>;
export function sleep<T>(delay: number, result: T): Coroutine<T>;
export function sleep<T>(delay: number, result?: T): Coroutine<T | undefined> {
  // Anything but a valid positive number takes the timer path, which checks it when started.
  return typeof delay === "number" && delay <= 0 ? new YieldOnce(result) : new Sleep(delay, result);
}

/** The name a sleep's timer shows as its callback: `setResultUnlessCancelled(<Future …>, undefined)`, as CPython's. */
function setResultUnlessCancelled<T>(future: Future<T>, result: T): void {
  if (!future.cancelled()) future.setResult(result);
}

/** @internal The future a timer completes when it ends a sleep, else undefined. */
export function _sleepFuture(timer: TimerHandle): Future<unknown> | undefined {
  // By its field, not instanceof: the CLI's tools may watch a program that loaded its own copy of this module.
  return (timer as Partial<Sleep<unknown>>)._future ?? undefined;
}

/** @internal The loop time each sleeping future of `loop` is due (a task table says `sleep until t=3.0`). */
export function _sleepDeadlines(loop: EventLoop): Map<Future<unknown>, number> {
  const deadlines = new Map<Future<unknown>, number>();
  for (const timer of loop._scheduled.toArray()) {
    const future = timer._cancelled ? undefined : _sleepFuture(timer);
    if (future !== undefined) deadlines.set(future, timer._when);
  }
  return deadlines;
}

const START = 0;
const WAITING = 1;
const DONE = 2;

const NO_LOOP = null as unknown as EventLoop;

/**
 * `sleep(delay)` for a delay that may be positive. It behaves as the generator
 *
 *     function* sleep(delay, result) {
 *       check delay;
 *       if (delay <= 0) { yield; return result; }
 *       const future = new Future(loop), timer = loop.callAt(now + delay, set future's result);
 *       try { return yield* future; } finally { timer.cancel(); }
 *     }
 *
 * did: nothing is checked or armed before the first `next()`, and `throw`/`return`
 * cancel the timer as the `finally` did. The object is that timer: it enters the loop's
 * heap when started, and the tools see a TimerHandle whose callback completes the future.
 */
class Sleep<T> extends TimerHandle implements Coroutine<T> {
  /** @internal */ _result: T;
  /** @internal START, WAITING or DONE. */
  _progress: number;
  /** @internal The future the task waits on while the timer runs. */
  _future: Future<T> | null;

  constructor(delay: number, result: T) {
    // Not on a loop until started; the delay waits in `_when` until then.
    super(delay, 0, setResultUnlessCancelled, NO_ARGS, NO_LOOP, null);
    this._result = result;
    this._progress = START;
    this._future = null;
    // Python warns of `asyncio.sleep(1)` without `await`; in debug mode, so do we.
    const loop = _getRunningLoop();
    if (loop !== null && loop._debug) neverAwaited.watchUnstarted(this, "sleep", loop, sleep);
  }

  next(): IteratorResult<Suspension, T> {
    const step = this._progress;
    if (step === START) {
      if (neverAwaited.watching) neverAwaited.started(this);
      const delay = this._when;
      this._progress = DONE; // a failed check ends the coroutine, as a generator's throw does
      if (typeof delay !== "number") throw new TypeError(`sleep() delay must be a number of seconds, got ${describe(delay)}`);
      if (Number.isNaN(delay)) throw new RangeError("Invalid delay: NaN (not a number)");
      const loop = getRunningLoop();
      const future = new Future<T>(loop);
      this._future = future;
      loop._scheduleTimer(this, loop.time() + delay, delay);
      this._progress = WAITING;
      if (loop._debug) recordSuspension(loop, Sleep.prototype.next);
      return { done: false, value: _suspend(future as Future<unknown>) };
    }
    if (step === WAITING) {
      const future = this._future!;
      this._leave();
      if (future._state === 0) throw new RuntimeError(`await wasn't used with future: ${future} was resumed before it was done`);
      return { done: true, value: future.result() };
    }
    return { done: true, value: undefined as never };
  }

  throw(error: unknown): IteratorResult<Suspension, T> {
    if (neverAwaited.watching) neverAwaited.started(this);
    if (this._progress === WAITING) this._leave();
    this._progress = DONE;
    throw error;
  }

  return(value: T): IteratorResult<Suspension, T> {
    if (neverAwaited.watching) neverAwaited.started(this);
    if (this._progress === WAITING) this._leave();
    this._progress = DONE;
    return { done: true, value };
  }

  /** The timer fired: the future gets the result unless the sleep was cancelled. */
  override _run(): void {
    if (this._cancelled) return;
    setResultUnlessCancelled(this._future!, this._result);
  }

  /** Before it starts it is only a coroutine, and prints as one; then as the timer it is. */
  override toString(): string {
    return this._progress === START ? "[object Generator]" : super.toString();
  }

  override _describeCallback(): string {
    if (this._callback === null || this._future === null) return super._describeCallback();
    return `setResultUnlessCancelled(${describe(this._future)}, ${describe(this._result)})`;
  }

  /** The `finally` of the generator: the timer is cancelled whichever way the sleep ends. */
  private _leave(): void {
    this.cancel();
    this._future = null;
    this._progress = DONE;
  }

  [Symbol.iterator](): this {
    return this;
  }

  /** Tagged as a generator, so `isCoroutine` and `createTask` accept it. */
  get [Symbol.toStringTag](): string {
    return "Generator";
  }
}
_handWrittenCoroutine(Sleep);

/** `sleep(0)`: one bare yield, which gives the loop one iteration, then the result. */
class YieldOnce<T> implements Coroutine<T> {
  private _result: T;
  private _progress: number;

  constructor(result: T) {
    this._result = result;
    this._progress = START;
    const loop = _getRunningLoop();
    if (loop !== null && loop._debug) neverAwaited.watchUnstarted(this, "sleep", loop, sleep);
  }

  next(): IteratorResult<Suspension | undefined, T> {
    if (this._progress === START) {
      if (neverAwaited.watching) neverAwaited.started(this);
      this._progress = WAITING;
      const running = _getRunningLoop();
      if (running !== null && running._debug) recordSuspension(running, YieldOnce.prototype.next);
      return { done: false, value: _suspend(undefined) };
    }
    if (this._progress === WAITING) {
      this._progress = DONE;
      return { done: true, value: this._result };
    }
    return { done: true, value: undefined as never };
  }

  throw(error: unknown): IteratorResult<Suspension | undefined, T> {
    if (neverAwaited.watching) neverAwaited.started(this);
    this._progress = DONE;
    throw error;
  }

  return(value: T): IteratorResult<Suspension | undefined, T> {
    if (neverAwaited.watching) neverAwaited.started(this);
    this._progress = DONE;
    return { done: true, value };
  }

  [Symbol.iterator](): this {
    return this;
  }

  /** Tagged as a generator, so `isCoroutine` and `createTask` accept it. */
  get [Symbol.toStringTag](): string {
    return "Generator";
  }
}
_handWrittenCoroutine(YieldOnce);
