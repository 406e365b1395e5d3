/**
 * Queues (Python's `asyncio.queues`, 3.13): Queue (FIFO), PriorityQueue, LifoQueue,
 * with `shutdown`. A cancelled `get` never loses an item and a cancelled `put` never
 * inserts twice; waiting is O(1) per operation.
 */
import { type Coroutine, type Suspension, _suspend, _handWrittenCoroutine } from "./coroutines";
import { QueueEmpty, QueueFull, QueueShutDown } from "./exceptions";
import { Event } from "./locks";
import { LoopBound } from "./mixins";
import { ReadyQueue } from "./readyqueue";
import { _runForNative } from "./native";
import { keywordArguments } from "./keywords";
import { describe } from "./repr";
import type { Future } from "./futures";
import { recordSuspension } from "./sites";
import { type Waiter, WaiterList } from "./waiters";

/** Where a queue keeps its items; each kind of queue orders them its own way. */
interface Store<T> {
  readonly length: number;
  put(item: T): void;
  get(): T;
  clear(): void;
}

class FifoStore<T> extends ReadyQueue<T> implements Store<T> {
  put(item: T): void {
    this.push(item);
  }
  get(): T {
    return this.shift();
  }
}

class LifoStore<T> implements Store<T> {
  private _items: T[] = [];
  get length(): number {
    return this._items.length;
  }
  put(item: T): void {
    this._items.push(item);
  }
  get(): T {
    return this._items.pop() as T;
  }
  clear(): void {
    this._items = [];
  }
}

/**
 * Python's `<` for the values a PriorityQueue orders: numbers (and booleans), strings,
 * and arrays compared element-wise like tuples (first unequal element decides; a
 * prefix is smaller).
 */
function pythonLess(a: unknown, b: unknown): boolean {
  const ta = typeof a;
  const tb = typeof b;
  if ((ta === "number" || ta === "boolean" || ta === "bigint") && (tb === "number" || tb === "boolean" || tb === "bigint")) {
    return (a as number) < (b as number);
  }
  if (ta === "string" && tb === "string") return (a as string) < (b as string);
  if (Array.isArray(a) && Array.isArray(b)) {
    const n = Math.min(a.length, b.length);
    for (let i = 0; i < n; i++) {
      if (!pythonEqual(a[i], b[i])) return pythonLess(a[i], b[i]);
    }
    return a.length < b.length;
  }
  throw new TypeError(`'<' not supported between instances of ${pythonType(a)} and ${pythonType(b)}`);
}

function pythonEqual(a: unknown, b: unknown): boolean {
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((x, i) => pythonEqual(x, b[i]));
  // eslint-disable-next-line eqeqeq -- Python's 1 == True
  return a === b || ((typeof a === "number" || typeof a === "boolean") && (typeof b === "number" || typeof b === "boolean") && Number(a) === Number(b));
}

function pythonType(value: unknown): string {
  if (Array.isArray(value)) return "'array'";
  if (value === null) return "'null'";
  return `'${typeof value === "object" ? ((value as object).constructor?.name ?? "object") : typeof value}'`;
}

/**
 * A binary heap with exactly the algorithm of Python's `heapq` (heappush sifts up;
 * heappop moves the last item to the top, sinks it to a leaf, then sifts it up), so
 * items with equal priority come out in the same order as under CPython.
 */
class HeapStore<T> implements Store<T> {
  private _heap: T[] = [];
  get length(): number {
    return this._heap.length;
  }
  put(item: T): void {
    this._heap.push(item);
    this._siftDown(0, this._heap.length - 1);
  }
  get(): T {
    const heap = this._heap;
    const last = heap.pop() as T;
    if (heap.length === 0) return last;
    const top = heap[0] as T;
    heap[0] = last;
    this._siftUp(0);
    return top;
  }
  clear(): void {
    this._heap = [];
  }
  private _siftDown(start: number, pos: number): void {
    const heap = this._heap;
    const item = heap[pos] as T;
    while (pos > start) {
      const parentPos = (pos - 1) >> 1;
      const parent = heap[parentPos] as T;
      if (!pythonLess(item, parent)) break;
      heap[pos] = parent;
      pos = parentPos;
    }
    heap[pos] = item;
  }
  private _siftUp(pos: number): void {
    const heap = this._heap;
    const end = heap.length;
    const start = pos;
    const item = heap[pos] as T;
    let child = 2 * pos + 1;
    while (child < end) {
      const right = child + 1;
      if (right < end && !pythonLess(heap[child], heap[right])) child = right;
      heap[pos] = heap[child] as T;
      pos = child;
      child = 2 * pos + 1;
    }
    heap[pos] = item;
    this._siftDown(start, pos);
  }
}

/**
 * A FIFO queue for tasks (Python's `asyncio.Queue`). `maxsize` 0 (or less) means
 * unbounded; otherwise `put` waits while the queue is full.
 *
 * @example
 * function* main() {
 *   const queue = new asyncio.Queue<number>(2);
 *   const consumer = asyncio.createTask((function* () {
 *     let sum = 0;
 *     for (;;) {
 *       const item = yield* queue.get();
 *       if (item < 0) return sum;
 *       sum += item;
 *     }
 *   })());
 *   for (const n of [1, 2, 3, 4, -1]) yield* queue.put(n);
 *   return yield* consumer;
 * }
 * console.assert(asyncio.runSync(main()) === 10);
 * // Python's keyword argument, asyncio.Queue(maxsize=2), is an options object:
 * console.assert(new asyncio.Queue({ maxsize: 2 }).maxsize === 2);
 */
export class Queue<T = unknown> extends LoopBound {
  /** @internal */ readonly _maxsize: number;
  /** @internal */ _store: Store<T>;
  /** @internal */ _getters = new WaiterList<undefined>(this, "get");
  /** @internal */ _putters = new WaiterList<undefined>(this, "put");
  /** @internal */ _unfinishedTasks = 0;
  /** @internal */ _finished = new Event();
  /** @internal */ _isShutdown = false;

  /**
   * A queue of at most `maxsize` items, given positionally or, as Python's
   * `Queue(maxsize=2)`, as `{ maxsize: 2 }`.
   *
   * @throws TypeError if `maxsize` is not a number, or for an option other than `maxsize`.
   */
  constructor(maxsize: number | { maxsize?: number } = 0) {
    super();
    const options = keywordArguments(this.constructor.name, maxsize, ["maxsize"]);
    const value = options !== undefined ? (options.maxsize ?? 0) : maxsize;
    if (typeof value !== "number" || Number.isNaN(value)) throw new TypeError(`${this.constructor.name} maxsize must be a number, got ${describe(value)}`);
    this._maxsize = value;
    this._store = this._makeStore();
    this._finished.set();
  }

  /** @internal How this kind of queue keeps its items. */
  _makeStore(): Store<T> {
    return new FifoStore<T>();
  }

  /** The most items the queue holds; 0 for unbounded. */
  get maxsize(): number {
    return this._maxsize;
  }

  /** How many items are in the queue. */
  qsize(): number {
    return this._store.length;
  }

  /** True if the queue has no item. */
  empty(): boolean {
    return this._store.length === 0;
  }

  /** True if the queue holds `maxsize` items (never, when unbounded). */
  full(): boolean {
    return this._maxsize > 0 && this._store.length >= this._maxsize;
  }

  /**
   * Puts an item, waiting while the queue is full.
   *
   * @throws QueueShutDown if the queue is (or gets) shut down.
   */
  put(item: T): Coroutine<void> {
    return new QueueOperation<T, void>(this, PUT, item);
  }

  /**
   * Puts an item without waiting.
   *
   * @throws QueueFull if the queue is full; QueueShutDown if it is shut down.
   */
  putNowait(item: T): void {
    if (this._isShutdown) throw new QueueShutDown();
    if (this.full()) throw new QueueFull();
    this._store.put(item);
    this._unfinishedTasks++;
    this._finished.clear();
    this._wakeUpNext(this._getters);
  }

  /**
   * Takes an item, waiting while the queue is empty.
   *
   * @throws QueueShutDown if the queue is shut down and empty.
   */
  get(): Coroutine<T> {
    return new QueueOperation<T, T>(this, GET, undefined);
  }

  /**
   * The items as a JavaScript async iterator, for `for await` in native code: each
   * `get()` runs as a task of the queue's loop (which must be running), and the
   * iteration ends when the queue is shut down and empty (Python 3.13's `shutdown`).
   *
   * @example
   * const queue = new asyncio.Queue<number>();
   * async function drain(): Promise<number[]> {
   *   const items: number[] = [];
   *   for await (const item of queue) items.push(item);
   *   return items;
   * }
   * function* main() {
   *   const drained = asyncio.wrapPromise(drain());
   *   for (const item of [1, 2, 3]) yield* queue.put(item);
   *   queue.shutdown();
   *   return yield* drained;
   * }
   * console.assert((await asyncio.run(main())).join() === "1,2,3");
   */
  [Symbol.asyncIterator](): AsyncIterator<T, undefined> {
    const next = (): Promise<IteratorResult<T, undefined>> =>
      _runForNative(this._loop, this.get(), String(this)).then(
        (value): IteratorResult<T, undefined> => ({ done: false, value }),
        (error: unknown): IteratorResult<T, undefined> => {
          if (error instanceof QueueShutDown) return { done: true, value: undefined };
          throw error;
        },
      );
    return {
      next,
      [Symbol.asyncIterator]() {
        return this;
      },
    } as AsyncIterator<T, undefined>;
  }

  /**
   * Takes an item without waiting.
   *
   * @throws QueueEmpty if the queue is empty; QueueShutDown if it is also shut down.
   */
  getNowait(): T {
    if (this.empty()) {
      if (this._isShutdown) throw new QueueShutDown();
      throw new QueueEmpty();
    }
    const item = this._store.get();
    this._wakeUpNext(this._putters);
    return item;
  }

  /**
   * Marks one item taken earlier as processed (for `join`).
   *
   * @throws RangeError (Python's ValueError) if called more often than items were put.
   */
  taskDone(): void {
    if (this._unfinishedTasks <= 0) throw new RangeError("task_done() called too many times");
    this._unfinishedTasks--;
    if (this._unfinishedTasks === 0) this._finished.set();
  }

  /** Waits until every item put was marked processed with `taskDone`. */
  *join(): Coroutine<void> {
    if (this._unfinishedTasks > 0) yield* this._finished.wait();
  }

  /**
   * Shuts the queue down (Python 3.13): `put` throws QueueShutDown from now on, and
   * `get` does once the queue is empty; with `immediate`, the items are dropped (and
   * count as processed for `join`). Blocked callers are woken to see it.
   */
  shutdown(immediate = false): void {
    this._isShutdown = true;
    if (immediate) {
      while (!this.empty()) {
        this._store.get();
        if (this._unfinishedTasks > 0) this._unfinishedTasks--;
      }
      if (this._unfinishedTasks === 0) this._finished.set();
    }
    for (let g = this._getters.popFirst(); g !== null; g = this._getters.popFirst()) if (!g.done()) g.setResult(undefined);
    for (let p = this._putters.popFirst(); p !== null; p = this._putters.popFirst()) if (!p.done()) p.setResult(undefined);
  }

  /** @internal */
  _wakeUpNext(waiters: WaiterList<undefined>): void {
    for (let w = waiters.popFirst(); w !== null; w = waiters.popFirst()) {
      if (!w.done()) {
        w.setResult(undefined);
        return;
      }
    }
  }

  override toString(): string {
    const parts = [`maxsize=${this._maxsize}`];
    if (this._getters.size > 0) parts.push(`_getters[${this._getters.size}]`);
    if (this._putters.size > 0) parts.push(`_putters[${this._putters.size}]`);
    if (this._unfinishedTasks > 0) parts.push(`tasks=${this._unfinishedTasks}`);
    if (this._isShutdown) parts.push("shutdown");
    return `<${this.constructor.name} ${parts.join(" ")}>`;
  }
}

/**
 * A queue that gives the smallest item first (Python's `asyncio.PriorityQueue`):
 * numbers and strings compare with `<`, arrays element-wise like Python tuples, e.g.
 * `[priority, data]`. Items of equal priority come out in CPython's heap order.
 */
export class PriorityQueue<T = unknown> extends Queue<T> {
  /** @internal */
  override _makeStore(): Store<T> {
    return new HeapStore<T>();
  }
}

/** A queue that gives the most recently put item first (Python's `asyncio.LifoQueue`). */
export class LifoQueue<T = unknown> extends Queue<T> {
  /** @internal */
  override _makeStore(): Store<T> {
    return new LifoStore<T>();
  }
}

const PUT = 0;
const GET = 1;
const START = 0;
const WAITING = 1;
const DONE = 2;

/**
 * The coroutine of `Queue.put` and `Queue.get`, written out as the state machine that
 * a generator function would compile to:
 *
 *     *put(item) {                            *get() {
 *       while (this.full()) {                   while (this.empty()) {
 *         if (shut down) throw QueueShutDown;     if (shut down) throw QueueShutDown;
 *         wait for a free slot;                   wait for an item;
 *       }                                       }
 *       this.putNowait(item);                   return this.getNowait();
 *     }                                       }
 *
 * (with Python's clean-up when the wait is interrupted). A put or get that does not
 * wait is the hot path of every producer and consumer; as an object of this class it
 * costs a quarter of a generator's creation and delegation. It is a coroutine in every
 * respect: `yield*` it, `createTask` it, `waitFor` it.
 */
class QueueOperation<T, R> implements Coroutine<R> {
  private _queue: Queue<T>;
  private _kind: typeof PUT | typeof GET;
  private _item: T | undefined;
  private _state: typeof START | typeof WAITING | typeof DONE;
  private _waiter: Waiter<undefined> | null;

  constructor(queue: Queue<T>, kind: typeof PUT | typeof GET, item: T | undefined) {
    this._queue = queue;
    this._kind = kind;
    this._item = item;
    this._state = START;
    this._waiter = null;
  }

  next(): IteratorResult<Suspension, R> {
    if (this._state === DONE) return { done: true, value: undefined as R };
    // Resumed after a wait (or first run): check again, as the while loop does.
    this._waiter = null;
    const queue = this._queue;
    const put = this._kind === PUT;
    if (put ? queue.full() : queue.empty()) {
      if (queue._isShutdown) {
        this._state = DONE;
        throw new QueueShutDown();
      }
      const waiters = put ? queue._putters : queue._getters;
      const loop = queue._getLoop();
      const waiter = waiters.append(loop);
      this._waiter = waiter;
      this._state = WAITING;
      if (loop._debug) recordSuspension(loop, QueueOperation.prototype.next);
      return { done: false, value: _suspend(waiter as Future<unknown>) };
    }
    this._state = DONE;
    if (put) {
      queue.putNowait(this._item as T);
      this._item = undefined;
      return { done: true, value: undefined as R };
    }
    return { done: true, value: queue.getNowait() as unknown as R };
  }

  throw(error: unknown): IteratorResult<Suspension, R> {
    const waiter = this._waiter;
    this._state = DONE;
    this._waiter = null;
    if (waiter !== null) {
      // Interrupted while waiting (cancelled, most likely), as Python's except block:
      // leave the queue, and if this waiter was woken, pass the wake-up on.
      const queue = this._queue;
      waiter.cancel();
      if (this._kind === PUT) {
        queue._putters.remove(waiter);
        if (!queue.full() && !waiter.cancelled()) queue._wakeUpNext(queue._putters);
      } else {
        queue._getters.remove(waiter);
        if (!queue.empty() && !waiter.cancelled()) queue._wakeUpNext(queue._getters);
      }
    }
    throw error;
  }

  return(value: R): IteratorResult<Suspension, R> {
    // Like a generator's return(): no except block runs.
    this._state = DONE;
    this._waiter = null;
    return { done: true, value };
  }

  [Symbol.iterator](): this {
    return this;
  }

  /** Tagged as a generator, so `isCoroutine` and `createTask` accept it. */
  get [Symbol.toStringTag](): string {
    return "Generator";
  }
}
_handWrittenCoroutine(QueueOperation);

