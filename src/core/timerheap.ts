/** What the timer heap orders: a deadline, then the order of scheduling. */
export interface HeapEntry {
  _when: number;
  _seq: number;
  _cancelled: boolean;
}

/**
 * Binary min-heap of timers ordered by deadline, then by scheduling order, so two
 * timers due at the same moment fire in the order they were scheduled (which a
 * VirtualClock makes common).
 *
 * The deadlines and sequence numbers are copied into typed arrays beside the entries:
 * sifting compares those instead of reading `_when` from objects scattered over the
 * heap (100 000 sleeps: one cache miss per comparison otherwise). An entry's `_when`
 * and `_seq` never change while it is in the heap.
 *
 * Cancelled timers are deleted lazily: they stay in the heap until they reach the
 * top or until `compact()` rebuilds the heap without them, as CPython's
 * `BaseEventLoop._run_once` does.
 */
export class TimerHeap<T extends HeapEntry> {
  private _items: (T | undefined)[] = [];
  private _whens = new Float64Array(16);
  private _seqs = new Float64Array(16);
  private _size = 0;

  get length(): number {
    return this._size;
  }

  peek(): T | undefined {
    return this._size > 0 ? this._items[0] : undefined;
  }

  push(item: T): void {
    if (this._size === this._whens.length) this._grow();
    const items = this._items;
    const whens = this._whens;
    const seqs = this._seqs;
    const when = item._when;
    const seq = item._seq;
    let i = this._size++;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      const pw = whens[parent]!;
      if (!(when < pw || (when === pw && seq < seqs[parent]!))) break;
      items[i] = items[parent];
      whens[i] = pw;
      seqs[i] = seqs[parent]!;
      i = parent;
    }
    items[i] = item;
    whens[i] = when;
    seqs[i] = seq;
  }

  pop(): T | undefined {
    if (this._size === 0) return undefined;
    const items = this._items;
    const top = items[0];
    const last = --this._size;
    const item = items[last]!;
    items[last] = undefined;
    if (last > 0) this._siftDown(0, item, this._whens[last]!, this._seqs[last]!);
    return top;
  }

  /** Drops every cancelled entry and restores the heap order in O(n). */
  compact(): void {
    const items = this._items;
    const whens = this._whens;
    const seqs = this._seqs;
    let kept = 0;
    for (let i = 0; i < this._size; i++) {
      const item = items[i]!;
      if (item._cancelled) continue;
      items[kept] = item;
      whens[kept] = whens[i]!;
      seqs[kept] = seqs[i]!;
      kept++;
    }
    for (let i = kept; i < this._size; i++) items[i] = undefined;
    this._size = kept;
    for (let i = (kept >> 1) - 1; i >= 0; i--) this._siftDown(i, items[i]!, whens[i]!, seqs[i]!);
  }

  clear(): void {
    this._items = [];
    this._whens = new Float64Array(16);
    this._seqs = new Float64Array(16);
    this._size = 0;
  }

  /** The entries in heap order (not sorted), for introspection and tests. */
  toArray(): T[] {
    return this._items.slice(0, this._size) as T[];
  }

  private _grow(): void {
    const whens = new Float64Array(this._whens.length * 2);
    whens.set(this._whens);
    this._whens = whens;
    const seqs = new Float64Array(this._seqs.length * 2);
    seqs.set(this._seqs);
    this._seqs = seqs;
  }

  private _siftDown(start: number, item: T, when: number, seq: number): void {
    const items = this._items;
    const whens = this._whens;
    const seqs = this._seqs;
    const n = this._size;
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
      items[i] = items[child];
      whens[i] = cw;
      seqs[i] = seqs[child]!;
      i = child;
    }
    items[i] = item;
    whens[i] = when;
    seqs[i] = seq;
  }
}
