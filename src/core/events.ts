/**
 * The event loop: a FIFO ready queue and a timer heap, run one iteration at a time
 * exactly as CPython's `BaseEventLoop._run_once`, by either of two drivers (see
 * drivers.ts). Also Handle, TimerHandle and the event loop policy
 * (getEventLoop, setEventLoop, newEventLoop, getRunningLoop).
 */
import { type Clock, RealClock } from "./clock";
import { type Context, copyContext, enter, leave } from "./contextvars";
import { RuntimeError } from "./exceptions";
import { ReadyQueue } from "./readyqueue";
import { describe, isGeneratorFunction } from "./repr";
import { TimerHeap } from "./timerheap";
import { type Coroutine, isCoroutine } from "./coroutines";
// Order matters: futures.ts must be evaluated before tasks.ts (Task extends Future),
// and futures.ts imports this module, so this module imports futures.ts first.
import { Future, wrapPromise } from "./futures";
import { Task, type TaskOptions } from "./tasks";
import * as drivers from "./drivers";
import { type Executor, type ExecutorFunction, _isExecutor, _newDefaultExecutor } from "./executors";
import { showAwaitChain } from "./awaitchain";
import { type UnretrievedErrors, forgetAtExit, reportPendingTasks } from "./unretrieved";
import { reportUnstarted } from "./neverawaited";
import { type Instrument, Instruments } from "./instruments";
import { type AnyFunction, Handle, NO_ARGS, type Runnable, TimerHandle } from "./handles";

export { Handle, type Runnable, TimerHandle } from "./handles";

const NO_OPTIONS: TaskOptions = Object.freeze({});

/** What the loop passes to an exception handler (Python's context dict). */
export interface ExceptionContext {
  message: string;
  exception?: unknown;
  future?: Future<unknown>;
  task?: Task<unknown>;
  handle?: Handle;
  [key: string]: unknown;
}

/** A function installed with `setExceptionHandler`. */
export type ExceptionHandler = (loop: EventLoop, context: ExceptionContext) => void;

/** A function installed with `setTaskFactory`: it must return a Task for the coroutine. */
export type TaskFactory = (loop: EventLoop, coro: Coroutine<unknown>, options: TaskOptions) => Task<unknown>;

/** Options of `newEventLoop` and of `new EventLoop`. */
export interface EventLoopOptions {
  /** Where time comes from; `new VirtualClock()` for instant, deterministic runs. */
  clock?: Clock;
  /**
   * Debug mode: report slow callbacks, check callbacks more strictly, and capture the
   * stacks of cancellations and timeouts (they have none without it). By default it
   * is on when the environment variable `ASYNCIO_TS_DEBUG` is set to any non-empty
   * value (Python's `PYTHONASYNCIODEBUG`), where the host has an environment.
   */
  debug?: boolean;
}

/** Python's `coroutines._is_debug_mode()`: any non-empty value turns debug mode on. */
function debugFromEnvironment(): boolean {
  const env = (globalThis as { process?: { env?: Record<string, string | undefined> } }).process?.env;
  try {
    return typeof env?.ASYNCIO_TS_DEBUG === "string" && env.ASYNCIO_TS_DEBUG !== "";
  } catch {
    // Deno without --allow-env throws on reading the environment.
    return false;
  }
}

/**
 * @internal A seeded chaos schedule (`asyncio-ts/testing`): it may change only what
 * asyncio leaves free — the order of timers due at the same moment, how late the loop
 * wakes for a timer, the order in which settled host operations arrive — and never what
 * asyncio promises (`callSoon` order, the order of a future's callbacks, so fair locks
 * and queues stay fair). The loop asks it at those three points and nowhere else.
 */
export interface SchedulePerturbation {
  /** An iteration begins: the moment to deliver host settlements handed over before. */
  beginIteration(): void;
  /** Whether it holds host settlements: the loop must not wait on the host meanwhile. */
  holding(): boolean;
  /** The timers due in this iteration, in deadline order: it may reorder equal deadlines. */
  orderDueTimers(timers: TimerHandle[]): void;
  /** The idle loop's next timer is due at `when`: the loop time to wake at (>= `when`). */
  wakeAt(when: number): number;
  /** A host operation settled: `deliver` must run at the start of a later iteration. */
  hostSettled(deliver: () => void): void;
}

// CPython's thresholds for rebuilding the timer heap without its cancelled timers.
const MIN_SCHEDULED_TIMER_HANDLES = 100;
const MIN_CANCELLED_TIMER_HANDLES_FRACTION = 0.5;
// CPython adds the clock's resolution so a timer due "now" is not left for later.
const CLOCK_RESOLUTION = 1e-9;

let runningLoop: EventLoop | null = null;
let loopCounter = 0;

/**
 * @internal What a host module (the Node I/O modules) needs to hear from every loop:
 * when a run starts and ends (signal handlers hold the process only while their loop
 * runs) and when the loop is closed (its sockets, children and signal handlers are
 * released, as Python's loop and transport finalizers do).
 */
export interface LoopHooks {
  runStarted?(loop: EventLoop): void;
  runEnded?(loop: EventLoop): void;
  closed?(loop: EventLoop): void;
}

const loopHooks: LoopHooks[] = [];

/**
 * @internal Debug mode's view into a callback or task step while it runs, for a host
 * that can see where a blocked thread is (src/node/watchdog.ts, on Node): a slow
 * item's report then names the function it was stuck in and its callers.
 */
export interface SlowWatch {
  /** An item starts at `start` (`performance.now()`); it is slow after `threshold` seconds. */
  begin(start: number, threshold: number): void;
  /** It ended: where it was seen stuck, as text for the report, or null. */
  end(): string | null;
}

/**
 * @internal How `shutdownAsyncgens` reaches asyncgens.ts, which imports this module:
 * asyncgens.ts installs its function when loaded. Before that no async generator can
 * exist, so there is nothing to close.
 */
export const _asyncgenHooks: { shutdown: (loop: EventLoop) => Coroutine<void> } = {
  // biome-ignore lint/correctness/useYield: nothing to close, and it must still be a coroutine.
  shutdown: function* () {},
};

/** @internal Registers hooks for every loop; a host module calls it once, when loaded. */
export function _addLoopHooks(hooks: LoopHooks): void {
  loopHooks.push(hooks);
}

/** @internal The loop running in the current turn, or null. */
export function _getRunningLoop(): EventLoop | null {
  return runningLoop;
}

/** @internal */
export function _setRunningLoop(loop: EventLoop | null): void {
  runningLoop = loop;
}

/**
 * The event loop (Python's `asyncio.AbstractEventLoop`, as `BaseEventLoop` implements
 * it). One iteration runs the timers that are due, then every callback that was ready
 * when the iteration began.
 *
 * Two drivers run it: the host-driven one (`runUntilComplete`, `runForever`, which
 * return Promises and sleep between timers on the host's own timers) and the
 * synchronous one (`runUntilCompleteSync`, `runForeverSync`, which block the thread
 * between timers).
 */
export class EventLoop {
  /** @internal */ _clock: Clock;
  /** @internal */ _ready: ReadyQueue<Runnable>;
  /** @internal */ _scheduled: TimerHeap<TimerHandle>;
  /** @internal */ _timerCancelledCount: number;
  /** @internal */ _timerSeq: number;
  /** @internal */ _stopping: boolean;
  /** @internal */ _closed: boolean;
  /** @internal */ _running: boolean;
  /** @internal */ _debug: boolean;
  /** @internal */ _exceptionHandler: ExceptionHandler | null;
  /** @internal */ _taskFactory: TaskFactory | null;
  /** @internal */ _currentTask: Task<unknown> | null;
  /**
   * @internal The most recently created task of this loop that is not done yet: the
   * head of an intrusive doubly linked list through the tasks (Python's
   * `_scheduled_tasks`), so adding and removing a task costs no allocation or hashing.
   */
  _liveTasks: Task<unknown> | null;
  /** @internal Host operations (wrapped promises) that may still call back into the loop. */
  _hostPending: number;
  /** @internal State of the host-driven driver. */
  _host: drivers.HostDriverState;

  /** @internal A number that tells loops apart in messages. */
  _id: number;
  /** @internal The installed instruments; null while there are none (the hot paths test this). */
  _instruments: Instruments | null;
  /** @internal Debug mode: the library's coroutines made on this loop, to warn of those never started. */
  _unstarted: WeakRef<object>[] | null;
  /** @internal Failed futures whose error nobody has seen, made at the first failure. */
  _unretrieved: UnretrievedErrors | null;
  /** @internal The executor of `runInExecutor(null, …)`, made on first use. */
  _defaultExecutor: Executor | null;
  /** @internal Set by `shutdownDefaultExecutor`: no new default executor after it. */
  _executorShutdownCalled: boolean;
  /** @internal Debug mode: what sees inside a slow callback, where the host can (Node). */
  _slowWatch: SlowWatch | null;
  /** @internal The async generators first used on this loop and not finished (asyncgens.ts). */
  _asyncgens: Set<object> | null;
  /** @internal Set by `shutdownAsyncgens`. */
  _asyncgensShutdownCalled: boolean;
  /** @internal A seeded chaos schedule, for tests; null otherwise (the hot path tests this). */
  _chaos: SchedulePerturbation | null;

  /**
   * Seconds a callback or task step may run before debug mode reports it as slow
   * (Python's `slow_callback_duration`).
   */
  slowCallbackDuration: number;

  constructor(options: EventLoopOptions = {}) {
    this._clock = options.clock ?? new RealClock();
    this._ready = new ReadyQueue<Runnable>();
    this._scheduled = new TimerHeap<TimerHandle>();
    this._timerCancelledCount = 0;
    this._timerSeq = 0;
    this._stopping = false;
    this._closed = false;
    this._running = false;
    this._debug = options.debug ?? debugFromEnvironment();
    this._exceptionHandler = null;
    this._taskFactory = null;
    this._currentTask = null;
    this._liveTasks = null;
    this._hostPending = 0;
    this._host = drivers.newHostDriverState();
    this._id = ++loopCounter;
    this._unretrieved = null;
    this._instruments = null;
    this._unstarted = null;
    this._defaultExecutor = null;
    this._executorShutdownCalled = false;
    this._slowWatch = null;
    this._asyncgens = null;
    this._asyncgensShutdownCalled = false;
    this._chaos = null;
    this.slowCallbackDuration = 0.1;
    // @internal For tools (the `asyncio-ts trace` preload): functions in the array at
    // `globalThis[Symbol.for("asyncio-ts.newLoop")]` hear of every new loop, whichever
    // copy of the library (ESM or CommonJS build, another path) made it. A failing one is
    // reported and skipped: it must not stop the program from making its loop.
    const newLoopHooks: unknown = (globalThis as Record<symbol, unknown>)[Symbol.for("asyncio-ts.newLoop")];
    if (Array.isArray(newLoopHooks)) {
      for (const hook of newLoopHooks) {
        if (typeof hook !== "function") continue;
        try {
          hook(this);
        } catch (error) {
          console.error("asyncio-ts: a newLoop hook failed:", error);
        }
      }
    }
  }

  /** The loop's current time in seconds, from its clock (Python's `loop.time()`). */
  time(): number {
    return this._clock.now();
  }

  /** The loop's clock. */
  get clock(): Clock {
    return this._clock;
  }

  /**
   * Schedules `callback(...args)` to run on the next iteration, after what is already
   * ready (Python's `call_soon`).
   *
   * @throws RuntimeError if the loop is closed; TypeError if `callback` is not a function.
   */
  callSoon<A extends unknown[]>(callback: (...args: A) => unknown, ...args: A): Handle {
    this._checkCallback(callback, "callSoon");
    return this._callSoon(callback as AnyFunction, args, copyContext());
  }

  /**
   * Like `callSoon`, and safe to call from host callbacks outside the loop's turns
   * (Python's `call_soon_threadsafe`): it wakes a loop that sleeps on the host.
   */
  callSoonThreadsafe<A extends unknown[]>(callback: (...args: A) => unknown, ...args: A): Handle {
    return this.callSoon(callback, ...args);
  }

  /**
   * Schedules `callback(...args)` to run `delay` seconds from now (Python's `call_later`).
   *
   * @throws RuntimeError if the loop is closed; TypeError for a delay that is not a number.
   */
  callLater<A extends unknown[]>(delay: number, callback: (...args: A) => unknown, ...args: A): TimerHandle {
    if (typeof delay !== "number" || Number.isNaN(delay)) {
      throw new TypeError(`callLater() delay must be a number of seconds, got ${describe(delay)}`);
    }
    this._checkCallback(callback, "callLater");
    return this._callAt(this._clock.now() + delay, callback as AnyFunction, args, copyContext(), delay);
  }

  /**
   * Schedules `callback(...args)` to run at loop time `when` (Python's `call_at`).
   *
   * @throws RuntimeError if the loop is closed; TypeError for a time that is not a number.
   */
  callAt<A extends unknown[]>(when: number, callback: (...args: A) => unknown, ...args: A): TimerHandle {
    if (typeof when !== "number" || Number.isNaN(when)) {
      throw new TypeError(`callAt() when must be a number (loop time in seconds), got ${describe(when)}`);
    }
    this._checkCallback(callback, "callAt");
    return this._callAt(when, callback as AnyFunction, args, copyContext());
  }

  /** @internal `callSoon` without the checks, in `context` (null: the loop's own callbacks). */
  _callSoon(callback: AnyFunction, args: readonly unknown[], context: Context | null): Handle {
    this._checkClosed();
    const handle = new Handle(callback, args, this, context);
    this._ready.push(handle);
    if (this._host.sleeping) drivers.wakeHost(this);
    return handle;
  }

  /** @internal `callAt` without the checks, in `context` (null: the loop's own callbacks). */
  _callAt(when: number, callback: AnyFunction, args: readonly unknown[], context: Context | null, delay = Number.NaN): TimerHandle {
    const timer = new TimerHandle(when, 0, callback, args, this, context);
    this._scheduleTimer(timer, when, delay);
    return timer;
  }

  /**
   * @internal Puts `timer` in the heap, due at loop time `when`; a sleep makes its timer
   * before it knows its loop. `delay`, when the caller knows it (`when` is now + delay), lets
   * the timer join the run of timers of that delay (see TimerHeap).
   */
  _scheduleTimer(timer: TimerHandle, when: number, delay = Number.NaN): void {
    this._checkClosed();
    timer._loop = this;
    timer._when = when;
    timer._seq = this._timerSeq++;
    this._scheduled.push(timer, delay);
    timer._scheduled = true;
    if (this._instruments !== null) this._instruments.emit("timerScheduled", timer);
    if (this._host.sleeping) drivers.wakeHost(this);
  }

  /** A new pending Future bound to this loop (Python's `create_future`). */
  createFuture<T = unknown>(): Future<T> {
    return new Future<T>(this);
  }

  /**
   * Wraps a coroutine in a Task scheduled on this loop (Python's `loop.create_task`),
   * through the task factory if one is set.
   *
   * @throws RuntimeError if the loop is closed; TypeError if `coro` is not a coroutine.
   */
  createTask<T>(coro: Coroutine<T>, options: TaskOptions = NO_OPTIONS): Task<T> {
    this._checkClosed();
    if (this._taskFactory === null) return new Task<T>(coro, options, this);
    const task = this._taskFactory(this, coro as Coroutine<unknown>, options) as Task<T>;
    if (options.name !== undefined) task.setName(options.name);
    return task;
  }

  /**
   * Runs the loop on the host until `aw` is done and settles with its result
   * (Python's `run_until_complete`). A coroutine is wrapped in a Task first.
   *
   * @throws RuntimeError at once if the loop is closed or already running; the promise
   * rejects with RuntimeError if the loop was stopped before `aw` completed.
   */
  runUntilComplete<T>(aw: Coroutine<T> | Future<T> | PromiseLike<T>): Promise<T> {
    // The checks throw here, at the call site, as Python's do: a rejected promise
    // would go unseen by a coroutine that called this by mistake.
    return this._runUntilDone(this._beginUntilComplete(aw));
  }

  private async _runUntilDone<T>(future: Future<T>): Promise<T> {
    try {
      await this.runForever();
    } finally {
      future._removeCallback(stopLoopWhenDone);
    }
    return this._endUntilComplete(future);
  }

  /**
   * The synchronous `runUntilComplete`: blocks the thread between timers
   * (`Atomics.wait`), or jumps on a VirtualClock.
   *
   * @throws RuntimeError as `runUntilComplete`, and when only host I/O could let the
   * future finish (use `runUntilComplete` then).
   */
  runUntilCompleteSync<T>(aw: Coroutine<T> | Future<T> | PromiseLike<T>): T {
    const future = this._beginUntilComplete(aw);
    try {
      this.runForeverSync();
    } finally {
      future._removeCallback(stopLoopWhenDone);
    }
    return this._endUntilComplete(future);
  }

  /**
   * Runs the loop on the host until `stop()` is called (Python's `run_forever`).
   *
   * @throws RuntimeError if the loop is closed or already running.
   */
  runForever(): Promise<void> {
    this._beginRun();
    return drivers.runOnHost(this);
  }

  /**
   * Runs the loop synchronously until `stop()` is called.
   *
   * @throws RuntimeError if the loop is closed or already running, or when nothing is
   * ready, no timer is left and only host I/O could make progress.
   */
  runForeverSync(): void {
    this._beginRun();
    drivers.runSynchronously(this);
  }

  /**
   * Stops the loop after the current iteration (Python's `stop`). Before the loop
   * runs, it makes the next run do exactly one iteration.
   */
  stop(): void {
    this._stopping = true;
    if (this._host.sleeping) drivers.wakeHost(this);
  }

  /** True while `runForever*` or `runUntilComplete*` is running the loop. */
  isRunning(): boolean {
    return this._running;
  }

  /** True once `close()` was called. */
  isClosed(): boolean {
    return this._closed;
  }

  /**
   * Closes the loop, dropping every pending callback and timer (Python's `close`).
   * Closing twice is a no-op.
   *
   * What Python reports when the objects are destroyed is reported here, through the
   * exception handler: each task still pending ("Task was destroyed but it is
   * pending!"), then each error nobody retrieved ("Task exception was never
   * retrieved", "Future exception was never retrieved"); in debug mode, each
   * `asyncio.sleep(…)` made but never awaited is warned of on the console.
   *
   * @throws RuntimeError if the loop is running.
   */
  close(): void {
    if (this._running) throw new RuntimeError("Cannot close a running event loop");
    if (this._closed) return;
    this._closed = true;
    this._ready.clear();
    this._scheduled.clear();
    this._timerCancelledCount = 0;
    drivers.disarmHost(this);
    for (const hooks of loopHooks) hooks.closed?.(this);
    const pending: Task<unknown>[] = [];
    for (let task = this._liveTasks; task !== null; task = task._liveNext) pending.push(task);
    reportPendingTasks(this, pending.reverse());
    reportUnstarted(this);
    const unretrieved = this._unretrieved;
    if (unretrieved !== null) {
      forgetAtExit(unretrieved);
      unretrieved.reportAll();
    }
  }

  /**
   * Installs `instrument`, which hears from now on what the loop does: tasks spawned,
   * stepped and exited, callbacks, timers, idle time (see `Instrument`). Installing the
   * same instrument twice has no effect.
   *
   * @throws TypeError if `instrument` is not an object.
   */
  addInstrument(instrument: Instrument): void {
    if (instrument === null || typeof instrument !== "object") {
      throw new TypeError(`an instrument must be an object with hook methods, got ${describe(instrument)}`);
    }
    const instruments = (this._instruments ??= new Instruments(this));
    if (!instruments.list.includes(instrument)) instruments.list.push(instrument);
  }

  /**
   * Uninstalls `instrument` (trio's `remove_instrument`).
   *
   * @throws RangeError if it is not installed (Python's KeyError has no closer match).
   */
  removeInstrument(instrument: Instrument): void {
    const list = this._instruments?.list;
    const index = list === undefined ? -1 : list.indexOf(instrument);
    if (index < 0) throw new RangeError(`the instrument ${describe(instrument)} is not installed on ${this}`);
    list!.splice(index, 1);
    if (list!.length === 0) this._instruments = null;
  }

  /** The installed instruments, in the order they were added. */
  get instruments(): readonly Instrument[] {
    return this._instruments === null ? [] : [...this._instruments.list];
  }

  /** True in debug mode. */
  getDebug(): boolean {
    return this._debug;
  }

  /** Turns debug mode on or off: slow callbacks and task steps are then reported. */
  setDebug(enabled: boolean): void {
    this._debug = enabled;
  }

  /**
   * Installs the function that receives errors no one else can handle (Python's
   * `set_exception_handler`); `null` restores the default, which logs to the console.
   *
   * @throws TypeError if `handler` is neither a function nor null.
   */
  setExceptionHandler(handler: ExceptionHandler | null): void {
    if (handler !== null && typeof handler !== "function") {
      throw new TypeError(`A callable object or null is expected, got ${describe(handler)}`);
    }
    this._exceptionHandler = handler;
  }

  /** The handler set with `setExceptionHandler`, or null. */
  getExceptionHandler(): ExceptionHandler | null {
    return this._exceptionHandler;
  }

  /**
   * Logs `context` the default way: its message, the error's stack and the other
   * keys (Python's `default_exception_handler`).
   */
  defaultExceptionHandler(context: ExceptionContext): void {
    const lines = [context.message || "Unhandled exception in event loop"];
    for (const key of Object.keys(context)) {
      if (key === "message" || key === "exception") continue;
      lines.push(`${key}: ${String(context[key])}`);
    }
    if ("exception" in context) {
      const error = context.exception;
      showAwaitChain(error);
      lines.push(error instanceof Error && error.stack ? error.stack : `exception: ${describe(error)}`);
    }
    console.error(lines.join("\n"));
  }

  /**
   * Passes `context` to the installed exception handler, or to the default one
   * (Python's `call_exception_handler`). An error thrown by the handler is logged,
   * never propagated, so the loop keeps running.
   */
  callExceptionHandler(context: ExceptionContext): void {
    const handler = this._exceptionHandler;
    if (handler === null) {
      try {
        this.defaultExceptionHandler(context);
      } catch {
        // Nothing sensible is left to do if logging itself fails.
      }
      return;
    }
    try {
      handler(this, context);
    } catch (error) {
      try {
        this.defaultExceptionHandler({ message: "Unhandled error in exception handler", exception: error, context });
      } catch {
        // As above.
      }
    }
  }

  /**
   * Installs the function that `createTask` uses to make tasks (Python's
   * `set_task_factory`); `null` restores the default.
   *
   * @throws TypeError if `factory` is neither a function nor null.
   */
  setTaskFactory(factory: TaskFactory | null): void {
    if (factory !== null && typeof factory !== "function") {
      throw new TypeError(`task factory must be a callable or null, got ${describe(factory)}`);
    }
    this._taskFactory = factory;
  }

  /** The factory set with `setTaskFactory`, or null. */
  getTaskFactory(): TaskFactory | null {
    return this._taskFactory;
  }

  /**
   * Runs `fn(...args)` on `executor`, or on the loop's default executor when it is
   * null or undefined, and gives a Future of its result (Python's `run_in_executor`).
   * On Node the default executor is a pool of worker threads: see `workerFunction`
   * for how a function reaches a worker.
   *
   * @throws RuntimeError if the loop is closed, or if `executor` is null after
   * `shutdownDefaultExecutor` or on a host without a default executor; TypeError if
   * `fn` is not a function or `executor` is not an Executor.
   */
  runInExecutor<A extends unknown[], R>(executor: Executor | null | undefined, fn: (...args: A) => R, ...args: A): Future<Awaited<R>> {
    this._checkClosed();
    this._checkCallback(fn, "runInExecutor");
    let target: Executor;
    if (executor === null || executor === undefined) {
      if (this._executorShutdownCalled) throw new RuntimeError("Executor shutdown has been called");
      target = this._defaultExecutor ??= _newDefaultExecutor();
    } else if (_isExecutor(executor)) {
      target = executor;
    } else {
      throw new TypeError(`executor must be an Executor (with submit and shutdown) or null, got ${describe(executor)}`);
    }
    const submitted = target.submit(fn as ExecutorFunction, ...args);
    const future = wrapPromise(submitted, this) as Future<Awaited<R>>;
    // Like wrap_future: cancelling the Future cancels the call if it has not started.
    const cancel = (submitted as { cancel?: unknown }).cancel;
    if (typeof cancel === "function") {
      future._addCallback(() => {
        if (future.cancelled()) cancel.call(submitted);
      });
    }
    return future;
  }

  /**
   * Makes `executor` the one `runInExecutor(null, …)` uses (Python's
   * `set_default_executor`).
   *
   * @throws TypeError if `executor` is not an Executor.
   */
  setDefaultExecutor(executor: Executor): void {
    if (!_isExecutor(executor)) {
      throw new TypeError(`executor must be an Executor (with submit and shutdown), got ${describe(executor)}`);
    }
    this._defaultExecutor = executor;
  }

  /**
   * Closes every async generator first used on this loop that is still suspended in its
   * body, concurrently, so their `finally` blocks run (Python's `shutdown_asyncgens`);
   * errors their closing raises go to the exception handler. `asyncio.run` calls it at
   * its end.
   */
  shutdownAsyncgens(): Coroutine<void> {
    return _asyncgenHooks.shutdown(this);
  }

  /**
   * Shuts the default executor down and waits for its work to finish, at most
   * `timeout` seconds when given (Python's `shutdown_default_executor`); after it,
   * `runInExecutor(null, …)` throws. `asyncio.run` calls it at its end.
   */
  *shutdownDefaultExecutor(timeout?: number | null): Coroutine<void> {
    this._executorShutdownCalled = true;
    const executor = this._defaultExecutor;
    if (executor === null) return;
    this._defaultExecutor = null;
    const finished = executor.shutdown(true);
    if (finished === undefined || typeof (finished as PromiseLike<void>).then !== "function") return;
    const joined = wrapPromise(finished as PromiseLike<void>, this);
    if (timeout === undefined || timeout === null) {
      yield* joined;
      return;
    }
    const gaveUp = this.createFuture<boolean>();
    const timer = this.callLater(timeout, () => {
      if (!gaveUp.done()) gaveUp.setResult(true);
    });
    joined.addDoneCallback(() => {
      if (!gaveUp.done()) gaveUp.setResult(false);
    });
    try {
      if (yield* gaveUp) console.warn(`The executor did not finish its work within ${timeout} seconds.`);
    } finally {
      timer.cancel();
    }
  }

  toString(): string {
    const state = this._closed ? "closed" : this._running ? "running" : "idle";
    return `<EventLoop #${this._id} ${state} debug=${this._debug}>`;
  }

  // ---- internals shared with futures, tasks and the drivers ----

  /** @internal Puts a task on the ready queue to run its next step. */
  _scheduleTask(task: Runnable): void {
    this._checkClosed();
    this._ready.push(task);
    if (this._host.sleeping) drivers.wakeHost(this);
  }

  /** @internal */
  _timerHandleCancelled(): void {
    this._timerCancelledCount++;
  }

  /** @internal */
  _checkClosed(): void {
    if (this._closed) throw new RuntimeError("Event loop is closed");
  }

  /** @internal */
  _checkCallback(callback: unknown, method: string): void {
    if (typeof callback !== "function") {
      throw new TypeError(`a callable object was expected by ${method}(), got ${describe(callback)}`);
    }
    if (isGeneratorFunction(callback)) {
      throw new TypeError(`coroutines cannot be used with ${method}(); wrap it in a task: loop.createTask(${callback.name || "coro"}(...))`);
    }
  }

  /** @internal Checks shared by both drivers before a run starts. */
  _beginRun(): void {
    this._checkClosed();
    if (this._running) throw new RuntimeError("This event loop is already running");
    if (runningLoop !== null) throw new RuntimeError("Cannot run the event loop while another loop is running");
    this._running = true;
    for (const hooks of loopHooks) hooks.runStarted?.(this);
    if (this._instruments !== null) this._instruments.emit("beforeRun", this);
  }

  /** @internal Both drivers call this when a run ends, however it ends. */
  _endRun(): void {
    this._stopping = false;
    this._running = false;
    for (const hooks of loopHooks) hooks.runEnded?.(this);
    if (this._instruments !== null) this._instruments.emit("afterRun", this);
  }

  /**
   * @internal One iteration (CPython's `_run_once`), without the wait for I/O, which
   * the drivers do between iterations.
   */
  _runOnce(): void {
    // Run only what was ready when this iteration began, so a callback that
    // schedules another cannot starve timers or I/O.
    const ntodo = this._beginIteration();
    const ready = this._ready;
    if (this._debug || this._instruments !== null) {
      for (let i = 0; i < ntodo; i++) this._runObserved(ready.shift());
    } else {
      for (let i = 0; i < ntodo; i++) ready.shift()._run();
    }
  }

  /**
   * @internal The head of an iteration: cancelled timers leave the heap, due ones move
   * to the ready queue. Returns how many ready items this iteration runs; a stepping
   * driver (the playground's) then calls `_runReadyItem` that many times, pausing
   * between any two.
   */
  _beginIteration(): number {
    const scheduled = this._scheduled;
    // No timer: nothing to drop or fire (the common case of a busy loop of task steps).
    if (scheduled.length === 0 && this._chaos === null) return this._ready.length;
    if (
      scheduled.length > MIN_SCHEDULED_TIMER_HANDLES &&
      this._timerCancelledCount / scheduled.length > MIN_CANCELLED_TIMER_HANDLES_FRACTION
    ) {
      // Too many cancelled timers: rebuild the heap without them, so a loop that
      // keeps starting and cancelling timeouts does not grow without bound.
      for (const timer of scheduled.toArray()) if (timer._cancelled) timer._scheduled = false;
      scheduled.compact();
      this._timerCancelledCount = 0;
    } else {
      this._dropCancelledTimersAtTop();
    }

    // Reading the clock costs about 50 ns, more than a task step: only when a timer could be due.
    if (this._chaos !== null) {
      this._beginPerturbedIteration(this._chaos);
    } else if (scheduled.length > 0) {
      const now = this._clock.now();
      const endTime = now + CLOCK_RESOLUTION;
      while (scheduled.length > 0) {
        const timer = scheduled.peek()!;
        // Past ~1.7e7 s (a VirtualClock jumped half a year) adding the resolution rounds
        // away, and a timer due exactly now would never fire: compare with now as well.
        if (timer._when >= endTime && timer._when > now) break;
        scheduled.pop();
        timer._scheduled = false;
        this._ready.push(timer);
        if (this._instruments !== null) this._instruments.emit("timerFired", timer);
      }
    }
    return this._ready.length;
  }

  /**
   * @internal Runs the head of the ready queue, as an iteration's body does; the caller
   * has counted it with `_beginIteration`.
   */
  _runReadyItem(): Runnable {
    const item = this._ready.shift();
    if (this._debug || this._instruments !== null) this._runObserved(item);
    else item._run();
    return item;
  }

  /**
   * @internal The start of `_runOnce` under a chaos schedule: the host settlements it
   * held, then the due timers, reordered where asyncio allows.
   */
  private _beginPerturbedIteration(chaos: SchedulePerturbation): void {
    chaos.beginIteration();
    const scheduled = this._scheduled;
    if (scheduled.length === 0) return;
    const now = this._clock.now();
    const endTime = now + CLOCK_RESOLUTION;
    const due: TimerHandle[] = [];
    while (scheduled.length > 0) {
      const timer = scheduled.peek()!;
      if (timer._when >= endTime && timer._when > now) break;
      scheduled.pop();
      due.push(timer);
    }
    if (due.length > 1) chaos.orderDueTimers(due);
    for (const timer of due) {
      timer._scheduled = false;
      this._ready.push(timer);
      if (this._instruments !== null) this._instruments.emit("timerFired", timer);
    }
  }

  /**
   * @internal A wrapped promise settled under a chaos schedule: the schedule delivers it
   * at the start of a later iteration, in an order of its choosing; wake the loop for it.
   */
  _deferHostSettlement(deliver: () => void): void {
    this._chaos!.hostSettled(deliver);
    if (this._host.sleeping) drivers.wakeHost(this);
  }

  /**
   * @internal The drivers call this when the loop is about to wait (nothing is ready)
   * until loop time `deadline` (null: until the host brings work): the moment for slow
   * bookkeeping that must stay off the path of ready work.
   */
  _idleBegin(deadline: number | null): void {
    if (this._unretrieved !== null) this._unretrieved.age();
    if (this._instruments !== null) this._instruments.emit("idleBegin", this, deadline);
  }

  /** @internal The drivers call this when the wait that `_idleBegin` announced is over. */
  _idleEnd(): void {
    if (this._instruments !== null) this._instruments.emit("idleEnd", this);
  }

  /** @internal Pops cancelled timers off the top of the heap. */
  _dropCancelledTimersAtTop(): void {
    const scheduled = this._scheduled;
    while (scheduled.length > 0 && scheduled.peek()!._cancelled) {
      this._timerCancelledCount--;
      scheduled.pop()!._scheduled = false;
    }
  }

  /**
   * Runs one ready item for the instruments and debug mode: timed, and reported. A task
   * step reports itself (Task._step), wherever it runs from: the ready queue, or the done
   * callbacks of the future it waited on.
   */
  private _runObserved(item: Runnable): void {
    const instruments = this._instruments;
    const callback = instruments !== null && !(item instanceof Task && item._state === 0) ? (item as Handle | Future<unknown>) : null;
    if (callback !== null) instruments!.emit("beforeCallback", callback);
    const debug = this._debug;
    const start = debug ? performance.now() : 0;
    const watch = debug ? this._slowWatch : null;
    if (watch !== null) watch.begin(start, this.slowCallbackDuration);
    item._run();
    if (debug) {
      const seconds = (performance.now() - start) / 1000;
      const culprit = watch === null ? null : watch.end();
      if (seconds >= this.slowCallbackDuration) {
        // CPython's words, then, where the host could see it, the code that held the loop.
        const where = culprit === null ? "" : `; it was blocked in ${culprit}`;
        console.warn(`Executing ${String(item)} took ${seconds.toFixed(3)} seconds${where}`);
      }
    }
    // The instruments may have been removed during the callback.
    if (callback !== null) this._instruments?.emit("afterCallback", callback);
  }

  private _beginUntilComplete<T>(aw: Coroutine<T> | Future<T> | PromiseLike<T>): Future<T> {
    this._checkClosed();
    if (this._running) throw new RuntimeError("This event loop is already running");
    if (runningLoop !== null) throw new RuntimeError("Cannot run the event loop while another loop is running");
    const future = _ensureFuture(aw, this);
    future._addCallback(stopLoopWhenDone as never);
    return future;
  }

  private _endUntilComplete<T>(future: Future<T>): T {
    if (!future.done()) throw new RuntimeError("Event loop stopped before Future completed.");
    // The error leaves the loop here, to the user: it shows the tasks it went through.
    if (future._exc !== 0) showAwaitChain(future._result);
    else if (future.cancelled()) {
      // A cancellation has no stack outside debug mode: it gets the line that says why.
      const cancelled = future._makeCancelledError();
      showAwaitChain(cancelled);
      throw cancelled;
    }
    return future.result();
  }
}

/**
 * @internal Python's `ensure_future`: a Future stays as it is, a coroutine becomes a
 * Task on `loop`, a promise is followed by a new Future.
 */
export function _ensureFuture<T>(aw: Coroutine<T> | Future<T> | PromiseLike<T>, loop: EventLoop | null): Future<T> {
  if (aw instanceof Future) {
    if (loop !== null && aw._loop !== loop) {
      throw new RangeError("The future belongs to a different loop than the one specified as the loop argument");
    }
    return aw;
  }
  if (isCoroutine(aw)) return (loop ?? getEventLoop()).createTask(aw);
  if (aw !== null && typeof (aw as PromiseLike<T>)?.then === "function") return wrapPromise(aw as PromiseLike<T>, loop ?? getEventLoop());
  throw new TypeError(`An asyncio.Future, a coroutine or an awaitable is required, got ${describe(aw)}`);
}

function stopLoopWhenDone(future: Future<unknown>): void {
  future.getLoop().stop();
}

// ---- the policy: which loop getEventLoop() returns ----

let currentLoop: EventLoop | null = null;
let setEventLoopCalled = false;

/**
 * The running loop (Python's `get_running_loop`).
 *
 * @throws RuntimeError when no loop is running in this turn.
 */
export function getRunningLoop(): EventLoop {
  if (runningLoop === null) throw new RuntimeError("no running event loop");
  return runningLoop;
}

/**
 * The running loop if there is one, else the current loop set with `setEventLoop`;
 * if none was ever set, a new loop that becomes the current one (Python's
 * `get_event_loop`).
 *
 * @throws RuntimeError when `setEventLoop(null)` was called (as `asyncio.run` does at
 * its end) and no loop is set.
 */
export function getEventLoop(): EventLoop {
  if (runningLoop !== null) return runningLoop;
  if (currentLoop === null) {
    if (setEventLoopCalled) {
      throw new RuntimeError(
        "There is no current event loop: setEventLoop(null) was called (asyncio.run does so when it ends); " +
          "call asyncio.setEventLoop(asyncio.newEventLoop()) first",
      );
    }
    currentLoop = new EventLoop();
  }
  return currentLoop;
}

/**
 * Makes `loop` the current loop that `getEventLoop` returns (Python's `set_event_loop`).
 *
 * @throws TypeError if `loop` is neither an EventLoop nor null.
 */
export function setEventLoop(loop: EventLoop | null): void {
  if (loop !== null && !(loop instanceof EventLoop)) {
    throw new TypeError(`loop must be an instance of EventLoop or null, not ${describe(loop)}`);
  }
  setEventLoopCalled = true;
  currentLoop = loop;
}

/** A new event loop (Python's `new_event_loop`); it is not made current. */
export function newEventLoop(options: EventLoopOptions = {}): EventLoop {
  return new EventLoop(options);
}
