/**
 * Handle and TimerHandle (Python's `asyncio.Handle` and `asyncio.TimerHandle`): what the
 * loop's ready queue and timer heap hold. Their own module, importing nothing that imports
 * the loop back, so a timer subclass (a sleep) can extend them while the modules load.
 */
import { type Context, enter, leave } from "./contextvars";
import { describe } from "./repr";
import type { EventLoop } from "./events";

/** Anything the loop can run from its ready queue: a Handle or a Task stepping itself. */
export interface Runnable {
  /** @internal */ _run(): void;
}

// biome-ignore lint: a callback takes whatever arguments it was scheduled with.
export type AnyFunction = (...args: any[]) => unknown;

/** @internal The arguments of a callback that takes none, shared. */
export const NO_ARGS: readonly unknown[] = [];

/**
 * A callback scheduled with `callSoon` (Python's `asyncio.Handle`). Cancelling it
 * before it runs keeps it from running.
 */
export class Handle implements Runnable {
  /** @internal */ _callback: AnyFunction | null;
  /** @internal */ _args: readonly unknown[];
  /** @internal */ _loop: EventLoop;
  /** @internal */ _cancelled: boolean;
  /** @internal */ _repr: string | null;
  /** @internal The context the callback runs in; null for the loop's own callbacks, which read no variables. */
  _context: Context | null;

  /** @internal */
  constructor(callback: AnyFunction, args: readonly unknown[], loop: EventLoop, context: Context | null) {
    this._callback = callback;
    this._args = args;
    this._loop = loop;
    this._cancelled = false;
    this._repr = null;
    this._context = context;
  }

  /** Keeps the callback from running; it is a no-op once it ran or was cancelled. */
  cancel(): void {
    if (this._cancelled) return;
    this._cancelled = true;
    // In debug mode keep the description for messages about it, as CPython does.
    if (this._loop._debug) this._repr = this.toString();
    this._callback = null;
    this._args = NO_ARGS;
  }

  /** True once `cancel()` was called. */
  cancelled(): boolean {
    return this._cancelled;
  }

  /** @internal */
  _run(): void {
    if (this._cancelled) return;
    const callback = this._callback!;
    const args = this._args;
    const context = this._context;
    const outer = context === null ? null : enter(context);
    try {
      switch (args.length) {
        case 0:
          callback();
          break;
        case 1:
          callback(args[0]);
          break;
        case 2:
          callback(args[0], args[1]);
          break;
        default:
          callback(...args);
      }
    } catch (error) {
      this._loop.callExceptionHandler({
        message: `Exception in callback ${this._describeCallback()}`,
        exception: error,
        handle: this,
      });
    } finally {
      if (outer !== null) leave(outer);
    }
  }

  /** @internal */
  _describeCallback(): string {
    if (this._callback === null) return this._repr ?? "<cancelled>";
    const name = this._callback.name || "(anonymous)";
    return `${name}(${this._args.map(describe).join(", ")})`;
  }

  toString(): string {
    if (this._repr !== null) return this._repr;
    const state = this._cancelled ? " cancelled" : "";
    return `<${this.constructor.name}${state} ${this._describeCallback()}>`;
  }
}

/**
 * A callback scheduled for a point in time with `callLater` or `callAt` (Python's
 * `asyncio.TimerHandle`).
 */
export class TimerHandle extends Handle {
  /** @internal */ _when: number;
  /** @internal */ _seq: number;
  /** @internal */ _scheduled: boolean;

  /** @internal */
  constructor(when: number, seq: number, callback: AnyFunction, args: readonly unknown[], loop: EventLoop, context: Context | null) {
    super(callback, args, loop, context);
    this._when = when;
    this._seq = seq;
    this._scheduled = false;
  }

  /** The loop time (seconds) at which the callback is due. */
  when(): number {
    return this._when;
  }

  override cancel(): void {
    if (!this._cancelled && this._scheduled) this._loop._timerHandleCancelled();
    super.cancel();
  }

  override toString(): string {
    if (this._repr !== null) return this._repr;
    const state = this._cancelled ? " cancelled" : "";
    return `<TimerHandle${state} when=${this._when} ${this._describeCallback()}>`;
  }
}
