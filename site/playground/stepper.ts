/**
 * The playground's driver: runs an EventLoop one callback at a time, so the page can
 * pause between any two callbacks and show the ready queue, the timer heap and the tasks
 * as they are at that moment.
 *
 * The core's drivers run whole iterations (`EventLoop._runOnce`, CPython's `_run_once`).
 * Stepping one callback needs that iteration cut in two: its head (pop cancelled timers,
 * move the due ones to the ready queue, count what is ready: `ntodo`) and its body (run
 * that many ready items). The core has no such entry point yet, so this file does the
 * head itself on the loop's internal fields, the way `_runOnce` does; an item is run
 * through the loop's own `_runObserved`, so instruments and debug mode see it as usual.
 * A core `loop._beginIteration(): number` / `loop._runReadyItem()` pair would let this
 * file drop its copy of the head (see the playground's notes in the site README).
 */
import * as asyncio from "asyncio-ts";
import { _setRunningLoop } from "../../src/core/events";

/** What the stepper did with one request to run a callback. */
export type StepResult =
  | { kind: "ran"; item: unknown }
  /** Nothing ready: the loop would sleep until loop time `until` (its next timer). */
  | { kind: "sleep"; until: number }
  /** Nothing ready, no timer, but the host owes the loop work (a promise it waits on). */
  | { kind: "host" }
  /** Nothing ready, no timer, nothing owed: the loop can never go on. */
  | { kind: "stuck" };

/** The loop's internals the stepper reads; all are `@internal` fields of EventLoop. */
interface LoopInternals {
  _ready: { length: number; shift(): unknown; toArray(): unknown[] };
  _scheduled: { length: number; peek(): TimerLike | undefined; pop(): TimerLike | undefined; toArray(): TimerLike[] };
  _instruments: { emit(hook: string, ...args: unknown[]): void } | null;
  _hostPending: number;
  _dropCancelledTimersAtTop(): void;
  _runObserved(item: unknown): void;
  _beginRun(): void;
  _endRun(): void;
  _idleBegin(deadline: number | null): void;
  _idleEnd(): void;
}

interface TimerLike {
  _when: number;
  _cancelled: boolean;
  _scheduled: boolean;
}

/** The loop's clock resolution, as `_runOnce` uses it: a timer due within it fires now. */
const CLOCK_RESOLUTION = 1e-9;

export class Stepper {
  readonly loop: asyncio.EventLoop;
  /** Loop iterations begun (CPython's `_run_once` calls). */
  iteration = 0;
  /** Ready items left to run in the current iteration. */
  remaining = 0;
  private readonly _internals: LoopInternals;
  private _running = false;

  constructor(loop: asyncio.EventLoop) {
    this.loop = loop;
    this._internals = loop as unknown as LoopInternals;
  }

  /** True while no iteration is under way: the next callback begins a new iteration. */
  get atIterationBoundary(): boolean {
    return this.remaining === 0;
  }

  /** Runs `fn` with the loop marked running, as a driver's turn does. */
  turn<T>(fn: () => T): T {
    if (!this._running) {
      this._internals._beginRun();
      this._running = true;
    }
    _setRunningLoop(this.loop);
    try {
      return fn();
    } finally {
      _setRunningLoop(null);
    }
  }

  /** Ends the run (the instruments hear `afterRun`). */
  finish(): void {
    if (this._running) {
      this._running = false;
      this._internals._endRun();
    }
  }

  /**
   * Runs one ready callback or task step, beginning an iteration first if none is under
   * way; `before` hears the item just before it runs.
   */
  stepCallback(before?: (item: unknown) => void): StepResult {
    if (this.remaining === 0) {
      this._beginIteration();
      if (this.remaining === 0) return this._idle();
    }
    const item = this._internals._ready.shift();
    this.remaining--;
    before?.(item);
    this._internals._runObserved(item);
    return { kind: "ran", item };
  }

  /** The head of `_runOnce`: due timers move to the ready queue, and what is ready is counted. */
  private _beginIteration(): void {
    const loop = this._internals;
    loop._dropCancelledTimersAtTop();
    const scheduled = loop._scheduled;
    if (scheduled.length > 0) {
      const now = this.loop.time();
      const endTime = now + CLOCK_RESOLUTION;
      while (scheduled.length > 0) {
        const timer = scheduled.peek()!;
        if (timer._when >= endTime && timer._when > now) break;
        scheduled.pop();
        timer._scheduled = false;
        (loop._ready as unknown as { push(item: unknown): void }).push(timer);
        loop._instruments?.emit("timerFired", timer);
      }
    }
    this.remaining = loop._ready.length;
    if (this.remaining > 0) this.iteration++;
  }

  /** Nothing is ready: what the loop would wait for. */
  private _idle(): StepResult {
    const loop = this._internals;
    loop._dropCancelledTimersAtTop();
    const next = loop._scheduled.peek();
    if (next !== undefined) return { kind: "sleep", until: next._when };
    if (loop._hostPending > 0) return { kind: "host" };
    return { kind: "stuck" };
  }

  /** The loop goes idle until loop time `until` (null: until the host brings work); the drivers' `_idleBegin`. */
  beginIdle(until: number | null): void {
    this._internals._idleBegin(until);
  }

  /** The wait is over; on a VirtualClock, time first jumps to `until` (what the core drivers do). */
  endIdle(until: number | null): void {
    const clock = this.loop.clock;
    if (until !== null && clock instanceof asyncio.VirtualClock) clock.advanceTo(until);
    this._internals._idleEnd();
  }

  /** The ready queue, in order. */
  ready(): unknown[] {
    return this._internals._ready.toArray();
  }

  /** The live timers, soonest first. */
  timers(): asyncio.TimerHandle[] {
    return (this._internals._scheduled.toArray() as unknown as asyncio.TimerHandle[])
      .filter((timer) => !timer.cancelled())
      .sort((a, b) => a.when() - b.when());
  }
}
