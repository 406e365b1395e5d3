/**
 * TaskGroup (Python's `asyncio.TaskGroup`, 3.13 semantics): structured concurrency.
 */
import type { Coroutine } from "./coroutines";
import { type EventLoop, getRunningLoop } from "./events";
import { CancelledError, ExceptionGroup, RuntimeError } from "./exceptions";
import { Future } from "./futures";
import { describe } from "./repr";
import { type Task, type TaskOptions, currentTask } from "./tasks";

/**
 * An asynchronous context manager that owns the tasks created through it: on exit it
 * waits for all of them. The first task that fails cancels the body and every other
 * task; the errors are then thrown together as an `ExceptionGroup` (the siblings'
 * CancelledErrors are not included). Use it with `asyncWith`.
 *
 * @example
 * function* main() {
 *   const group = new asyncio.TaskGroup();
 *   const results = yield* asyncio.asyncWith(group, function* (tg) {
 *     const a = tg.createTask(asyncio.sleep(2, "a"));
 *     const b = tg.createTask(asyncio.sleep(1, "b"));
 *     return [a, b];
 *   });
 *   return results!.map((t) => t.result()).join("");
 * }
 * console.assert(asyncio.runSync(main(), { clock: new asyncio.VirtualClock() }) === "ab");
 */
/** @internal Each entered group's `_onTaskDone`, which its children hold as a done callback. */
export const _groupOfCallback = new WeakMap<object, TaskGroup>();

export class TaskGroup {
  /** @internal */ _entered = false;
  /** @internal */ _exiting = false;
  /** @internal */ _aborting = false;
  /** @internal */ _loop: EventLoop | null = null;
  /** @internal */ _parentTask: Task<unknown> | null = null;
  /** @internal */ _parentCancelRequested = false;
  /** @internal */ _tasks = new Set<Task<unknown>>();
  /** @internal */ _errors: unknown[] = [];
  /** @internal */ _onCompleted: Future<boolean> | null = null;
  /** @internal Called by each task when done. */
  readonly _onTaskDone = (task: Future<unknown>): void => this._taskDone(task as Task<unknown>);

  /**
   * Enters the group in the current task.
   *
   * @throws RuntimeError if entered before, or used outside a task.
   */
  *aenter(): Coroutine<TaskGroup> {
    if (this._entered) throw new RuntimeError(`TaskGroup ${this} has already been entered`);
    this._loop ??= getRunningLoop();
    const parent = currentTask(this._loop);
    if (parent === undefined) throw new RuntimeError(`TaskGroup ${this} cannot determine the parent task`);
    this._parentTask = parent;
    this._entered = true;
    // So that a task table can tell a child's group (and parent) from its done callback.
    _groupOfCallback.set(this._onTaskDone, this);
    return this;
  }

  /**
   * Waits for every task of the group, then throws what must be thrown: the parent's
   * own cancellation, or an ExceptionGroup of the errors.
   */
  *aexit(error?: unknown): Coroutine<boolean> {
    const hasError = arguments.length > 0;
    this._exiting = true;
    let propagateCancellation: unknown = hasError && error instanceof CancelledError ? error : null;
    let hasPropagate = propagateCancellation !== null;
    // The body failed or the parent is being cancelled: stop the tasks too.
    if (hasError && !this._aborting) this._abort();

    // A loop, because the wait can be cancelled more than once when the parent task
    // is cancelled repeatedly.
    while (this._tasks.size > 0) {
      this._onCompleted ??= new Future<boolean>(this._loop!);
      try {
        yield* this._onCompleted;
      } catch (cancelled) {
        if (!(cancelled instanceof CancelledError)) throw cancelled;
        if (!this._aborting) {
          // The parent is being cancelled while the tasks still run.
          propagateCancellation = cancelled;
          hasPropagate = true;
          this._abort();
        }
      }
      this._onCompleted = null;
    }

    if (this._parentCancelRequested) {
      // The group cancelled its parent to stop the body: withdraw that request, and
      // only propagate the CancelledError if someone else asked for one too.
      if (this._parentTask!.uncancel() === 0) hasPropagate = false;
    }
    const errors = this._errors;
    if (hasPropagate && errors.length === 0) throw propagateCancellation;
    if (hasError && !(error instanceof CancelledError)) errors.push(error);
    if (errors.length > 0) {
      // A cancellation from outside the group stays requested: un-cancel and
      // re-cancel the parent so the count of requests is unchanged.
      if (this._parentTask!.cancelling() > 0) {
        this._parentTask!.uncancel();
        this._parentTask!.cancel();
      }
      this._parentTask = null;
      this._errors = [];
      throw new ExceptionGroup("unhandled errors in a TaskGroup", errors);
    }
    this._parentTask = null;
    return false;
  }

  /**
   * Creates a task in the group (Python's `TaskGroup.create_task`).
   *
   * @throws RuntimeError if the group was not entered, is finished, or is shutting
   * down after a failure.
   */
  createTask<T>(coro: Coroutine<T>, options: TaskOptions = {}): Task<T> {
    let refusal: string | null = null;
    if (!this._entered) refusal = `TaskGroup ${this} has not been entered`;
    else if (this._exiting && this._tasks.size === 0) refusal = `TaskGroup ${this} is finished`;
    else if (this._aborting) refusal = `TaskGroup ${this} is shutting down`;
    if (refusal !== null) {
      closeCoroutine(coro);
      throw new RuntimeError(refusal);
    }
    const task = this._loop!.createTask(coro, options);
    // A task that finished eagerly is accounted for at once.
    if (task.done()) {
      this._taskDone(task as Task<unknown>);
    } else {
      this._tasks.add(task as Task<unknown>);
      task._addCallback(this._onTaskDone);
    }
    return task;
  }

  toString(): string {
    const info: string[] = [];
    if (this._tasks.size > 0) info.push(`tasks=${this._tasks.size}`);
    if (this._errors.length > 0) info.push(`errors=${this._errors.length}`);
    if (this._aborting) info.push("cancelling");
    else if (this._entered) info.push("entered");
    return `<TaskGroup${info.length > 0 ? ` ${info.join(" ")}` : ""}>`;
  }

  private _abort(): void {
    this._aborting = true;
    for (const task of this._tasks) if (!task.done()) task.cancel();
  }

  private _taskDone(task: Task<unknown>): void {
    this._tasks.delete(task);
    if (this._onCompleted !== null && this._tasks.size === 0 && !this._onCompleted.done()) {
      this._onCompleted.setResult(true);
    }
    if (task.cancelled()) return;
    const error = task.exception();
    if (task._exc === 0) return;
    this._errors.push(error);
    const parent = this._parentTask!;
    if (parent.done()) {
      this._loop!.callExceptionHandler({
        message: `Task ${task} has errored out but its parent task ${parent} is already completed`,
        exception: error,
        task,
      });
      return;
    }
    if (!this._aborting && !this._parentCancelRequested) {
      // Cancel the parent to stop the body wherever it waits; aexit withdraws this
      // cancellation again, so code after the group goes on normally.
      this._abort();
      this._parentCancelRequested = true;
      parent.cancel();
    }
  }
}

function closeCoroutine(coro: unknown): void {
  // Like Python's coro.close(): the refused coroutine never runs.
  if (coro !== null && typeof (coro as Generator).return === "function") (coro as Generator).return(undefined);
  else throw new TypeError(`a coroutine was expected, got ${describe(coro)}`);
}
