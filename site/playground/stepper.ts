/**
 * The playground's driver: runs an EventLoop one callback at a time, so the page can
 * pause between any two callbacks and show the ready queue, the timer heap and the tasks
 * as they are at that moment.
 *
 * The core's drivers run whole iterations (`EventLoop._runOnce`, CPython's `_run_once`);
 * the core also gives an iteration in two parts for a driver that steps: its head,
 * `loop._beginIteration()` (cancelled timers leave the heap, due ones move to the ready
 * queue, and it returns how many ready items this iteration runs: `ntodo`), and its body,
 * one `loop._runReadyItem()` per item. `_runReadyItem` runs the item through the loop's
 * `_runObserved` whenever the loop has instruments (the playground always adds two), so
 * instruments and debug mode see each item as usual.
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

/** The loop's internals the stepper uses; all are `@internal` members of EventLoop. */
interface LoopInternals {
  /** A ReadyQueue: a ring buffer whose head item is `_items[_head]` (it has no `peek`). */
  _ready: { length: number; toArray(): unknown[]; _items: unknown[]; _head: number };
  _scheduled: { peek(): { _when: number } | undefined; toArray(): unknown[] };
  _instruments: object | null;
  _hostPending: number;
  _beginIteration(): number;
  _runReadyItem(): unknown;
  _dropCancelledTimersAtTop(): void;
  _beginRun(): void;
  _endRun(): void;
  _idleBegin(deadline: number | null): void;
  _idleEnd(): void;
}

/**
 * Steps `loop` one ready item at a time on the core's `_beginIteration` / `_runReadyItem`,
 * and says what the loop would wait for when nothing is ready.
 */
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
   * way; `before` hears the item just before it runs (the worker names it, so a step that
   * never ends can be reported by name).
   *
   * @throws RuntimeError when the loop has no instruments: the page could not see the
   * item run (`_runReadyItem` observes it only for instruments or debug mode).
   */
  stepCallback(before?: (item: unknown) => void): StepResult {
    const loop = this._internals;
    if (this.remaining === 0) {
      this.remaining = loop._beginIteration();
      if (this.remaining === 0) return this._idle();
      this.iteration++;
    }
    if (loop._instruments === null) {
      throw new asyncio.RuntimeError(`the playground's stepper cannot watch ${String(this.loop)}: it has no instrument, so its items would run unobserved`);
    }
    // The head of the ready queue: the item `_runReadyItem` runs next.
    const ready = loop._ready;
    before?.(ready._items[ready._head]);
    this.remaining--;
    return { kind: "ran", item: loop._runReadyItem() };
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
