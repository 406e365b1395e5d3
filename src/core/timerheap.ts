/** What the timer heap orders: a deadline, then the order of scheduling. */
export interface HeapEntry {
  _when: number;
  _seq: number;
  _cancelled: boolean;
}

/**
 * Timers of one delay scheduled one after another: on a clock that never goes back their
 * deadlines (now + delay) only grow, so the run is already in firing order, a FIFO.
 */
class Run<T> {
  items: (T | undefined)[];
  /** The first timer not yet popped. */
  head: number;
  /** The delay its timers share, or NaN for a timer scheduled at a deadline (`callAt`). */
  delay: number;

  constructor(first: T, delay: number) {
    this.items = [first];
    this.head = 0;
    this.delay = delay;
  }
}

/**
 * The loop's timers, popped by deadline, then by scheduling order, so two timers due at
 * the same moment fire in the order they were scheduled (which a VirtualClock makes
 * common): exactly the order of CPython's heap.
 *
 * A binary heap of a million timers walks 20 levels of memory no cache holds on every pop
 * (`bench/engine/timer-heap.mjs`). Most timers come from a few delays (`sleep(1)`,
 * `timeout(10)`, `callLater(0.5, …)`), so, as Node's timers do, the timers of one delay go
 * into one run, appended at its end, and the heap orders the runs by their first timer:
 * pushing onto a run costs nothing, and the heap is as small as the number of delays in
 * use. A timer joins its delay's run only if it sorts after the run's last one (a clock
 * that went back would break the run's order); otherwise, and for a timer scheduled at a
 * deadline, it starts a run of its own.
 *
 * The runs' first deadlines and sequence numbers are copied into typed arrays beside them:
 * sifting compares those instead of reading objects scattered over the heap. A timer's
 * `_when` and `_seq` never change while it is scheduled.
 *
 * Cancelled timers are deleted lazily: they stay until they reach the top or until
 * `compact()` rebuilds the heap without them, as CPython's `BaseEventLoop._run_once` does.
 */
export class TimerHeap<T extends HeapEntry> {
  private _runs: (Run<T> | undefined)[] = [];
  private _whens = new Float64Array(16);
  private _seqs = new Float64Array(16);
  /** Runs in the heap. */
  private _count = 0;
  /** Timers in the heap, cancelled ones included. */
  private _size = 0;
  /** The run each delay appends to, while it is in the heap. */
  private _byDelay = new Map<number, Run<T>>();
  /** The last run to drain, reused for the next new one (a timeout per loop iteration allocates no run). */
  private _spare: Run<T> | null = null;

  get length(): number {
    return this._size;
  }

  peek(): T | undefined {
    if (this._count === 0) return undefined;
    const run = this._runs[0]!;
    return run.items[run.head];
  }

  /** Adds `item`; `delay` (the seconds it was scheduled for, if known) lets it join a run. */
  push(item: T, delay = Number.NaN): void {
    this._size++;
    const byDelay = delay === delay; // not NaN
    if (byDelay) {
      const run = this._byDelay.get(delay);
      if (run !== undefined) {
        const items = run.items;
        const last = items[items.length - 1]!;
        if (item._when > last._when || (item._when === last._when && item._seq > last._seq)) {
          items.push(item);
          return;
        }
      }
    }
    let run = this._spare;
    if (run === null) {
      run = new Run<T>(item, delay);
    } else {
      this._spare = null;
      run.items.push(item);
      run.delay = delay;
    }
    if (byDelay) this._byDelay.set(delay, run);
    this._insert(run, item._when, item._seq);
  }

  pop(): T | undefined {
    if (this._count === 0) return undefined;
    const run = this._runs[0]!;
    let items = run.items;
    const item = items[run.head]!;
    items[run.head] = undefined;
    run.head++;
    this._size--;
    if (run.head === items.length) {
      this._removeTop();
      if (this._byDelay.get(run.delay) === run) this._byDelay.delete(run.delay);
      items.length = 0;
      run.head = 0;
      this._spare = run;
    } else {
      if (run.head > 1024 && run.head * 2 > items.length) {
        // Most of the run is spent: drop the spent part, so a long-lived delay keeps no garbage.
        items = run.items = items.slice(run.head);
        run.head = 0;
      }
      const next = items[run.head]!;
      this._siftDown(0, run, next._when, next._seq);
    }
    return item;
  }

  /** Drops every cancelled timer and restores the heap order in O(n). */
  compact(): void {
    const runs = this._runs;
    const whens = this._whens;
    const seqs = this._seqs;
    let kept = 0;
    let size = 0;
    for (let i = 0; i < this._count; i++) {
      const run = runs[i]!;
      const live: T[] = [];
      for (let j = run.head; j < run.items.length; j++) {
        const item = run.items[j]!;
        if (!item._cancelled) live.push(item);
      }
      if (live.length === 0) {
        if (this._byDelay.get(run.delay) === run) this._byDelay.delete(run.delay);
        continue;
      }
      run.items = live;
      run.head = 0;
      runs[kept] = run;
      whens[kept] = live[0]!._when;
      seqs[kept] = live[0]!._seq;
      kept++;
      size += live.length;
    }
    for (let i = kept; i < this._count; i++) runs[i] = undefined;
    this._count = kept;
    this._size = size;
    for (let i = (kept >> 1) - 1; i >= 0; i--) this._siftDown(i, runs[i]!, whens[i]!, seqs[i]!);
  }

  clear(): void {
    this._runs = [];
    this._whens = new Float64Array(16);
    this._seqs = new Float64Array(16);
    this._count = 0;
    this._size = 0;
    this._byDelay = new Map();
    this._spare = null;
  }

  /** The timers, in no particular order, for introspection and tests. */
  toArray(): T[] {
    const out: T[] = [];
    for (let i = 0; i < this._count; i++) {
      const run = this._runs[i]!;
      for (let j = run.head; j < run.items.length; j++) out.push(run.items[j]!);
    }
    return out;
  }

  /** Adds `run`, whose first timer is due at `when` with sequence number `seq`. */
  private _insert(run: Run<T>, when: number, seq: number): void {
    if (this._count === this._whens.length) this._grow();
    const runs = this._runs;
    const whens = this._whens;
    const seqs = this._seqs;
    let i = this._count++;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      const pw = whens[parent]!;
      if (!(when < pw || (when === pw && seq < seqs[parent]!))) break;
      runs[i] = runs[parent];
      whens[i] = pw;
      seqs[i] = seqs[parent]!;
      i = parent;
    }
    runs[i] = run;
    whens[i] = when;
    seqs[i] = seq;
  }

  /** Removes the run at the top. */
  private _removeTop(): void {
    const last = --this._count;
    const run = this._runs[last]!;
    this._runs[last] = undefined;
    if (last > 0) this._siftDown(0, run, this._whens[last]!, this._seqs[last]!);
  }

  private _grow(): void {
    const whens = new Float64Array(this._whens.length * 2);
    whens.set(this._whens);
    this._whens = whens;
    const seqs = new Float64Array(this._seqs.length * 2);
    seqs.set(this._seqs);
    this._seqs = seqs;
  }

  /** Puts `run` (first timer at `when`, `seq`) at `start` or below, where the order puts it. */
  private _siftDown(start: number, run: Run<T>, when: number, seq: number): void {
    const runs = this._runs;
    const whens = this._whens;
    const seqs = this._seqs;
    const n = this._count;
    let i = start;
    for (;;) {
      let child = 2 * i + 1;
      if (child >= n) break;
      let cw = whens[child]!;
      const right = child + 1;
      if (right < n) {
        const rw = whens[right]!;
        if (rw < cw || (rw === cw && seqs[right]! < seqs[child]!)) {
          child = right;
          cw = rw;
        }
      }
      if (!(cw < when || (cw === when && seqs[child]! < seq))) break;
      runs[i] = runs[child];
      whens[i] = cw;
      seqs[i] = seqs[child]!;
      i = child;
    }
    runs[i] = run;
    whens[i] = when;
    seqs[i] = seq;
  }
}
