/** What the timer heap orders: a deadline, then the order of scheduling. */
export interface HeapEntry {
  _when: number;
  _seq: number;
  _cancelled: boolean;
}

function before(a: HeapEntry, b: HeapEntry): boolean {
  return a._when < b._when || (a._when === b._when && a._seq < b._seq);
}

/**
 * Binary min-heap of timers ordered by deadline, then by scheduling order, so two
 * timers due at the same moment fire in the order they were scheduled (which a
 * VirtualClock makes common).
 *
 * Cancelled timers are deleted lazily: they stay in the heap until they reach the
 * top or until `compact()` rebuilds the heap without them, as CPython's
 * `BaseEventLoop._run_once` does.
 */
export class TimerHeap<T extends HeapEntry> {
  private _items: T[] = [];

  get length(): number {
    return this._items.length;
  }

  peek(): T | undefined {
    return this._items[0];
  }

  push(item: T): void {
    const items = this._items;
    let i = items.length;
    items.push(item);
    while (i > 0) {
      const parent = (i - 1) >> 1;
      const p = items[parent]!;
      if (!before(item, p)) break;
      items[i] = p;
      i = parent;
    }
    items[i] = item;
  }

  pop(): T | undefined {
    const items = this._items;
    const top = items[0];
    const last = items.pop();
    if (items.length > 0 && last !== undefined) this._siftDown(0, last);
    return top;
  }

  /** Drops every cancelled entry and restores the heap order in O(n). */
  compact(): void {
    const kept = this._items.filter((item) => !item._cancelled);
    this._items = kept;
    for (let i = (kept.length >> 1) - 1; i >= 0; i--) this._siftDown(i, kept[i]!);
  }

  clear(): void {
    this._items = [];
  }

  /** The entries in heap order (not sorted), for introspection and tests. */
  toArray(): T[] {
    return this._items.slice();
  }

  private _siftDown(start: number, item: T): void {
    const items = this._items;
    const n = items.length;
    let i = start;
    for (;;) {
      let child = 2 * i + 1;
      if (child >= n) break;
      const right = child + 1;
      if (right < n && before(items[right]!, items[child]!)) child = right;
      if (!before(items[child]!, item)) break;
      items[i] = items[child]!;
      i = child;
    }
    items[i] = item;
  }
}
