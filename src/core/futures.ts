/**
 * Future (Python's `asyncio.Future`), the iterator that makes `yield* future` work,
 * and wrapPromise, the bridge from native promises.
 */
import { type Suspension, _suspend } from "./coroutines";
import { type Context, copyContext, enter, leave } from "./contextvars";
import { CancelledError, InvalidStateError, RuntimeError } from "./exceptions";
import { type EventLoop, getEventLoop } from "./events";
import { describe } from "./repr";
import { _wrapAbortable } from "./signals";
import { recordAwaitSite } from "./awaitchain";
import { recordSuspension } from "./sites";
import { withoutStack } from "./stacks";
import { RETRIEVED, UNSEEN, UNSEEN_WATCHED, UnretrievedErrors, reportAtExit, unwatch, watchForCollection } from "./unretrieved";

const PENDING = 0;
const CANCELLED = 1;
const FINISHED = 2;
type State = typeof PENDING | typeof CANCELLED | typeof FINISHED;
const STATE_NAMES = ["PENDING", "CANCELLED", "FINISHED"] as const;

/** A function passed to `addDoneCallback`; it receives the future once it is done. */
export type DoneCallback<T> = (future: Future<T>) => void;

/**
 * @internal A task waiting on a future. The future puts the task itself on the ready
 * queue when it completes, instead of allocating a Handle for a wake-up callback.
 */
export interface Waiter {
  _resume: Future<unknown> | StepError | null;
  _run(): void;
}

/** A callback from `addDoneCallback`, with the context it runs in. */
class ContextCallback {
  constructor(
    readonly fn: DoneCallback<never>,
    readonly context: Context,
  ) {}
}

/**
 * A done callback: a user's (with its context), the loop's own (a bare function, run
 * in whatever context is current: it reads no variables), or a waiting task.
 */
type Callback = ContextCallback | DoneCallback<never> | Waiter;

/**
 * The result of an operation that completes later (Python's `asyncio.Future`).
 *
 * Inside a coroutine, `yield* future` waits for it and gives its result (or throws its
 * error). It is also `PromiseLike`, so native code can `await future`.
 *
 * Done callbacks always run through the loop (`callSoon`), never synchronously.
 */
export class Future<T = unknown> implements PromiseLike<T> {
  /** @internal */ _loop: EventLoop;
  /** @internal */ _state: State;
  /**
   * @internal The result; the error when `_exc` is nonzero; once cancelled, why: the
   * message given to `cancel` (Python's `_cancel_message`), or the CancelledError a
   * task's coroutine raised, kept to be re-raised as it is (Python's `_cancelled_exc`).
   * A pending task keeps here the message of a cancellation it has yet to deliver.
   * One field for all: a future never needs two of them at once, and a suspended task
   * holds two futures (itself and what it waits on).
   */
  _result: unknown;
  /**
   * @internal 0 unless the future failed; then RETRIEVED once somebody saw the error, or,
   * while nobody has (Python's `_log_traceback`), UNSEEN in the loop's list or
   * UNSEEN_WATCHED in the registry (see unretrieved.ts).
   */
  _exc: number;
  /**
   * @internal The done callbacks: none, the only one (most futures never have a second,
   * and no array is made for it), or from the second on an array of them.
   */
  _callbacks: Callback | Callback[] | null;
  /** @internal The native promise behind `then`, made on first use. */
  _promise: PromiseBridge<unknown> | null;

  /** A pending future on `loop`, or on `getEventLoop()` (Python's `Future(loop=...)`). */
  constructor(loop?: EventLoop) {
    this._loop = loop ?? getEventLoop();
    this._state = PENDING;
    this._result = undefined;
    this._exc = 0;
    this._callbacks = null;
    this._promise = null;
  }

  /** The loop this future is bound to. */
  getLoop(): EventLoop {
    return this._loop;
  }

  /** True once the future has a result, an error, or was cancelled. */
  done(): boolean {
    return this._state !== PENDING;
  }

  /** True if the future was cancelled. */
  cancelled(): boolean {
    return this._state === CANCELLED;
  }

  /**
   * The result (Python's `Future.result()`).
   *
   * @throws the future's error if it has one; CancelledError if it was cancelled;
   * InvalidStateError("Result is not set.") if it is still pending.
   */
  result(): T {
    if (this._state === CANCELLED) throw this._makeCancelledError();
    if (this._state === PENDING) throw new InvalidStateError("Result is not set.");
    this._markRetrieved();
    if (this._exc !== 0) throw this._result;
    return this._result as T;
  }

  /**
   * The error the future finished with, or `undefined` if it has a result (Python's
   * `Future.exception()`).
   *
   * @throws CancelledError if it was cancelled; InvalidStateError("Exception is not
   * set.") if it is still pending.
   */
  exception(): unknown {
    if (this._state === CANCELLED) throw this._makeCancelledError();
    if (this._state === PENDING) throw new InvalidStateError("Exception is not set.");
    this._markRetrieved();
    return this._exc !== 0 ? this._result : undefined;
  }

  /**
   * Cancels the future and schedules its callbacks (Python's `Future.cancel`).
   * Returns false if it was already done.
   */
  cancel(msg?: string): boolean {
    return this._cancelWith(msg);
  }

  /** @internal `cancel`, with a message or with the CancelledError to re-raise. */
  _cancelWith(reason: string | CancelledError | undefined): boolean {
    this._markRetrieved();
    if (this._state !== PENDING) return false;
    this._state = CANCELLED;
    this._result = reason;
    this._scheduleCallbacks();
    return true;
  }

  /**
   * Marks the future done with `value` and schedules its callbacks.
   *
   * @throws InvalidStateError if it is already done.
   */
  setResult(value: T): void {
    if (this._state !== PENDING) throw new InvalidStateError("invalid state");
    this._result = value;
    this._state = FINISHED;
    this._scheduleCallbacks();
  }

  /**
   * Marks the future done with `error` and schedules its callbacks. An error class is
   * instantiated, as Python does.
   *
   * @throws InvalidStateError if it is already done.
   */
  setException(error: unknown): void {
    if (this._state !== PENDING) throw new InvalidStateError("invalid state");
    if (typeof error === "function" && error.prototype instanceof Error) {
      error = new (error as new () => Error)();
    }
    this._result = error;
    this._state = FINISHED;
    this._watchRetrieval();
    this._scheduleCallbacks();
  }

  /**
   * Calls `callback(future)` through the loop once the future is done; at once (on the
   * next loop iteration) if it already is (Python's `add_done_callback`).
   */
  addDoneCallback(callback: DoneCallback<T>, options: { context?: Context } = {}): void {
    if (typeof callback !== "function") {
      throw new TypeError(`a callable object was expected by addDoneCallback(), got ${describe(callback)}`);
    }
    this._addCallback(new ContextCallback(callback as DoneCallback<never>, options.context ?? copyContext()));
  }

  /**
   * Removes every registration of `callback`; returns how many were removed (Python's
   * `remove_done_callback`).
   */
  removeDoneCallback(callback: DoneCallback<T>): number {
    return this._removeCallback(callback as DoneCallback<never>);
  }

  /** @internal Removes a user's callback or one of the loop's own. */
  _removeCallback(callback: DoneCallback<never>): number {
    // Once done, the callbacks are already scheduled (CPython cleared its list).
    if (this._state !== PENDING) return 0;
    const matches = (cb: Callback | null) => cb === callback || (cb instanceof ContextCallback && cb.fn === callback);
    const all = this._callbackList();
    const kept = all.filter((cb) => !matches(cb));
    this._callbacks = kept.length === 0 ? null : kept.length === 1 ? kept[0]! : kept;
    return all.length - kept.length;
  }

  /** Native promise interop: settles with the future's result or error. */
  then<R1 = T, R2 = never>(
    onFulfilled?: ((value: T) => R1 | PromiseLike<R1>) | null,
    onRejected?: ((reason: unknown) => R2 | PromiseLike<R2>) | null,
  ): Promise<R1 | R2> {
    return this._asPromise().then(onFulfilled, onRejected);
  }

  /** `yield* future` inside a coroutine: waits until it is done, gives its result. */
  [Symbol.iterator](): Iterator<Suspension, T, unknown> {
    return new FutureIterator(this);
  }

  toString(): string {
    return `<${this.constructor.name} ${this._stateDescription()}>`;
  }

  // ---- internals ----

  /** @internal */
  _stateDescription(): string {
    if (this._state === PENDING) return "pending";
    if (this._state === CANCELLED) return "cancelled";
    return this._exc !== 0 ? `finished exception=${describeError(this._result)}` : `finished result=${describe(this._result)}`;
  }

  /** @internal */
  _stateName(): string {
    return STATE_NAMES[this._state];
  }

  /** @internal Python's `_make_cancelled_error`: the saved error once, else a new one. */
  _makeCancelledError(): CancelledError {
    const reason = this._result;
    if (reason instanceof CancelledError) {
      this._result = undefined;
      return reason;
    }
    return withoutStack(this._loop._debug, () => new CancelledError(typeof reason === "string" ? reason : ""));
  }

  /** @internal The cancel message as Python's `_cancel_message` holds it ("" when none). */
  _cancelMessage(): string {
    return this._state !== FINISHED && typeof this._result === "string" ? this._result : "";
  }

  /** @internal The most recently registered callback of a pending future, or null. */
  _lastCallback(): Callback | null {
    const callbacks = this._callbacks;
    return Array.isArray(callbacks) ? callbacks[callbacks.length - 1]! : callbacks;
  }

  /** @internal The first done callback not yet run, or null. */
  _firstCallback(): Callback | null {
    const callbacks = this._callbacks;
    return Array.isArray(callbacks) ? callbacks[0]! : callbacks;
  }

  /** @internal The done callbacks not yet run, in order (a copy). */
  _callbackList(): Callback[] {
    const callbacks = this._callbacks;
    return callbacks === null ? [] : Array.isArray(callbacks) ? [...callbacks] : [callbacks];
  }

  /** @internal Registers a done callback or a waiting task. */
  _addCallback(callback: Callback): void {
    if (this._state !== PENDING) {
      this._scheduleLateCallback(callback);
    } else {
      const callbacks = this._callbacks;
      if (callbacks === null) this._callbacks = callback;
      else if (Array.isArray(callbacks)) callbacks.push(callback);
      else this._callbacks = [callbacks, callback];
    }
  }

  /**
   * @internal Schedules the done callbacks. CPython makes one Handle per callback,
   * appended to the ready queue one after another; the future instead puts itself on
   * the ready queue once and calls them in the same order when it is run, which is the
   * same order of events without allocating a Handle per callback.
   */
  _scheduleCallbacks(): void {
    if (this._promise !== null) this._promise.settle(this as Future<unknown>);
    const callbacks = this._callbacks;
    if (callbacks === null) return;
    const loop = this._loop;
    if (
      typeof callbacks !== "function" &&
      !(callbacks instanceof ContextCallback) &&
      !Array.isArray(callbacks) &&
      loop._instruments === null &&
      !loop._debug
    ) {
      // A lone waiting task takes the future's place in the ready queue, as a late
      // callback does: the same slot, so the same order of events, one dispatch less
      // per wake-up. Instruments and debug mode see the future's own pass instead (the
      // recorder names the future and the task it wakes).
      this._callbacks = null;
      callbacks._resume = this as Future<unknown>;
      loop._scheduleTask(callbacks);
    } else {
      loop._scheduleTask(this);
    }
  }

  /** @internal Run from the ready queue: calls the callbacks registered before completion. */
  _run(): void {
    const callbacks = this._callbacks;
    this._callbacks = null;
    if (callbacks === null) return;
    if (Array.isArray(callbacks)) {
      for (let i = 0; i < callbacks.length; i++) this._invokeCallback(callbacks[i]!);
    } else {
      this._invokeCallback(callbacks);
    }
  }

  private _invokeCallback(callback: Callback): void {
    if (typeof callback === "function") {
      this._callSafely(callback as DoneCallback<T>);
    } else if (callback instanceof ContextCallback) {
      const outer = enter(callback.context);
      try {
        this._callSafely(callback.fn as DoneCallback<T>);
      } finally {
        leave(outer);
      }
    } else {
      callback._resume = this as Future<unknown>;
      callback._run();
    }
  }

  private _callSafely(fn: DoneCallback<T>): void {
    try {
      fn(this);
    } catch (error) {
      this._loop.callExceptionHandler({
        message: `Exception in callback ${fn.name || "(anonymous)"}(${this})`,
        exception: error,
        future: this as Future<unknown>,
      });
    }
  }

  /** A callback added after completion runs on its own, after what is already ready. */
  private _scheduleLateCallback(callback: Callback): void {
    if (typeof callback === "function") {
      this._loop._callSoon(callback, [this], null);
    } else if (callback instanceof ContextCallback) {
      this._loop._callSoon(callback.fn, [this], callback.context);
    } else {
      callback._resume = this as Future<unknown>;
      this._loop._scheduleTask(callback);
    }
  }

  /** @internal The error was seen by someone: do not report it as never retrieved. */
  _markRetrieved(): void {
    const exc = this._exc;
    if (exc > RETRIEVED) {
      this._exc = RETRIEVED;
      if (exc === UNSEEN_WATCHED) unwatch(this as Future<unknown>);
    }
  }

  /**
   * @internal The future failed: its loop reports the error if nobody looks at it
   * before the loop closes or the future is collected. Nothing is formatted here.
   */
  _watchRetrieval(): void {
    if (this._exc > RETRIEVED) return;
    this._exc = UNSEEN;
    const loop = this._loop;
    if (loop._closed) {
      // No close is left to report it at: only the collection.
      watchForCollection(this as Future<unknown>);
      return;
    }
    let unretrieved = loop._unretrieved;
    if (unretrieved === null) {
      unretrieved = loop._unretrieved = new UnretrievedErrors(loop);
      reportAtExit(unretrieved);
    }
    unretrieved.add(this as Future<unknown>);
  }

  private _asPromise(): Promise<T> {
    if (this._promise === null) {
      this._promise = new PromiseBridge<unknown>();
      if (this._state !== PENDING) this._promise.settle(this as Future<unknown>);
    }
    return this._promise.promise as Promise<T>;
  }
}

/**
 * A native promise that follows a future, settled directly on completion (promise
 * reactions run later anyway).
 */
class PromiseBridge<T> {
  readonly promise: Promise<T>;
  private _resolve!: (value: T) => void;
  private _reject!: (error: unknown) => void;

  constructor() {
    this.promise = new Promise<T>((resolve, reject) => {
      this._resolve = resolve;
      this._reject = reject;
    });
  }

  settle(future: Future<T>): void {
    // Native code awaiting the future has seen its outcome.
    future._markRetrieved();
    if (future._state === CANCELLED) {
      // Not _makeCancelledError(): that hands a task's CancelledError over only once,
      // and an awaiting task must still get it.
      const reason = future._result;
      this._reject(reason instanceof CancelledError ? reason : withoutStack(future._loop._debug, () => new CancelledError(future._cancelMessage())));
    } else if (future._exc !== 0) {
      this._reject(future._result);
    } else {
      this._resolve(future._result as T);
    }
  }
}

/** @internal An error to throw into a task's coroutine at its next step. */
export class StepError {
  constructor(readonly error: unknown) {}
}

function describeError(error: unknown): string {
  if (error instanceof Error) return `${error.name}(${describe(error.message)})`;
  return describe(error);
}

/**
 * What `yield* future` iterates: it yields the future while it is pending, then
 * returns its result (Python's `Future.__await__`).
 */
class FutureIterator<T> implements Iterator<Suspension, T, unknown> {
  private _future: Future<T>;
  private _yielded: boolean;

  constructor(future: Future<T>) {
    this._future = future;
    this._yielded = false;
  }

  next(): IteratorResult<Suspension, T> {
    const future = this._future;
    if (future._state === PENDING) {
      if (!this._yielded) {
        this._yielded = true;
        if (future._loop._debug) recordSuspension(future._loop, FutureIterator.prototype.next);
        return { value: _suspend(future as Future<unknown>), done: false };
      }
      throw new RuntimeError(`await wasn't used with future: ${future} was resumed before it was done`);
    }
    return { value: future.result(), done: true };
  }

  throw(error: unknown): IteratorResult<Suspension, T> {
    // The awaited future failed and its task throws the error into this coroutine:
    // the frames above are where the coroutine (and each one yield*-ing it) waited.
    recordAwaitSite(error, FutureIterator.prototype.throw);
    throw error;
  }

  return(value?: T): IteratorResult<Suspension, T> {
    return { value: value as T, done: true };
  }

  [Symbol.iterator](): this {
    return this;
  }
}

/** True for a Future or Task (Python's `asyncio.isfuture`). */
export function isFuture(value: unknown): value is Future<unknown> {
  return value instanceof Future;
}

/**
 * A Future on `loop` (default: `getEventLoop()`) that follows a native promise: it
 * gets the promise's value or rejection. Cancelling the Future does not cancel the
 * promise (promises cannot be cancelled); its outcome is then ignored.
 *
 * Given a function instead, `wrapPromise` calls it at once with an AbortSignal and
 * follows the promise it returns; the signal aborts when the Future is cancelled (by
 * `cancel`, `waitFor`'s or `timeout`'s deadline, a TaskGroup's abort, the end of `run`),
 * with a DOMException "AbortError" whose `cause` is the CancelledError as its reason
 * (what `fetch` then rejects with). The promise's later outcome is ignored, its
 * rejection included.
 *
 * @example
 * function* main() {
 *   let signal: AbortSignal | undefined;
 *   const never = asyncio.wrapPromise((s) => {
 *     signal = s;
 *     return new Promise<string>(() => {}); // a fetch(url, { signal: s }) that hangs
 *   });
 *   try {
 *     yield* asyncio.waitFor(never, 0.1);
 *   } catch (error) {
 *     return error instanceof asyncio.TimeoutError && signal!.aborted && signal!.reason.name === "AbortError";
 *   }
 * }
 * console.assert((await asyncio.run(main())) === true);
 *
 * @throws TypeError if `promise` is neither a promise (thenable) nor a function, or the
 * function returns no promise (its signal is then aborted); what the function throws.
 */
export function wrapPromise<T>(promise: PromiseLike<T> | ((signal: AbortSignal) => PromiseLike<T>), loop?: EventLoop): Future<T> {
  if (promise === null || typeof (promise as { then?: unknown })?.then !== "function") {
    if (typeof promise === "function") return _wrapAbortable(promise, loop);
    throw new TypeError(`wrapPromise() needs a promise or thenable, got ${describe(promise)}; or a function (signal) => promise`);
  }
  return followPromise(promise as PromiseLike<T>, loop);
}

function followPromise<T>(promise: PromiseLike<T>, loop: EventLoop | undefined): Future<T> {
  const target = loop ?? getEventLoop();
  const future = new Future<T>(target);
  target._hostPending++;
  let settled = false;
  const release = (): void => {
    if (!settled) {
      settled = true;
      target._hostPending--;
    }
  };
  future._addCallback(release as Callback);
  const settle = (ok: boolean, outcome: unknown): void => {
    release();
    if (future._state !== PENDING || target._closed) return;
    if (ok) future.setResult(outcome as T);
    else future.setException(outcome);
  };
  promise.then(
    (value) => {
      if (target._chaos === null) settle(true, value);
      else target._deferHostSettlement(() => settle(true, value));
    },
    (error: unknown) => {
      if (target._chaos === null) settle(false, error);
      else target._deferHostSettlement(() => settle(false, error));
    },
  );
  return future;
}
