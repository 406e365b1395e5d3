/**
 * Task, which drives a generator coroutine step by step as CPython's `Task.__step`
 * drives `coro.send()`, and the task functions of Python's `asyncio/tasks.py`:
 * createTask, ensureFuture, currentTask, allTasks, the eager task factories. The waiting
 * functions (sleep, gather, wait, …) are in waiting.ts.
 */
import { type Awaitable, type Coroutine, type Suspension, _claim, isCoroutine } from "./coroutines";
import { type EventLoop, type TaskFactory, _ensureFuture, getRunningLoop } from "./events";
import { type Context, EMPTY_VARS, type VarMap, _currentVars, enter, leave } from "./contextvars";
import { CancelledError, InvalidStateError, RuntimeError } from "./exceptions";
import { Future, StepError } from "./futures";
import { describe, isGeneratorFunction, isThenable } from "./repr";
import { _abortTaskSignal, _cancelOnAbort, _checkSignal, _taskSignals } from "./signals";
import { creationPlace, describeCoroutine, placeOf, recordCreation, stepStarts, suspensionChain } from "./sites";

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
  /**
   * Cancels the task when this AbortSignal aborts (`task.cancel(reason)` when the reason
   * is a string, else `task.cancel()`); a signal already aborted cancels it before its
   * first step, so its coroutine's body never runs. The task stops listening when done.
   */
  signal?: AbortSignal | null;
}

let taskNameCounter = 0;
/** The tasks whose `cancel` is passing the cancellation on to what they wait on, innermost last. */
const cancelling: Task<unknown>[] = [];
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
  /** @internal The name; a number N for the default `Task-N`, made only when asked for. */
  _name: string | number;
  /** @internal The context every step runs in when one was given; else the task holds its own (`_map`). */
  _context: Context | null;
  /** @internal The task's own context values (see ContextState). */
  _map: VarMap;
  /** @internal */ _entered: boolean;
  /** @internal The future this task waits on (Python's `_fut_waiter`). */
  _futWaiter: Future<unknown> | null;
  /** @internal Cancel at the next step (Python's `_must_cancel`). */
  _mustCancel: boolean;
  /** @internal */ _numCancelsRequested: number;
  /**
   * @internal How the next step resumes the coroutine: with the outcome of the future
   * whose completion scheduled it (Python's `__wakeup`), by throwing an error in, or,
   * when null, plainly.
   */
  _resume: Future<unknown> | StepError | null;
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
    const signal = options.signal;
    if (signal !== undefined && signal !== null) _checkSignal(signal, "createTask() signal");
    this._coro = _claim(coro) ? coro : alreadyAwaited();
    this._name = options.name === undefined ? ++taskNameCounter : String(options.name);
    this._context = options.context ?? null;
    // Without an explicit context the task is its own copy of the current one.
    this._map = options.context === undefined ? _currentVars() : EMPTY_VARS;
    this._entered = false;
    this._futWaiter = null;
    this._mustCancel = false;
    this._numCancelsRequested = 0;
    this._resume = null;
    const loop = this._loop;
    const head = loop._liveTasks;
    this._liveNext = head;
    this._livePrev = null;
    if (head !== null) head._livePrev = this as Task<unknown>;
    loop._liveTasks = this as Task<unknown>;
    if (loop._debug) recordCreation(this as Task<unknown>, new.target);
    if (signal !== undefined && signal !== null) _cancelOnAbort(this as Task<unknown>, signal);
    if (options.eagerStart === true && loop._running && !this._mustCancel) {
      if (loop._instruments !== null) loop._instruments.emit("taskSpawned", this as Task<unknown>);
      this._eagerStart();
    } else {
      loop._scheduleTask(this);
      if (loop._instruments !== null) loop._instruments.emit("taskSpawned", this as Task<unknown>);
    }
  }

  /** The task's name. */
  getName(): string {
    return typeof this._name === "number" ? `Task-${this._name}` : this._name;
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
    // The task's own signal (currentSignal) aborts when cancellation is requested.
    if (_taskSignals.live !== 0) _abortTaskSignal(this as Task<unknown>, msg);
    const waitingOn = this._futWaiter;
    if (waitingOn !== null) {
      if (cancelling.includes(this as Task<unknown>)) {
        // Tasks awaiting each other in a ring: cancelling what this one waits on has
        // come back to it. Python recurses until RecursionError; instead, break the ring
        // here: this task stops waiting and takes the CancelledError at its next step.
        waitingOn._removeCallback(this as never);
        this._futWaiter = null;
        this._mustCancel = true;
        this._result = msg;
        this._loop._scheduleTask(this);
        return true;
      }
      // Cancel what the task waits on; if that succeeds, the wake-up brings the
      // CancelledError. The waited-on task may swallow it, so keep _futWaiter.
      cancelling.push(this as Task<unknown>);
      try {
        if (waitingOn.cancel(msg)) return true;
      } finally {
        cancelling.pop();
      }
    }
    this._mustCancel = true;
    this._result = msg;
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
    const state = this._stateDescription();
    let head = `${/^\w+/.exec(state)![0]} name='${this.getName()}'`;
    let tail = state.replace(/^\w+/, "");
    if (this._loop._debug) {
      // What CPython shows in debug mode: the coroutine and where it waits, and where
      // the task was made.
      const chain = this._state === 0 ? suspensionChain(this as Task<unknown>) : null;
      if (chain !== null) head += ` coro=<${describeCoroutine(chain[chain.length - 1]!)}>`;
      const created = creationPlace(this as Task<unknown>);
      if (created !== null) tail += ` created at ${placeOf(created)}`;
    }
    return `<Task ${head}${tail}>`;
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
    const resume = this._resume;
    if (resume === null) {
      this._step(false, undefined);
      return;
    }
    this._resume = null;
    if (resume instanceof StepError) {
      this._step(true, resume.error);
    } else if (resume._state === 2 && resume._exc === 0) {
      // Python's Task.__wakeup: resume with the awaited future's outcome.
      this._step(false, undefined);
    } else {
      let error: unknown;
      try {
        resume.result();
      } catch (e) {
        error = e;
      }
      this._step(true, error);
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
    const instruments = loop._instruments;
    if (instruments === null) {
      this._runStep(hasError, error);
    } else {
      instruments.emit("beforeTaskStep", this as Task<unknown>);
      this._runStep(hasError, error);
      instruments.emit("afterTaskStep", this as Task<unknown>, this._state === 0 ? this._futWaiter : null);
    }
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
    const instruments = loop._instruments;
    if (instruments !== null) instruments.emit("beforeTaskStep", this as Task<unknown>);
    try {
      this._runStep(false, undefined);
    } finally {
      loop._currentTask = creator;
      if (instruments !== null) instruments.emit("afterTaskStep", this as Task<unknown>, this._state === 0 ? this._futWaiter : null);
    }
  }

  /** @internal Python's `__step_run_and_handle_result`, in the task's context. */
  _runStep(hasError: boolean, error: unknown): void {
    const loop = this._loop;
    if (loop._debug) stepStarts(this as Task<unknown>, loop.time());
    const outerContext = enter(this._context ?? this);
    let step: IteratorResult<Suspension | undefined, T>;
    try {
      step = hasError ? this._coro.throw(error) : this._coro.next(undefined);
    } catch (thrown) {
      leave(outerContext);
      if (thrown instanceof CancelledError) {
        // Kept to be re-raised as it is to whoever awaits this task.
        this._finish();
        super._cancelWith(thrown);
      } else {
        this._finish();
        super.setException(thrown);
      }
      if (loop._instruments !== null) loop._instruments.emit("taskExited", this as Task<unknown>);
      return;
    }
    leave(outerContext);
    if (step.done) {
      this._finish();
      if (this._mustCancel) {
        // Cancelled right before the coroutine returned.
        this._mustCancel = false;
        super._cancelWith(this._result as string | undefined);
      } else {
        super.setResult(step.value);
      }
      if (loop._instruments !== null) loop._instruments.emit("taskExited", this as Task<unknown>);
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
        if (this._mustCancel && yielded.cancel(this._result as string | undefined)) this._mustCancel = false;
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
    this._resume = new StepError(error);
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


// biome-ignore lint/correctness/useYield: it fails at its first step, as Python's reused coroutine does.
function* alreadyAwaited(): Coroutine<never> {
  throw new RuntimeError("cannot reuse already awaited coroutine");
}

function notACoroutine(value: unknown): string {
  const hint = isGeneratorFunction(value)
    ? `; call it to get a coroutine: ${(value as { name: string }).name || "coro"}(...)`
    : isThenable(value)
      ? "; to run a promise, use asyncio.wrapPromise(promise)"
      : "";
  return `a coroutine was expected, got ${describe(value)}${hint}`;
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

/** A Task class, or a subclass, as `createEagerTaskFactory` takes it. */
export type TaskConstructor = new <T>(coro: Coroutine<T>, options: TaskOptions, loop: EventLoop) => Task<T>;

/**
 * A task factory that starts each task eagerly: its first step runs at once, inside
 * `createTask`, so a coroutine that finishes without waiting never touches the ready
 * queue (Python 3.12's `asyncio.create_eager_task_factory`). Install it with
 * `loop.setTaskFactory(...)`.
 */
export function createEagerTaskFactory(taskConstructor: TaskConstructor = Task as TaskConstructor): TaskFactory {
  if (typeof taskConstructor !== "function") {
    throw new TypeError(`createEagerTaskFactory() needs a Task class, got ${describe(taskConstructor)}`);
  }
  return (loop, coro, options) => new taskConstructor(coro, { ...options, eagerStart: options.eagerStart ?? true }, loop);
}

/**
 * The eager task factory for plain Tasks (Python 3.12's `asyncio.eager_task_factory`).
 *
 * @example
 * function* main() {
 *   asyncio.getRunningLoop().setTaskFactory(asyncio.eagerTaskFactory);
 *   const task = asyncio.createTask((function* () { return "ran at once"; })());
 *   return task.done() && task.result();
 * }
 * console.assert(asyncio.runSync(main()) === "ran at once");
 */
export const eagerTaskFactory: TaskFactory = createEagerTaskFactory();
