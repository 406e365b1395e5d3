/**
 * The waiter queues of the synchronization primitives and queues.
 *
 * CPython keeps waiters in a `collections.deque` and removes a cancelled one with
 * `deque.remove`, which scans. Here a waiter is a Future that is also a node of an
 * intrusive doubly linked list, so appending, removing and popping are O(1), and the
 * list counts its cancelled members so "are all waiters cancelled?" is O(1) too. The
 * order of waiters, and which ones are still in the list, is exactly CPython's.
 */
import type { EventLoop } from "./events";
import { Future } from "./futures";

/** A Future waiting in a WaiterList. */
export class Waiter<T = unknown> extends Future<T> {
  /** @internal */ _list: WaiterList<T> | null;
  /** @internal */ _prev: Waiter<T> | null;
  /** @internal */ _next: Waiter<T> | null;

  constructor(loop: EventLoop) {
    super(loop);
    this._list = null;
    this._prev = null;
    this._next = null;
  }

  override cancel(msg?: string): boolean {
    if (!super.cancel(msg)) return false;
    if (this._list !== null) this._list._cancelled++;
    return true;
  }
}

/** FIFO of waiters with O(1) append, remove and pop. */
export class WaiterList<T = unknown> {
  /**
   * @internal What its waiters wait for, as reports say it: the primitive or queue that
   * owns the list, and the operation (`acquire`, `get`, …).
   */
  readonly _owner: object;
  /** @internal */ readonly _operation: string;
  private _head: Waiter<T> | null = null;
  private _tail: Waiter<T> | null = null;
  private _size = 0;
  /** @internal How many members are cancelled. */
  _cancelled = 0;
  /** A waiter handed back with `recycle`, for the next `append` to reuse. */
  private _spare: Waiter<T> | null = null;

  constructor(owner: object, operation: string) {
    this._owner = owner;
    this._operation = operation;
  }

  get size(): number {
    return this._size;
  }

  /** True when every member is cancelled (also when there is none). */
  allCancelled(): boolean {
    return this._cancelled === this._size;
  }

  /** A new waiter on `loop`, appended. */
  append(loop: EventLoop): Waiter<T> {
    let waiter = this._spare;
    if (waiter !== null && waiter._loop === loop) {
      this._spare = null;
      waiter._state = 0;
      waiter._result = undefined;
    } else {
      waiter = new Waiter<T>(loop);
    }
    waiter._list = this;
    waiter._prev = this._tail;
    if (this._tail !== null) this._tail._next = waiter;
    else this._head = waiter;
    this._tail = waiter;
    this._size++;
    return waiter;
  }

  first(): Waiter<T> | null {
    return this._head;
  }

  /** Removes `waiter` if it is a member (Python's `deque.remove`, without the scan); true if it was. */
  remove(waiter: Waiter<T>): boolean {
    if (waiter._list !== this) return false;
    const { _prev: prev, _next: next } = waiter;
    if (prev !== null) prev._next = next;
    else this._head = next;
    if (next !== null) next._prev = prev;
    else this._tail = prev;
    waiter._list = waiter._prev = waiter._next = null;
    this._size--;
    if (waiter.cancelled()) this._cancelled--;
    return true;
  }

  /**
   * Takes back `waiter`, which has left the list with its result, for the next `append`:
   * a lock contended in a loop then makes no future per wait. Only a waiter nobody else can
   * still reach: the task it woke has cleared its `_futWaiter` and `_resume` before the
   * step that calls this, nothing else was registered on it, no promise follows it, and
   * no instrument or debug record may hold it.
   */
  recycle(waiter: Waiter<T>): void {
    if (
      waiter._state === 2 &&
      waiter._exc === 0 &&
      waiter._callbacks === null &&
      waiter._promise === null &&
      waiter._list === null &&
      waiter._loop._instruments === null &&
      !waiter._loop._debug
    ) {
      this._spare = waiter;
    }
  }

  /** Removes and returns the first waiter (Python's `deque.popleft`). */
  popFirst(): Waiter<T> | null {
    const head = this._head;
    if (head !== null) this.remove(head);
    return head;
  }

  *[Symbol.iterator](): Generator<Waiter<T>> {
    for (let w = this._head; w !== null; w = w._next) yield w;
  }
}

/**
 * @internal The future one operation of an object waits on, where no waiter list is (a
 * StreamReader's read, a stream's drain): task tables and the deadlock report say
 * `waits to read from StreamReader#1` instead of naming a bare future. It shows as a
 * plain Future, as CPython's would.
 */
export class OperationWaiter<T = unknown> extends Future<T> {
  /** @internal What waits, and on what: `to read from {}`, with `{}` the owner's name. */
  readonly _operation: string;
  /** @internal */ readonly _owner: object;

  constructor(loop: EventLoop, owner: object, operation: string) {
    super(loop);
    this._owner = owner;
    this._operation = operation;
  }

  override toString(): string {
    return `<Future ${this._stateDescription()}>`;
  }
}
