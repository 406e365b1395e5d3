/**
 * Where the event loop reads the time. `loop.time()` is `clock.now()`, in seconds.
 */
export interface Clock {
  /** Monotonic time in seconds. */
  now(): number;
  /**
   * True when the loop may move time forward itself instead of waiting for it: the
   * loop then calls `advanceTo` with the next deadline whenever nothing is ready.
   */
  readonly isVirtual: boolean;
  advanceTo(when: number): void;
}

/** The host's monotonic clock (`performance.now()`), in seconds. */
export class RealClock implements Clock {
  readonly isVirtual = false;
  now(): number {
    return performance.now() / 1000;
  }
  advanceTo(_when: number): void {
    throw new TypeError("RealClock cannot be advanced; use a VirtualClock for virtual time");
  }
}

/**
 * Virtual time for instant, deterministic runs: it starts at 0 and, whenever the
 * loop has nothing ready, jumps straight to the next timer's deadline. `sleep(3600)`
 * finishes at once while `loop.time()` reads 3600; the order of events is the same
 * as under real time.
 *
 * @example
 * function* main() {
 *   yield* asyncio.sleep(3600);
 *   return asyncio.getRunningLoop().time();
 * }
 * // An hour of sleep, at once:
 * console.assert(asyncio.runSync(main(), { clock: new asyncio.VirtualClock() }) === 3600);
 */
export class VirtualClock implements Clock {
  readonly isVirtual = true;
  private _now: number;

  constructor(start = 0) {
    if (!Number.isFinite(start)) throw new RangeError(`VirtualClock start must be a finite number, got ${start}`);
    this._now = start;
  }

  now(): number {
    return this._now;
  }

  /** Moves time forward to `when`; time never goes backwards. */
  advanceTo(when: number): void {
    if (when > this._now) this._now = when;
  }

  /** Moves time forward by `seconds` (for tests that drive the clock by hand). */
  advance(seconds: number): void {
    if (!(seconds >= 0)) throw new RangeError(`VirtualClock.advance needs a non-negative number of seconds, got ${seconds}`);
    this._now += seconds;
  }
}
