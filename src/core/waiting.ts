/**
 * The waiting functions of Python's `asyncio/tasks.py`: sleep, gather, wait, waitFor,
 * asCompleted, shield.
 */
import { type Awaitable, type AwaitableResult, type Coroutine, type Suspension, _claim, isCoroutine } from "./coroutines";
import { type EventLoop, _ensureFuture, getEventLoop, getRunningLoop } from "./events";
import { CancelledError, RuntimeError, StopAsyncIteration, TimeoutError } from "./exceptions";
import { Future } from "./futures";
import { describe, isThenable } from "./repr";
import { timeout as timeoutScope } from "./timeouts";
import { withoutStack } from "./stacks";
import type { Task } from "./tasks";

/** @internal The task that shielded each future (call graphs show it awaiting the future). */
export const _shieldedBy = new WeakMap<Future<unknown>, Task<unknown>>();

/** @internal What each future `shield` returned stands for (task tables say `waits for shield(Task-3)`). */
export const _shieldInners = new WeakMap<Future<unknown>, Future<unknown>>();
/** @internal The future `cancelAndWait` cancelled, by the waiter it waits on: for the task tables. */
export const _cancellationWaits = new WeakMap<Future<unknown>, Future<unknown>>();

export { sleep } from "./sleep";

/** Options of `gather`. */
export interface GatherOptions {
  /** Put errors in the results instead of failing the gather with the first one. */
  returnExceptions?: boolean;
}

type GatherResults<A extends readonly unknown[]> = { -readonly [K in keyof A]: AwaitableResult<A[K]> };
type GatherSettled<A extends readonly unknown[]> = { -readonly [K in keyof A]: AwaitableResult<A[K]> | unknown };

/**
 * The future that `gather` returns: cancelling it cancels every child that is not
 * done yet (Python's `_GatheringFuture`).
 */
export class GatheringFuture<T> extends Future<T> {
  /** @internal */ _children: Future<unknown>[];
  /** @internal */ _cancelRequested: boolean;

  /** @internal */
  constructor(children: Future<unknown>[], loop: EventLoop) {
    super(loop);
    this._children = children;
    this._cancelRequested = false;
  }

  /** Cancels the children; true if any of them was cancelled. */
  override cancel(msg?: string): boolean {
    if (this.done()) return false;
    let cancelledAny = false;
    for (const child of this._children) if (child.cancel(msg)) cancelledAny = true;
    // A cancelled child propagates as cancellation even with returnExceptions.
    if (cancelledAny) this._cancelRequested = true;
    return cancelledAny;
  }
}

function isGatherOptions(value: unknown): value is GatherOptions {
  if (value === null || typeof value !== "object") return false;
  const proto = Object.getPrototypeOf(value);
  return (proto === Object.prototype || proto === null) && !isThenable(value);
}

/**
 * Runs awaitables concurrently and gives their results in argument order (Python's
 * `asyncio.gather`). The first error fails the gather (the others keep running)
 * unless `{ returnExceptions: true }` is passed last; then errors are results.
 * Cancelling the gather cancels its children; a cancelled child fails the gather with
 * CancelledError.
 *
 * The awaitables may also come as one array, `gather(aws)` or `gather(aws, options)`:
 * Python's `gather(*aws)` of any length. A JavaScript call takes only so many
 * arguments (about 120 000 on V8 before the stack overflows), so `gather(...aws)` of a
 * long array cannot even start; the array form has no limit.
 *
 * @example
 * function* main() {
 *   const tasks = Array.from({ length: 200_000 }, (_, i) => asyncio.sleep(0, i));
 *   const results = yield* asyncio.gather(tasks);
 *   return results.length;
 * }
 * console.assert(asyncio.runSync(main()) === 200_000);
 *
 * @throws TypeError if an argument is not awaitable.
 */
export function gather<const A extends readonly Awaitable<unknown>[]>(aws: A): GatheringFuture<GatherResults<A>>;
export function gather<const A extends readonly Awaitable<unknown>[]>(
  aws: A,
  options: { returnExceptions: true },
): GatheringFuture<GatherSettled<A>>;
export function gather<const A extends readonly Awaitable<unknown>[]>(aws: A, options: GatherOptions): GatheringFuture<GatherSettled<A>>;
export function gather<const A extends readonly Awaitable<unknown>[]>(...aws: A): GatheringFuture<GatherResults<A>>;
export function gather<const A extends readonly Awaitable<unknown>[]>(
  ...args: [...aws: A, options: { returnExceptions: true }]
): GatheringFuture<GatherSettled<A>>;
export function gather<const A extends readonly Awaitable<unknown>[]>(
  ...args: [...aws: A, options: GatherOptions]
): GatheringFuture<GatherSettled<A>>;
export function gather(...args: unknown[]): GatheringFuture<unknown[]> {
  let returnExceptions = false;
  if (args.length > 0 && isGatherOptions(args[args.length - 1])) {
    returnExceptions = (args.pop() as GatherOptions).returnExceptions === true;
  }
  // An array is never awaitable, so a lone array is the list of awaitables itself.
  if (args.length === 1 && Array.isArray(args[0])) args = args[0];
  const aws = args as Awaitable<unknown>[];
  if (aws.length === 0) {
    const loop = getEventLoop();
    const outer = new GatheringFuture<unknown[]>([], loop);
    outer.setResult([]);
    return outer;
  }

  const children: Future<unknown>[] = [];
  const alreadyDone: Future<unknown>[] = [];
  // The same awaitable passed twice is awaited once, as in Python. A pending future
  // already seen has this gather's callback last in its list; only coroutines and
  // finished futures need a map to be recognised.
  let seen: Map<unknown, Future<unknown>> | null = null;
  let distinct = 0;
  let loop: EventLoop | null = null;
  let finished = 0;
  let outer: GatheringFuture<unknown[]> | null = null;

  const onChildDone = (child: Future<unknown>): void => {
    finished++;
    if (outer === null || outer.done()) {
      // Mark the child's error as retrieved: the gather is already decided.
      if (!child.cancelled()) child.exception();
      return;
    }
    if (!returnExceptions) {
      if (child.cancelled()) {
        outer.setException(child._makeCancelledError());
        return;
      }
      const error = child.exception();
      if (child._exc !== 0) {
        outer.setException(error);
        return;
      }
    }
    if (finished === distinct) {
      const results = children.map((f) => {
        if (f.cancelled()) return withoutStack(f._loop._debug, () => new CancelledError(f._cancelMessage()));
        return f._exc !== 0 ? f.exception() : f.result();
      });
      if (outer._cancelRequested) outer.setException(child._makeCancelledError());
      else outer.setResult(results);
    }
  };

  for (const arg of aws) {
    let future: Future<unknown> | undefined;
    if (arg instanceof Future && arg._state === 0) {
      if (loop !== null && arg._loop !== loop) _ensureFuture(arg, loop); // throws: another loop
      future = arg;
      if (arg._lastCallback() !== onChildDone) {
        distinct++;
        arg._addCallback(onChildDone);
      }
    } else {
      future = seen?.get(arg);
      if (future === undefined) {
        future = _ensureFuture(arg, loop);
        (seen ??= new Map()).set(arg, future);
        distinct++;
        if (future.done()) alreadyDone.push(future);
        else future._addCallback(onChildDone);
      }
    }
    loop ??= future._loop;
    children.push(future);
  }
  outer = new GatheringFuture<unknown[]>(children, loop!);
  // As in Python 3.12+: children that are already done are counted now, so a gather
  // of finished futures is finished when it is returned.
  for (const future of alreadyDone) onChildDone(future);
  return outer;
}

/** `wait(..., { returnWhen })`: return as soon as any awaitable finishes or is cancelled. */
export const FIRST_COMPLETED = "FIRST_COMPLETED";
/** `wait(..., { returnWhen })`: return when any awaitable fails, or all are done. */
export const FIRST_EXCEPTION = "FIRST_EXCEPTION";
/** `wait(..., { returnWhen })`: return when all awaitables are done (the default). */
export const ALL_COMPLETED = "ALL_COMPLETED";

/** Options of `wait`. */
export interface WaitOptions {
  /** Seconds to wait at most; `undefined`/`null` waits without limit. */
  timeout?: number | null;
  returnWhen?: typeof FIRST_COMPLETED | typeof FIRST_EXCEPTION | typeof ALL_COMPLETED;
}

/**
 * Waits for Futures and Tasks until the `returnWhen` condition or the timeout, and
 * returns `[done, pending]` (Python's `asyncio.wait`). It never cancels anything and
 * never throws the awaitables' errors; a timeout just returns.
 *
 * @throws TypeError for a coroutine (wrap it in a task), RangeError for an empty
 * collection or an unknown `returnWhen`.
 */
export function* wait<F extends Future<unknown>>(
  fs: Iterable<F>,
  options: WaitOptions = {},
): Coroutine<[done: Set<F>, pending: Set<F>]> {
  if (fs instanceof Future || isCoroutine(fs)) {
    throw new TypeError(`expect a list of futures, not ${describe(fs)}`);
  }
  if (fs === null || typeof (fs as Iterable<F>)?.[Symbol.iterator] !== "function") {
    throw new TypeError(`wait() needs an iterable of futures, got ${describe(fs)}`);
  }
  const { timeout = null, returnWhen = ALL_COMPLETED } = options;
  const futures = new Set(fs);
  if (futures.size === 0) throw new RangeError("Set of Tasks/Futures is empty.");
  if (returnWhen !== FIRST_COMPLETED && returnWhen !== FIRST_EXCEPTION && returnWhen !== ALL_COMPLETED) {
    throw new RangeError(`Invalid return_when value: ${String(returnWhen)}`);
  }
  for (const f of futures) {
    if (isCoroutine(f)) throw new TypeError("Passing coroutines is forbidden, use tasks explicitly.");
    if (!(f instanceof Future)) throw new TypeError(`wait() needs Futures or Tasks, got ${describe(f)}`);
  }
  const loop = getRunningLoop();
  return yield* waitUntil(futures, timeout, returnWhen, loop);
}

function releaseWaiter(waiter: Future<unknown>): void {
  if (!waiter.done()) waiter.setResult(undefined);
}

/**
 * @internal The future a task suspends on inside `wait()` or an `asCompleted` item: a
 * plain Future that also knows what it waits for, so a task table and the deadlock report
 * can say `waits for wait(Task-2, Task-3; FIRST_COMPLETED)` and find cycles through it
 * (deadlock.ts). Made once per wait, as the plain Future it replaces was.
 */
export class WaitingFuture extends Future<unknown> {
  /** @internal The futures waited for: `wait`'s own set, or an `asCompleted`'s set of those not yet finished. */
  readonly _futures: ReadonlySet<Future<unknown>>;
  /** @internal The function waiting: `wait`'s `returnWhen` (`FIRST_COMPLETED`, …), or `"asCompleted"`. */
  readonly _waitingIn: string;
  /** @internal The loop time the wait times out at, or null. */
  readonly _deadline: number | null;

  /** @internal */
  constructor(loop: EventLoop, futures: ReadonlySet<Future<unknown>>, waitingIn: string, deadline: number | null) {
    super(loop);
    this._futures = futures;
    this._waitingIn = waitingIn;
    this._deadline = deadline;
  }
}

/** Python's `tasks._wait`. */
function* waitUntil<F extends Future<unknown>>(
  futures: Set<F>,
  timeout: number | null,
  returnWhen: string,
  loop: EventLoop,
): Coroutine<[Set<F>, Set<F>]> {
  const deadline = timeout === null ? null : loop.time() + timeout;
  const waiter = new WaitingFuture(loop, futures, returnWhen, deadline);
  const timer = deadline === null ? null : loop._callAt(deadline, releaseWaiter as never, [waiter], null);
  let counter = futures.size;
  const onCompletion = (f: Future<unknown>): void => {
    counter--;
    if (
      counter <= 0 ||
      returnWhen === FIRST_COMPLETED ||
      (returnWhen === FIRST_EXCEPTION && !f.cancelled() && f._exc !== 0)
    ) {
      timer?.cancel();
      if (!waiter.done()) waiter.setResult(undefined);
    }
  };
  for (const f of futures) f._addCallback(onCompletion);
  try {
    yield* waiter;
  } finally {
    timer?.cancel();
    for (const f of futures) f._removeCallback(onCompletion);
  }
  const done = new Set<F>();
  const pending = new Set<F>();
  for (const f of futures) (f.done() ? done : pending).add(f);
  return [done, pending];
}

function* awaitAwaitable<T>(aw: Awaitable<T>): Coroutine<T> {
  if (isCoroutine(aw)) {
    // A retry loop that passes the same coroutine again must fail, not get `undefined`.
    if (!_claim(aw)) throw new RuntimeError("cannot reuse already awaited coroutine");
    return yield* aw;
  }
  return yield* _ensureFuture(aw, null);
}

/** Cancels `future` and waits until it is done, whatever it does with the cancellation. */
function* cancelAndWait(future: Future<unknown>): Coroutine<void> {
  const waiter = new Future<unknown>(getRunningLoop());
  _cancellationWaits.set(waiter, future);
  const release = (): void => releaseWaiter(waiter);
  future._addCallback(release);
  try {
    future.cancel();
    yield* waiter;
  } finally {
    future._removeCallback(release);
  }
}

/**
 * Waits for `aw` with a time limit (Python 3.12+'s `asyncio.wait_for`, built on
 * `timeout`): past the limit, `aw` is cancelled, waited for, and `TimeoutError` is
 * thrown. A coroutine runs inside the calling task; `timeout` of `null`/`undefined`
 * waits without limit, and `0` or less only takes a result that is already there.
 *
 * @throws TimeoutError past the limit; TypeError for a timeout that is not a number.
 */
export function* waitFor<T>(aw: Awaitable<T>, timeout: number | null | undefined): Coroutine<T> {
  if (timeout !== null && timeout !== undefined && (typeof timeout !== "number" || Number.isNaN(timeout))) {
    throw new TypeError(`waitFor() timeout must be a number of seconds, null or undefined, got ${describe(timeout)}`);
  }
  if (timeout !== null && timeout !== undefined && timeout <= 0) {
    const future = _ensureFuture(aw, null);
    if (future.done()) return future.result();
    yield* cancelAndWait(future);
    try {
      return future.result();
    } catch (error) {
      // Stackless outside debug mode, as a timeout scope's own (stacks.ts, withoutStack).
      if (error instanceof CancelledError) throw withoutStack(future._loop._debug, () => new TimeoutError("", { cause: error }));
      throw error;
    }
  }
  // `async with timeout(...)` written out: a generator closure per call would give every
  // call's generator objects a shape of their own, which V8 runs several times slower.
  const scope = timeoutScope(timeout ?? null);
  yield* scope.aenter();
  let result: T;
  try {
    result = yield* awaitAwaitable(aw);
  } catch (error) {
    yield* scope.aexit(error);
    throw error;
  }
  yield* scope.aexit();
  return result;
}

/**
 * Protects `aw` from cancellation (Python's `asyncio.shield`): cancelling the returned
 * Future (or the task awaiting it) leaves `aw` running. If nobody reads `aw`'s error
 * after the shield was cancelled, it is reported as never retrieved.
 *
 * @throws TypeError if `aw` is not awaitable.
 */
export function shield<T>(aw: Awaitable<T>): Future<T> {
  const inner = _ensureFuture(aw, null);
  if (inner.done()) return inner;
  const outer = new Future<T>(inner._loop);
  _shieldInners.set(outer as Future<unknown>, inner as Future<unknown>);
  // As 3.14 records it for call graphs: the shielded future is awaited by the caller.
  const caller = inner._loop._currentTask;
  if (caller !== null) _shieldedBy.set(inner as Future<unknown>, caller);
  const onInnerDone = (): void => {
    if (outer.cancelled()) return;
    if (inner.cancelled()) outer.cancel();
    else if (inner._exc !== 0) outer.setException(inner.exception());
    else outer.setResult(inner.result());
  };
  const onOuterDone = (): void => {
    if (!inner.done()) inner._removeCallback(onInnerDone);
  };
  inner._addCallback(onInnerDone);
  outer._addCallback(onOuterDone);
  return outer;
}

/**
 * What `asCompleted` returns: iterated with `for…of`, coroutines that give each result
 * in completion order; with `asyncFor` (Python 3.13's `async for`), the finished
 * futures themselves — the ones passed in, and for coroutines the tasks made for them.
 */
export interface AsCompletedIterator<T> extends IterableIterator<Coroutine<T>> {
  /** Python's `__aiter__`: itself. */
  aiter(): this;
  /**
   * Python's `__anext__`: waits for the next awaitable to finish and gives its future.
   *
   * @throws StopAsyncIteration when every one was given; TimeoutError once the timeout passes.
   */
  anext(): Coroutine<Future<T>>;
}

/**
 * Python's `asyncio.as_completed` (3.13): each item is a coroutine that waits for the
 * next awaitable to finish and gives its result (or throws its error).
 */
class AsCompleted<T> implements AsCompletedIterator<T> {
  private _loop: EventLoop;
  private _todo: Set<Future<T>>;
  private _todoLeft: number;
  private _finished: (Future<T> | null)[] = [];
  private _getters: Future<unknown>[] = [];
  private _timer: ReturnType<EventLoop["_callAt"]> | null = null;
  private readonly _onCompletion = (future: Future<T>): void => {
    if (this._todo.size === 0) return; // the timeout came first
    this._todo.delete(future);
    this._put(future);
    if (this._todo.size === 0) this._timer?.cancel();
  };

  constructor(aws: Iterable<Awaitable<T>>, timeout: number | null) {
    this._loop = getEventLoop();
    this._todo = new Set([...new Set(aws)].map((aw) => _ensureFuture(aw, this._loop)));
    for (const future of this._todo) future._addCallback(this._onCompletion as (f: Future<unknown>) => void);
    if (this._todo.size > 0 && timeout !== null) {
      this._timer = this._loop._callAt(this._loop.time() + timeout, () => this._onTimeout(), [], null);
    }
    this._todoLeft = this._todo.size;
  }

  next(): IteratorResult<Coroutine<T>, undefined> {
    if (this._todoLeft === 0) return { done: true, value: undefined };
    this._todoLeft--;
    return { done: false, value: this._resultOfNext() };
  }

  [Symbol.iterator](): this {
    return this;
  }

  aiter(): this {
    return this;
  }

  *anext(): Coroutine<Future<T>> {
    if (this._todoLeft === 0) throw new StopAsyncIteration();
    this._todoLeft--;
    return yield* this._waitForOne();
  }

  private *_resultOfNext(): Coroutine<T> {
    return (yield* this._waitForOne()).result();
  }

  private _onTimeout(): void {
    for (const future of this._todo) {
      future._removeCallback(this._onCompletion as (f: Future<unknown>) => void);
      this._put(null);
    }
    this._todo.clear();
  }

  private _put(item: Future<T> | null): void {
    this._finished.push(item);
    this._wakeUpNextGetter();
  }

  private _wakeUpNextGetter(): void {
    while (this._getters.length > 0) {
      const getter = this._getters.shift()!;
      if (!getter.done()) {
        getter.setResult(undefined);
        break;
      }
    }
  }

  private *_waitForOne(): Coroutine<Future<T>> {
    // Python takes the next one from an asyncio.Queue; this is its get().
    while (this._finished.length === 0) {
      const getter = new WaitingFuture(this._loop, this._todo, "asCompleted", this._timer === null ? null : this._timer.when());
      this._getters.push(getter);
      try {
        yield* getter;
      } catch (error) {
        getter.cancel();
        const at = this._getters.indexOf(getter);
        if (at >= 0) this._getters.splice(at, 1);
        // Woken but cancelled before taking the item: let the next getter have it.
        if (this._finished.length > 0 && !getter.cancelled()) this._wakeUpNextGetter();
        throw error;
      }
    }
    const future = this._finished.shift()!;
    if (future === null) throw withoutStack(this._loop._debug, () => new TimeoutError(""));
    return future;
  }
}

/** Options of `asCompleted`. */
export interface AsCompletedOptions {
  /** Seconds after which the remaining items throw TimeoutError; none by default. */
  timeout?: number | null;
}

/**
 * Runs awaitables concurrently and yields, in completion order, coroutines that give
 * each result (Python 3.13's `asyncio.as_completed`):
 * `for (const next of asyncio.asCompleted(aws)) { const r = yield* next; }`. Iterated
 * with `asyncFor` (3.13's `async for`), it gives the finished futures themselves:
 * `for (const it = asyncio.asyncFor(asyncio.asCompleted(tasks)); yield* it.next(); ) it.value.result()`.
 *
 * @example
 * function* main() {
 *   const order: string[] = [];
 *   const aws = [asyncio.sleep(3, "slow"), asyncio.sleep(1, "fast"), asyncio.sleep(2, "middle")];
 *   for (const next of asyncio.asCompleted(aws)) order.push(yield* next);
 *   return order.join(" ");
 * }
 * console.assert(asyncio.runSync(main(), { clock: new asyncio.VirtualClock() }) === "fast middle slow");
 *
 * @throws TypeError for a single Future or coroutine instead of a collection;
 * TimeoutError (from the items) once the timeout passes.
 */
export function asCompleted<T>(aws: Iterable<Awaitable<T>>, options: AsCompletedOptions = {}): AsCompletedIterator<T> {
  if (aws instanceof Future || isCoroutine(aws) || isThenable(aws)) {
    throw new TypeError(`expect an iterable of futures, not ${describe(aws)}`);
  }
  if (aws === null || typeof (aws as Iterable<unknown>)?.[Symbol.iterator] !== "function") {
    throw new TypeError(`asCompleted() needs an iterable of awaitables, got ${describe(aws)}`);
  }
  return new AsCompleted<T>(aws, options.timeout ?? null);
}
