/**
 * Timeout scopes (Python's `asyncio.timeouts`): `timeout(delay)`, `timeoutAt(when)`.
 */
import type { Coroutine } from "./coroutines";
import { type EventLoop, type Handle, getRunningLoop } from "./events";
import { CancelledError, RuntimeError, TimeoutError } from "./exceptions";
import type { Task } from "./tasks";
import { currentTask } from "./tasks";

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

  /** A timeout at loop time `when` (`null`: none); prefer `timeout()` and `timeoutAt()`. */
  constructor(when: number | null) {
    this._state = State.Created;
    this._when = when;
    this._handle = null;
    this._task = null;
    this._cancelling = 0;
  }

  /** The deadline in loop time, or null for none. */
  when(): number | null {
    return this._when;
  }

  /**
   * Moves the deadline to loop time `when` (`null`: no deadline).
   *
   * @throws RuntimeError if the timeout was not entered, or has expired or exited.
   */
  reschedule(when: number | null): void {
    if (this._state !== State.Entered) {
      if (this._state === State.Created) throw new RuntimeError("Timeout has not been entered");
      throw new RuntimeError(`Cannot change state of ${this._state} Timeout`);
    }
    this._when = when;
    this._handle?.cancel();
    if (when === null || when === undefined) {
      this._handle = null;
      return;
    }
    const loop: EventLoop = this._task!._loop;
    this._handle = when <= loop.time() ? loop._callSoon(expire, [this], null) : loop._callAt(when, expire, [this], null);
  }

  /** True once the deadline passed (and the timeout cancelled its task). */
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
        throw new TimeoutError("", { cause: error });
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

function expire(timeout: Timeout): void {
  timeout._task!.cancel();
  timeout._state = State.Expiring;
  timeout._handle = null;
}

/**
 * A timeout `delay` seconds from now (`null`: none) (Python's `asyncio.timeout`).
 *
 * @throws RuntimeError outside a running loop.
 */
export function timeout(delay: number | null): Timeout {
  const loop = getRunningLoop();
  return new Timeout(delay === null || delay === undefined ? null : loop.time() + delay);
}

/** A timeout at loop time `when` (`null`: none) (Python's `asyncio.timeout_at`). */
export function timeoutAt(when: number | null): Timeout {
  return new Timeout(when ?? null);
}
