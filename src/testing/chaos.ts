/**
 * Seeded chaos scheduling: a loop that takes, from a seed, every decision asyncio leaves
 * open, so that a test explores the orders a real machine could produce and any one of
 * them can be replayed.
 *
 * What asyncio leaves open, and so what a schedule changes:
 *
 * - the order of timers due at the same moment (asyncio's docs: "the order in which they
 *   are called is undefined"): on a VirtualClock, two `sleep(1)` started in the same step
 *   are due at exactly the same time, where a real clock would have split them by a few
 *   microseconds either way;
 * - how late the loop wakes for a timer (a timer never fires early, and may fire late:
 *   a garbage collection or a slow callback stalls a real loop, and the timers that came
 *   due meanwhile then run in one iteration, in deadline order);
 * - the order in which settled host operations (wrapped promises) reach the loop.
 *
 * What asyncio promises is kept: callbacks run in `callSoon` order, a future's done
 * callbacks in the order they were added (so tasks woken by one event, fair `Lock`s and
 * `Queue`s keep their order), timers with different deadlines in deadline order. Every
 * wake-up of a task goes through one of these, so reordering tasks woken in the same
 * iteration beyond them would produce orders no asyncio program can see.
 */
import { type _SchedulePerturbation as SchedulePerturbation, type EventLoop, type TimerHandle, _sleepFuture, allTasks } from "../index.browser";

/** What a chaos schedule may perturb; each is on unless turned off. */
export interface ChaosOptions {
  /**
   * The most seconds the loop may wake late for a timer, as a stalled real loop would;
   * about half the wake-ups are late, by up to this much. Default 0.01 (10 ms); 0 for
   * never late.
   */
  maxLateness?: number;
  /** Reorder timers due at the same moment. Default true. */
  timerTies?: boolean;
  /** Reorder wrapped promises that settle in the same host turn. Default true. */
  hostOrder?: boolean;
}

const DEFAULT_MAX_LATENESS = 0.01;
/** Iterations a busy loop may run before the host settlements held for it are delivered. */
const HOLD_LIMIT = 1000;
/** A trace keeps this many lines, the last ones (where a failure shows). */
const TRACE_LIMIT = 2000;

/**
 * @internal The seeded generator behind a schedule: mulberry32 (a 32-bit state, a full
 * period of 2^32), fed through one round of a mixing hash so that seeds 1, 2, 3… start
 * far apart. Small and exact in any JavaScript engine: the same seed gives the same
 * numbers everywhere.
 */
export class SeededRandom {
  private _state: number;

  constructor(seed: number) {
    let h = Math.imul(seed ^ 0x9e3779b9, 0x85ebca6b);
    h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
    this._state = (h ^ (h >>> 16)) >>> 0;
  }

  /** A number in [0, 1). */
  next(): number {
    this._state = (this._state + 0x6d2b79f5) | 0;
    let t = this._state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** An integer in [0, n). */
  below(n: number): number {
    return Math.floor(this.next() * n);
  }
}

/** @internal Checks `chaos` options at the call, so bad input fails before any run. */
export function checkChaosOptions(chaos: unknown, caller: string): void {
  if (chaos === undefined || typeof chaos === "boolean") return;
  if (chaos === null || typeof chaos !== "object") {
    throw new TypeError(`${caller} option chaos must be true, false or an object of ChaosOptions, got ${chaos === null ? "null" : typeof chaos}`);
  }
  for (const key of Object.keys(chaos)) {
    if (key !== "maxLateness" && key !== "timerTies" && key !== "hostOrder") {
      throw new TypeError(`${caller} option chaos has no field ${JSON.stringify(key)} (known: maxLateness, timerTies, hostOrder)`);
    }
  }
  const { maxLateness, timerTies, hostOrder } = chaos as ChaosOptions;
  if (maxLateness !== undefined && (typeof maxLateness !== "number" || !(maxLateness >= 0) || maxLateness === Infinity)) {
    throw new RangeError(`${caller} option chaos.maxLateness must be a finite number of seconds >= 0, got ${String(maxLateness)}`);
  }
  for (const [name, value] of [["timerTies", timerTies], ["hostOrder", hostOrder]] as const) {
    if (value !== undefined && typeof value !== "boolean") throw new TypeError(`${caller} option chaos.${name} must be a boolean, got ${typeof value}`);
  }
}

/** @internal Checks a seed: an integer that fits in 32 bits, as the generator uses it. */
export function checkSeed(seed: unknown, caller: string, name = "seed"): void {
  if (seed === undefined) return;
  if (typeof seed !== "number" || !Number.isInteger(seed) || seed < 0 || seed > 0xffffffff) {
    throw new RangeError(`${caller} option ${name} must be an integer from 0 to 4294967295, got ${typeof seed === "number" ? seed : typeof seed}`);
  }
}

/**
 * @internal One run's chaos schedule, installed on its loop (`loop._chaos`). It records
 * each decision that changed something, with the loop time, for the failure's trace.
 */
export class ChaosSchedule implements SchedulePerturbation {
  readonly seed: number;
  readonly trace: string[] = [];
  private readonly _random: SeededRandom;
  private readonly _loop: EventLoop;
  private readonly _maxLateness: number;
  private readonly _timerTies: boolean;
  private readonly _hostOrder: boolean;
  private _held: (() => void)[] = [];
  private _traceDropped = 0;
  private _heldIterations = 0;

  constructor(loop: EventLoop, seed: number, options: ChaosOptions) {
    this.seed = seed;
    this._loop = loop;
    this._random = new SeededRandom(seed);
    this._maxLateness = options.maxLateness ?? DEFAULT_MAX_LATENESS;
    this._timerTies = options.timerTies ?? true;
    this._hostOrder = options.hostOrder ?? true;
  }

  /** Adds a line to the trace, at loop time `time` (default: now). */
  note(line: string, time = this._loop.time()): void {
    if (this.trace.length >= TRACE_LIMIT) {
      this.trace.shift();
      this._traceDropped++;
    }
    this.trace.push(`t=${time.toFixed(6)} ${line}`);
  }

  /** The trace as it reads in a report: the earliest lines dropped are counted. */
  traceLines(): string[] {
    return this._traceDropped === 0 ? [...this.trace] : [`(${this._traceDropped} earlier lines dropped)`, ...this.trace];
  }

  beginIteration(): void {
    if (this._held.length === 0) return;
    // Settlements reach the loop at the first iteration that starts with nothing ready,
    // where the host's turns fall has no say in it, so a seed replays a run that awaits
    // promises too. A loop kept busy longer (a task polling with sleep(0)) gets them
    // after HOLD_LIMIT iterations, as late I/O.
    if (this._loop._ready.length > 0 && ++this._heldIterations < HOLD_LIMIT) return;
    this._heldIterations = 0;
    const held = this._held;
    this._held = [];
    if (this._hostOrder && held.length > 1) {
      const order = this._shuffle(held.length);
      if (order !== null) {
        this.note(`${held.length} settled promises arrived in the order ${order.map((i) => `#${i + 1}`).join(", ")} (settled: #1 first)`);
        for (const i of order) held[i]!();
        return;
      }
    }
    for (const deliver of held) deliver();
  }

  orderDueTimers(timers: TimerHandle[]): void {
    if (!this._timerTies) return;
    let start = 0;
    while (start < timers.length) {
      let end = start + 1;
      while (end < timers.length && timers[end]!.when() === timers[start]!.when()) end++;
      if (end - start > 1) this._reorderTies(timers, start, end);
      start = end;
    }
  }

  wakeAt(when: number): number {
    if (this._maxLateness === 0 || this._random.next() < 0.5) return when;
    const late = this._random.next() * this._maxLateness;
    this.note(`the loop woke ${(late * 1000).toFixed(3)} ms late for the timer due at t=${when.toFixed(6)}`, when + late);
    return when + late;
  }

  hostSettled(deliver: () => void): void {
    this._held.push(deliver);
  }

  holding(): boolean {
    return this._held.length > 0;
  }

  private _reorderTies(timers: TimerHandle[], start: number, end: number): void {
    const order = this._shuffle(end - start);
    if (order === null) return;
    const tied = timers.slice(start, end);
    for (let i = 0; i < order.length; i++) timers[start + i] = tied[order[i]!]!;
    const names = order.map((i) => describeTimer(this._loop, tied[i]!));
    this.note(`${order.length} timers due at t=${tied[0]!.when().toFixed(6)} ran in the order: ${names.join(", ")}`);
  }

  /** A seeded permutation of 0..n-1 (Fisher–Yates), or null when it is the identity. */
  private _shuffle(n: number): number[] | null {
    const order = Array.from({ length: n }, (_, i) => i);
    for (let i = n - 1; i > 0; i--) {
      const j = this._random.below(i + 1);
      const swap = order[i]!;
      order[i] = order[j]!;
      order[j] = swap;
    }
    return order.every((value, i) => value === i) ? null : order;
  }
}

/** A timer as the trace names it: whose sleep it ends, or its callback. */
function describeTimer(loop: EventLoop, timer: TimerHandle): string {
  const target = _sleepFuture(timer);
  for (const task of allTasks(loop)) if (task._futWaiter === target && target !== undefined) return `${task.getName()}'s sleep`;
  return timer._describeCallback();
}
