/**
 * Timeout scopes (Python's `asyncio.timeouts`): `timeout(delay)`, `timeoutAt(when)`.
 */
import type { Coroutine } from "./coroutines";
import { type EventLoop, type Handle, getRunningLoop } from "./events";
import { CancelledError, RuntimeError, TimeoutError } from "./exceptions";
import type { Task } from "./tasks";
import { currentTask } from "./tasks";
import { describe } from "./repr";
import { withoutStack } from "./stacks";

// Python's timeouts._State, whose values appear in error messages.
const State = {
  Created: "created",
  Entered: "active",
  Expiring: "expiring",
  Expired: "expired",
  Exited: "finished",
} as const;
type State = (typeof State)[keyof typeof State];

/**
 * An asynchronous context manager that cancels the task running it when its deadline
 * passes, and turns that cancellation (and only that one) into `TimeoutError` on exit
 * (Python 3.11's `asyncio.Timeout`). Use it with `asyncWith`.
 *
 * @example
 * function* main() {
 *   try {
 *     yield* asyncio.asyncWith(asyncio.timeout(1), function* () {
 *       yield* asyncio.sleep(10);
 *     });
 *   } catch (error) {
 *     return error instanceof asyncio.TimeoutError;
 *   }
 * }
 * console.assert(asyncio.runSync(main(), { clock: new asyncio.VirtualClock() }) === true);
 */
export class Timeout {
  /** @internal */ _state: State;
  /** @internal */ _when: number | null;
  /** @internal */ _handle: Handle | null;
  /** @internal */ _task: Task<unknown> | null;
  /** @internal */ _cancelling: number;
  /**
   * @internal The delay `timeout()` was given, for the timer heap (timers of one delay share
   * a run); NaN once the deadline is another one.
   */
  _delay: number;

  /**
   * A timeout at loop time `when` (`null` or `undefined`: none); prefer `timeout()` and
   * `timeoutAt()`.
   *
   * @throws TypeError if `when` is not a number; RangeError if it is NaN.
   */
  constructor(when: number | null | undefined) {
    this._state = State.Created;
    this._when = checkDeadline(when, "Timeout() when");
    this._handle = null;
    this._task = null;
    this._cancelling = 0;
    this._delay = Number.NaN;
  }

  /**
   * The deadline in loop time (`loop.time()`, seconds), or null for none (Python's
   * `when()`).
   *
   * @example
   * function* main() {
   *   const loop = asyncio.getRunningLoop();
   *   const cm = asyncio.timeout(10);
   *   return yield* asyncio.asyncWith(cm, function* () {
   *     return cm.when()! - loop.time(); // the time left
   *   });
   * }
   * console.assert(asyncio.runSync(main(), { clock: new asyncio.VirtualClock() }) === 10);
   */
  when(): number | null {
    return this._when;
  }

  /**
   * Moves the deadline to loop time `when` (`null` or `undefined`: no deadline), while
   * the block runs (Python's `reschedule()`). A deadline already past expires the
   * timeout on the loop's next turn.
   *
   * @example
   * // Python: async with asyncio.timeout(None) as cm: ... cm.reschedule(loop.time() + 5)
   * function* main() {
   *   const loop = asyncio.getRunningLoop();
   *   const cm = asyncio.timeout(null); // made first: it is used after the block too
   *   try {
   *     yield* asyncio.asyncWith(cm, function* () {
   *       cm.reschedule(loop.time() + 5); // a deadline, now that one is known
   *       yield* asyncio.sleep(60);
   *     });
   *   } catch (error) {
   *     if (!(error instanceof asyncio.TimeoutError)) throw error;
   *   }
   *   return [loop.time(), cm.expired()] as const;
   * }
   * const [time, expired] = asyncio.runSync(main(), { clock: new asyncio.VirtualClock() });
   * console.assert(time === 5 && expired);
   *
   * @throws RuntimeError if the timeout was not entered, or has expired or exited;
   * TypeError if `when` is not a number; RangeError if it is NaN.
   */
  reschedule(when: number | null | undefined): void {
    when = checkDeadline(when, "reschedule() when");
    if (this._state !== State.Entered) {
      if (this._state === State.Created) throw new RuntimeError("Timeout has not been entered");
      throw new RuntimeError(`Cannot change state of ${this._state} Timeout`);
    }
    this._when = when;
    this._handle?.cancel();
    if (when === null) {
      this._handle = null;
      return;
    }
    const loop: EventLoop = this._task!._loop;
    const delay = this._delay;
    this._delay = Number.NaN;
    this._handle = when <= loop.time() ? loop._callSoon(expire, [this], null) : loop._callAt(when, expire, [this], null, delay);
  }

  /**
   * True once the deadline passed (and the timeout cancelled its task) (Python's
   * `expired()`): after the block, it tells a timeout from another error.
   *
   * @example
   * // A deadline pushed back on each sign of progress, as a watchdog.
   * function* main() {
   *   const loop = asyncio.getRunningLoop();
   *   const cm = asyncio.timeout(1);
   *   let steps = 0;
   *   try {
   *     yield* asyncio.asyncWith(cm, function* () {
   *       for (;;) {
   *         yield* asyncio.sleep(steps < 3 ? 0.5 : 2); // progress three times, then a stall
   *         steps++;
   *         cm.reschedule(loop.time() + 1);
   *       }
   *     });
   *   } catch (error) {
   *     if (!cm.expired()) throw error;
   *   }
   *   return [steps, loop.time()] as const;
   * }
   * const [steps, time] = asyncio.runSync(main(), { clock: new asyncio.VirtualClock() });
   * console.assert(steps === 3 && time === 2.5);
   */
  expired(): boolean {
    return this._state === State.Expiring || this._state === State.Expired;
  }

  /**
   * Enters the scope in the current task.
   *
   * @throws RuntimeError if entered before, or used outside a task.
   */
  *aenter(): Coroutine<Timeout> {
    if (this._state !== State.Created) throw new RuntimeError("Timeout has already been entered");
    const task = currentTask();
    if (task === undefined) throw new RuntimeError("Timeout should be used inside a task");
    this._state = State.Entered;
    this._task = task;
    this._cancelling = task.cancelling();
    this.reschedule(this._when);
    return this;
  }

  /**
   * Leaves the scope: if the deadline passed and no other cancellation is pending, the
   * CancelledError it caused becomes TimeoutError (with the CancelledError as `cause`).
   */
  *aexit(error?: unknown): Coroutine<boolean> {
    this._handle?.cancel();
    this._handle = null;
    if (this._state === State.Expiring) {
      this._state = State.Expired;
      // Only a cancellation this timeout caused is ours to turn into TimeoutError;
      // one requested from outside meanwhile must go on as CancelledError.
      if (this._task!.uncancel() <= this._cancelling && error instanceof CancelledError) {
        // Without a stack outside debug mode, like the CancelledError it replaces: a
        // capture costs a third of an expiring scope, and most programs catch it unread.
        throw withoutStack(this._task!._loop._debug, () => new TimeoutError("", { cause: error }));
      }
    } else if (this._state === State.Entered) {
      this._state = State.Exited;
    }
    return false;
  }

  toString(): string {
    const when = this._state === State.Entered ? ` when=${this._when}` : "";
    return `<Timeout [${this._state}]${when}>`;
  }
}

/**
 * @internal The earliest deadline of the entered `timeout` scopes of each task of `loop`,
 * from the timers that will expire them (a task table says `times out at t=3.0`).
 */
export function _timeoutDeadlines(loop: EventLoop): Map<Task<unknown>, number> {
  const deadlines = new Map<Task<unknown>, number>();
  for (const timer of loop._scheduled.toArray()) {
    if (timer._cancelled || timer._callback !== expire) continue;
    const task = (timer._args[0] as Timeout)._task;
    if (task === null) continue;
    const earliest = deadlines.get(task);
    if (earliest === undefined || timer._when < earliest) deadlines.set(task, timer._when);
  }
  return deadlines;
}

function expire(timeout: Timeout): void {
  timeout._task!.cancel();
  timeout._state = State.Expiring;
  timeout._handle = null;
}

/**
 * A timeout `delay` seconds from now (`null` or `undefined`: none, Python's `None`)
 * (Python's `asyncio.timeout`).
 *
 * @throws RuntimeError outside a running loop; TypeError if `delay` is not a number
 * (a string is not converted); RangeError if it is NaN.
 */
export function timeout(delay: number | null | undefined): Timeout {
  const seconds = checkDeadline(delay, "timeout() delay");
  const loop = getRunningLoop();
  const scope = new Timeout(seconds === null ? null : loop.time() + seconds);
  if (seconds !== null) scope._delay = seconds;
  return scope;
}

/**
 * A timeout at loop time `when` (`null` or `undefined`: none) (Python's
 * `asyncio.timeout_at`).
 *
 * @throws TypeError if `when` is not a number; RangeError if it is NaN.
 */
export function timeoutAt(when: number | null | undefined): Timeout {
  return new Timeout(when);
}

/**
 * A deadline or delay as a number, or null for none. `"1"` would otherwise be added as a
 * string (an immediate timeout) and NaN would sit in the timer heap, where it compares
 * false with everything and fires at an arbitrary point.
 */
function checkDeadline(value: number | null | undefined, what: string): number | null {
  if (value === null || value === undefined) return null;
  if (typeof value !== "number") throw new TypeError(`${what} must be a number of seconds, null or undefined, got ${describe(value)}`);
  if (Number.isNaN(value)) throw new RangeError(`${what} must be a number of seconds, got NaN`);
  return value;
}
