/**
 * Task, which drives a generator coroutine step by step as CPython's `Task.__step`
 * drives `coro.send()`, and the functions of Python's `asyncio/tasks.py`: createTask,
 * ensureFuture, currentTask, allTasks, sleep, gather, wait.
 */
import { type Awaitable, type AwaitableResult, type Coroutine, isCoroutine } from "./coroutines";
import { type EventLoop, _ensureFuture, _registerTaskClass, getEventLoop, getRunningLoop } from "./events";
import { type Context, copyContext, enter, leave } from "./contextvars";
import { CancelledError, InvalidStateError, RuntimeError } from "./exceptions";
import { Future } from "./futures";
import { describe, isGeneratorFunction, isThenable } from "./repr";

export type { Awaitable, AwaitableResult, Coroutine } from "./coroutines";

/** Options of `createTask`. */
export interface TaskOptions {
  /** The task's name; by default `Task-N`, with N counting the tasks made without a name. */
  name?: string;
  /** The context the task runs in; by default a copy of the current one. */
  context?: Context;
  /**
   * Run the first step at once, inside the constructor, when the loop is running
   * (Python 3.12's `eager_start`); see `eagerTaskFactory`.
   */
  eagerStart?: boolean;
}

let taskNameCounter = 0;
const NO_OPTIONS: TaskOptions = Object.freeze({});

/**
 * A coroutine scheduled on a loop (Python's `asyncio.Task`). Each step resumes the
 * generator until it yields: a pending Future suspends the task until that Future is
 * done; a bare `yield` gives the loop one turn; anything else fails the step with
 * `RuntimeError("Task got bad yield: …")`, thrown into the coroutine.
 *
 * A Task is itself a Future of the coroutine's return value.
 */
export class Task<T = unknown> extends Future<T> {
  /** @internal */ _coro: Coroutine<T>;
  /** @internal The name, or null for the default `Task-N`, made only when asked for. */
  _name: string | null;
  /** @internal */ _number: number;
  /** @internal The context every step runs in. */
  _context: Context;
  /** @internal The future this task waits on (Python's `_fut_waiter`). */
  _futWaiter: Future<unknown> | null;
  /** @internal Cancel at the next step (Python's `_must_cancel`). */
  _mustCancel: boolean;
  /** @internal */ _numCancelsRequested: number;
  /** @internal The future whose completion scheduled this task (Python's `__wakeup`). */
  _wakeFuture: Future<unknown> | null;
  /** @internal An error to throw into the coroutine at the next step. */
  _stepError: unknown;
  /** @internal */ _hasStepError: boolean;
  /** @internal Neighbours in the loop's list of live tasks. */
  _liveNext: Task<unknown> | null;
  /** @internal */ _livePrev: Task<unknown> | null;

  /**
   * A task running `coro` on `options.loop` (default: the loop `getEventLoop()`
   * returns). Prefer `asyncio.createTask` or `loop.createTask`.
   *
   * @throws TypeError if `coro` is not a coroutine (generator object).
   */
  constructor(coro: Coroutine<T>, options: TaskOptions & { loop?: EventLoop } = NO_OPTIONS, onLoop?: EventLoop) {
    super(onLoop ?? options.loop);
    if (!isCoroutine(coro)) throw new TypeError(notACoroutine(coro));
    this._coro = coro;
    this._number = options.name === undefined ? ++taskNameCounter : 0;
    this._name = options.name === undefined ? null : String(options.name);
    this._context = options.context ?? copyContext();
    this._futWaiter = null;
    this._mustCancel = false;
    this._numCancelsRequested = 0;
    this._wakeFuture = null;
    this._stepError = undefined;
    this._hasStepError = false;
    const loop = this._loop;
    const head = loop._liveTasks;
    this._liveNext = head;
    this._livePrev = null;
    if (head !== null) head._livePrev = this as Task<unknown>;
    loop._liveTasks = this as Task<unknown>;
    if (options.eagerStart === true && loop._running) {
      this._eagerStart();
    } else {
      loop._scheduleTask(this);
    }
  }

  /** The task's name. */
  getName(): string {
    return this._name ?? `Task-${this._number}`;
  }

  /** Renames the task. */
  setName(name: string): void {
    this._name = String(name);
  }

  /** The coroutine the task runs. */
  getCoro(): Coroutine<T> {
    return this._coro;
  }

  /**
   * Requests cancellation (Python's `Task.cancel`): `CancelledError(msg)` is thrown
   * into the coroutine at its suspension point, so its `finally` and `catch` blocks
   * run; a coroutine that catches it may go on. Returns false if the task is done.
   */
  override cancel(msg?: string): boolean {
    this._markRetrieved();
    if (this.done()) return false;
    this._numCancelsRequested++;
    // Cancel what the task waits on; if that succeeds, the wake-up brings the
    // CancelledError. The waited-on task may swallow it, so keep _futWaiter.
    if (this._futWaiter !== null && this._futWaiter.cancel(msg)) return true;
    this._mustCancel = true;
    this._cancelMessage = msg;
    return true;
  }

  /** How many cancellation requests are pending (Python 3.11's `Task.cancelling`). */
  cancelling(): number {
    return this._numCancelsRequested;
  }

  /**
   * Withdraws one cancellation request and returns how many remain (Python's
   * `Task.uncancel`). As in Python 3.13, when none remain a cancellation that has not
   * been delivered yet is withdrawn too.
   */
  uncancel(): number {
    if (this._numCancelsRequested > 0) {
      this._numCancelsRequested--;
      if (this._numCancelsRequested === 0) this._mustCancel = false;
    }
    return this._numCancelsRequested;
  }

  /** @throws RuntimeError: a task's result comes from its coroutine. */
  override setResult(_value: T): never {
    throw new RuntimeError("Task does not support set_result operation");
  }

  /** @throws RuntimeError: a task's error comes from its coroutine. */
  override setException(_error: unknown): never {
    throw new RuntimeError("Task does not support set_exception operation");
  }

  override toString(): string {
    return `<Task ${this._stateDescription().replace(/^(\w+)/, `$1 name='${this.getName()}'`)}>`;
  }

  /**
   * @internal Run from the ready queue: the task is its own handle for its steps, and,
   * once done, for its done callbacks (see Future._run).
   */
  override _run(): void {
    if (this._state !== 0) {
      super._run();
      return;
    }
    const woken = this._wakeFuture;
    if (woken !== null) {
      // Python's Task.__wakeup: resume with the awaited future's outcome.
      this._wakeFuture = null;
      if (woken._state === 2 && !woken._hasException) {
        this._step(false, undefined);
      } else {
        let error: unknown;
        try {
          woken.result();
        } catch (e) {
          error = e;
        }
        this._step(true, error);
      }
    } else if (this._hasStepError) {
      const error = this._stepError;
      this._hasStepError = false;
      this._stepError = undefined;
      this._step(true, error);
    } else {
      this._step(false, undefined);
    }
  }

  /** @internal Python's `Task.__step`. */
  _step(hasError: boolean, error: unknown): void {
    if (this._state !== 0) {
      throw new InvalidStateError(`_step(): already done: ${this}, ${describe(error)}`);
    }
    if (this._mustCancel) {
      if (!(hasError && error instanceof CancelledError)) {
        error = this._makeCancelledError();
        hasError = true;
      }
      this._mustCancel = false;
    }
    this._futWaiter = null;
    const loop = this._loop;
    if (loop._currentTask !== null) {
      throw new RuntimeError(`Cannot enter into task ${this} while another task ${loop._currentTask} is being executed.`);
    }
    loop._currentTask = this as Task<unknown>;
    this._runStep(hasError, error);
    loop._currentTask = null;
  }

  /**
   * @internal Python 3.12's `Task.__eager_start`: the first step runs now, inside the
   * task that creates this one, which is the current task again afterwards.
   */
  _eagerStart(): void {
    const loop = this._loop;
    const creator = loop._currentTask;
    loop._currentTask = this as Task<unknown>;
    try {
      this._runStep(false, undefined);
    } finally {
      loop._currentTask = creator;
    }
  }

  /** @internal Python's `__step_run_and_handle_result`, in the task's context. */
  _runStep(hasError: boolean, error: unknown): void {
    const loop = this._loop;
    const outerContext = enter(this._context);
    let step: IteratorResult<Future<unknown> | undefined, T>;
    try {
      step = hasError ? this._coro.throw(error) : this._coro.next(undefined);
    } catch (thrown) {
      leave(outerContext);
      if (thrown instanceof CancelledError) {
        this._cancelledExc = thrown;
        this._finish();
        super.cancel();
      } else {
        this._finish();
        super.setException(thrown);
      }
      return;
    }
    leave(outerContext);
    if (step.done) {
      this._finish();
      if (this._mustCancel) {
        // Cancelled right before the coroutine returned.
        this._mustCancel = false;
        super.cancel(this._cancelMessage);
      } else {
        super.setResult(step.value);
      }
      return;
    }
    const yielded = step.value as unknown;
    if (yielded === undefined) {
      // A bare yield gives the loop one iteration.
      loop._scheduleTask(this);
    } else if (yielded instanceof Future) {
      if (yielded._loop !== loop) {
        this._scheduleError(new RuntimeError(`Task ${this} got Future ${yielded} attached to a different loop`));
      } else if (yielded === this) {
        this._scheduleError(new RuntimeError(`Task cannot await on itself: ${this}`));
      } else {
        yielded._addCallback(this);
        this._futWaiter = yielded;
        if (this._mustCancel && yielded.cancel(this._cancelMessage)) this._mustCancel = false;
      }
    } else if (isCoroutine(yielded)) {
      this._scheduleError(
        new RuntimeError(`yield was used instead of yield* for generator in task ${this} with ${describe(yielded)}; await a coroutine with yield*`),
      );
    } else if (isThenable(yielded)) {
      this._scheduleError(
        new RuntimeError(`Task got bad yield: ${describe(yielded)}; to await a promise, use yield* asyncio.wrapPromise(promise)`),
      );
    } else {
      this._scheduleError(new RuntimeError(`Task got bad yield: ${describe(yielded)}`));
    }
  }

  private _scheduleError(error: RuntimeError): void {
    this._stepError = error;
    this._hasStepError = true;
    this._loop._scheduleTask(this);
  }

  /** Leaves the loop's list of live tasks. */
  private _finish(): void {
    const next = this._liveNext;
    const prev = this._livePrev;
    if (next !== null) next._livePrev = prev;
    if (prev !== null) prev._liveNext = next;
    else this._loop._liveTasks = next;
    this._liveNext = this._livePrev = null;
  }
}

_registerTaskClass(Task as never);

function notACoroutine(value: unknown): string {
  const hint = isGeneratorFunction(value)
    ? `; call it to get a coroutine: ${(value as { name: string }).name || "coro"}(...)`
    : isThenable(value)
      ? "; to run a promise, use asyncio.wrapPromise(promise)"
      : "";
  return `a coroutine was expected, got ${describe(value)}${hint}`;
}

/** @internal */
export function _notACoroutine(value: unknown): string {
  return notACoroutine(value);
}

/**
 * Wraps `coro` in a Task on the running loop (Python's `asyncio.create_task`).
 *
 * @throws RuntimeError when no loop is running; TypeError if `coro` is not a coroutine.
 */
export function createTask<T>(coro: Coroutine<T>, options: TaskOptions = NO_OPTIONS): Task<T> {
  return getRunningLoop().createTask(coro, options);
}

/**
 * A Future for `aw` (Python's `asyncio.ensure_future`): a Future or Task as it is, a
 * coroutine wrapped in a Task, a promise followed by a new Future. Without a running
 * loop, the loop of `getEventLoop()` is used.
 *
 * @throws TypeError if `aw` is none of those.
 */
export function ensureFuture<T>(aw: Awaitable<T>, options: { loop?: EventLoop } = {}): Future<T> {
  return _ensureFuture(aw, options.loop ?? null);
}

/** The task running now on `loop` (default: the running loop), or undefined (Python's `current_task`). */
export function currentTask(loop?: EventLoop): Task<unknown> | undefined {
  return (loop ?? getRunningLoop())._currentTask ?? undefined;
}

/** The tasks of `loop` (default: the running loop) that are not done yet (Python's `all_tasks`). */
export function allTasks(loop?: EventLoop): Set<Task<unknown>> {
  const live: Task<unknown>[] = [];
  for (let task = (loop ?? getRunningLoop())._liveTasks; task !== null; task = task._liveNext) live.push(task);
  // The list runs newest first; Python's set has no order, creation order reads best.
  return new Set(live.reverse());
}

function setResultUnlessCancelled<T>(future: Future<T>, result: T): void {
  if (!future.cancelled()) future.setResult(result);
}

/**
 * Suspends the calling task for `delay` seconds, then returns `result` (Python's
 * `asyncio.sleep`). `sleep(0)` gives the loop exactly one iteration.
 *
 * @throws TypeError for a delay that is not a number; RangeError for NaN (as Python 3.13).
 */
export function sleep(delay: number): Coroutine<undefined>;
export function sleep<T>(delay: number, result: T): Coroutine<T>;
export function* sleep<T>(delay: number, result?: T): Coroutine<T | undefined> {
  if (typeof delay !== "number") throw new TypeError(`sleep() delay must be a number of seconds, got ${describe(delay)}`);
  if (Number.isNaN(delay)) throw new RangeError("Invalid delay: NaN (not a number)");
  if (delay <= 0) {
    yield;
    return result;
  }
  const loop = getRunningLoop();
  const future = new Future<T | undefined>(loop);
  const timer = loop._callAt(loop.time() + delay, setResultUnlessCancelled as never, [future, result], null);
  try {
    return yield* future;
  } finally {
    timer.cancel();
  }
}

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
 * @throws TypeError if an argument is not awaitable.
 */
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
      if (child._hasException) {
        outer.setException(error);
        return;
      }
    }
    if (finished === distinct) {
      const results = children.map((f) => {
        if (f.cancelled()) return new CancelledError(f._cancelMessage ?? "");
        return f._hasException ? f.exception() : f.result();
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

/** Python's `tasks._wait`. */
function* waitUntil<F extends Future<unknown>>(
  futures: Set<F>,
  timeout: number | null,
  returnWhen: string,
  loop: EventLoop,
): Coroutine<[Set<F>, Set<F>]> {
  const waiter = new Future<unknown>(loop);
  const timer = timeout === null ? null : loop._callAt(loop.time() + timeout, releaseWaiter as never, [waiter], null);
  let counter = futures.size;
  const onCompletion = (f: Future<unknown>): void => {
    counter--;
    if (
      counter <= 0 ||
      returnWhen === FIRST_COMPLETED ||
      (returnWhen === FIRST_EXCEPTION && !f.cancelled() && f._hasException)
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
