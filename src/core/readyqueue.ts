/**
 * Ring buffer of ready work: O(1) push and shift, grows by doubling, never shrinks
 * below 16. The event loop's ready queue runs millions of times a second, so it
 * avoids `Array.prototype.shift` (O(n) once an array leaves V8's fast path).
 */
export class ReadyQueue<T> {
  private _items: (T | undefined)[] = new Array(16);
  private _head = 0;
  private _size = 0;

  get length(): number {
    return this._size;
  }

  push(item: T): void {
    if (this._size === this._items.length) this._grow();
    this._items[(this._head + this._size) & (this._items.length - 1)] = item;
    this._size++;
  }

  /** Removes and returns the oldest item; the caller checks `length` first. */
  shift(): T {
    const items = this._items;
    const item = items[this._head] as T;
    // Drop the reference so a finished callback or task can be collected.
    items[this._head] = undefined;
    this._head = (this._head + 1) & (items.length - 1);
    this._size--;
    return item;
  }

  clear(): void {
    this._items = new Array(16);
    this._head = 0;
    this._size = 0;
  }

  /** The items in queue order, for introspection and tests. */
  toArray(): T[] {
    const out: T[] = [];
    const mask = this._items.length - 1;
    for (let i = 0; i < this._size; i++) out.push(this._items[(this._head + i) & mask] as T);
    return out;
  }

  private _grow(): void {
    const old = this._items;
    const next: (T | undefined)[] = new Array(old.length * 2);
    const mask = old.length - 1;
    for (let i = 0; i < this._size; i++) next[i] = old[(this._head + i) & mask];
    this._items = next;
    this._head = 0;
  }
}
