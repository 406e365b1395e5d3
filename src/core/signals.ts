/**
 * AbortSignal both ways, the web's cancellation token next to asyncio's (Python has no
 * such thing; this is asyncio-ts's bridge to native code):
 * - out of asyncio: `wrapPromise((signal) => fetch(url, { signal }))` hands native code a
 *   signal that aborts when the Future is cancelled, and `currentSignal()` gives the
 *   running task's signal, aborted when the task is cancelled or ends;
 * - into asyncio: `createTask(coro, { signal })` and `run(main, { signal })` cancel the
 *   task when a signal aborts.
 *
 * An abort that a cancellation causes has for its reason a DOMException named
 * "AbortError" whose `cause` is the CancelledError: `signal.reason` is what `fetch` and
 * the other abortable host APIs reject with, and native code (and libraries built on
 * it) recognises an abort by `error.name === "AbortError"`, as after a plain
 * `controller.abort()`.
 */
import { type EventLoop, _getRunningLoop, getEventLoop } from "./events";
import { CancelledError, RuntimeError } from "./exceptions";
import { type Future, wrapPromise } from "./futures";
import { describe, isThenable } from "./repr";
import type { Task } from "./tasks";

/**
 * @internal The error a signal aborts with: a DOMException "AbortError" (an Error with
 * that name on a host without DOMException), with `cause` when one is given.
 */
export function _abortError(message: string, cause?: unknown): Error {
  const error: Error =
    typeof DOMException === "function" ? new DOMException(message, "AbortError") : Object.assign(new Error(message), { name: "AbortError" });
  if (cause !== undefined) Object.defineProperty(error, "cause", { value: cause, writable: true, configurable: true });
  return error;
}

/** A cancelled future's CancelledError, without using up the one a task keeps to re-raise. */
function cancelledErrorOf(future: Future<unknown>): CancelledError {
  const reason = future._result;
  return reason instanceof CancelledError ? reason : new CancelledError(future._cancelMessage());
}

function withMessage(text: string, message: string): string {
  return message === "" ? text : `${text}: ${message}`;
}

/**
 * @internal Throws TypeError unless `signal` is an AbortSignal, or an object with its
 * shape (`aborted`, `addEventListener`, `removeEventListener`): a polyfill's or another
 * realm's signal is one too.
 */
export function _checkSignal(signal: unknown, what: string): asserts signal is AbortSignal {
  const s = signal as Partial<AbortSignal> | null;
  if (
    s === null ||
    typeof s !== "object" ||
    typeof s.aborted !== "boolean" ||
    typeof s.addEventListener !== "function" ||
    typeof s.removeEventListener !== "function"
  ) {
    throw new TypeError(`${what} must be an AbortSignal, null or undefined, got ${describe(signal)}`);
  }
}

/** A task's cancel message from a signal's reason: the reason if it is a string. */
function cancelMessage(signal: AbortSignal): string | undefined {
  const reason: unknown = signal.reason;
  return typeof reason === "string" ? reason : undefined;
}

/**
 * The tasks that one signal cancels when it aborts. A signal gets one listener however
 * many tasks it serves: a host's EventTarget looks through its listeners on every
 * add and remove (100 000 tasks on one signal would take quadratic time) and, on Node,
 * warns of a leak past ten.
 */
class SignalWatch {
  readonly tasks = new Set<Task<unknown>>();

  constructor(readonly signal: AbortSignal) {}

  readonly onAbort = (): void => {
    watches.delete(this.signal);
    const message = cancelMessage(this.signal);
    const tasks = [...this.tasks];
    this.tasks.clear();
    for (const task of tasks) task.cancel(message);
  };

  /** A done callback of each task: the signal's listener goes with the last task. */
  readonly onTaskDone = (task: Future<unknown>): void => {
    if (!this.tasks.delete(task as Task<unknown>) || this.tasks.size > 0) return;
    watches.delete(this.signal);
    this.signal.removeEventListener("abort", this.onAbort);
  };
}

const watches = new WeakMap<AbortSignal, SignalWatch>();

/**
 * @internal `createTask(coro, { signal })`: cancels `task` when `signal` aborts, or at
 * once if it has (before the first step: the coroutine's body never runs, as with
 * Python's `create_task(c()).cancel()`). The task stops listening when done, so a
 * long-lived signal does not keep finished tasks alive.
 */
export function _cancelOnAbort(task: Task<unknown>, signal: AbortSignal): void {
  if (signal.aborted) {
    task.cancel(cancelMessage(signal));
    return;
  }
  let watch = watches.get(signal);
  if (watch === undefined) {
    watch = new SignalWatch(signal);
    watches.set(signal, watch);
    signal.addEventListener("abort", watch.onAbort, { once: true });
  }
  watch.tasks.add(task);
  task._addCallback(watch.onTaskDone as never);
}

/**
 * @internal `wrapPromise(start)`: calls `start(signal)` at once and follows the promise
 * it returns; cancelling the Future aborts the signal (the promise's outcome is then
 * ignored, a rejection included).
 */
export function _wrapAbortable<T>(start: (signal: AbortSignal) => PromiseLike<T>, loop: EventLoop | undefined): Future<T> {
  const target = loop ?? getEventLoop();
  const controller = new AbortController();
  let promise: PromiseLike<T>;
  try {
    promise = start(controller.signal);
  } catch (error) {
    // Whatever `start` set up before it threw is told to stop.
    controller.abort(_abortError("The operation was aborted: the function given to wrapPromise() threw", error));
    throw error;
  }
  if (!isThenable(promise)) {
    controller.abort(_abortError("The operation was aborted: the function given to wrapPromise() returned no promise"));
    throw new TypeError(
      `wrapPromise() needs a function that returns a promise or thenable, got ${describe(start)} returning ${describe(promise)}`,
    );
  }
  const future = wrapPromise(promise, target);
  const abortIfCancelled = (): void => {
    if (!future.cancelled()) return;
    const cancelled = cancelledErrorOf(future as Future<unknown>);
    controller.abort(_abortError(withMessage("The operation was aborted: its Future was cancelled", cancelled.message), cancelled));
  };
  future._addCallback(abortIfCancelled as never);
  return future;
}

// ---- the running task's signal ----

/** The controllers of the tasks that asked for their signal; most tasks never do. */
const taskControllers = new WeakMap<Task<unknown>, AbortController>();

/**
 * @internal How many tasks not yet done hold a signal: while none does, `Task.cancel`
 * looks nothing up.
 */
export const _taskSignals = { live: 0 };

function cancelledTaskError(task: Task<unknown>, message: string | undefined, cause: CancelledError): Error {
  return _abortError(withMessage(`The operation was aborted: task '${task.getName()}' was cancelled`, message ?? ""), cause);
}

/** @internal Called by `Task.cancel` on a task that is not done, while `_taskSignals.live` is not 0. */
export function _abortTaskSignal(task: Task<unknown>, msg: string | undefined): void {
  const controller = taskControllers.get(task);
  if (controller !== undefined && !controller.signal.aborted) {
    controller.abort(cancelledTaskError(task, msg, new CancelledError(msg ?? "")));
  }
}

/** A done task's signal aborts: its lifetime is over, however it ended. */
function abortAtEnd(task: Future<unknown>): void {
  const t = task as Task<unknown>;
  const controller = taskControllers.get(t);
  if (controller === undefined) return;
  taskControllers.delete(t);
  _taskSignals.live--;
  if (controller.signal.aborted) return;
  if (t.cancelled()) {
    const cancelled = cancelledErrorOf(t);
    controller.abort(cancelledTaskError(t, cancelled.message, cancelled));
  } else {
    controller.abort(_abortError(`The operation was aborted: task '${t.getName()}' is done`));
  }
}

/**
 * The running task's AbortSignal, for native code that the task starts: it aborts when
 * the task is cancelled (`task.cancel()` is called, by anyone: a timeout, `waitFor`, a
 * TaskGroup, the end of `run`), and when the task ends, however it ends (returned,
 * failed or cancelled), so that what is tied to it (a `fetch`, an
 * `addEventListener(…, { signal })`, a timer) never outlives the task. asyncio-ts's own
 * answer to Effection's `useAbortSignal`; Python has no signals.
 *
 * The signal is made on the first call (a task that never asks pays nothing); it is
 * aborted at once when a cancellation is already requested. The reason is a
 * DOMException named "AbortError", with the CancelledError as its `cause` when a
 * cancellation caused the abort.
 *
 * An aborted signal cannot be un-aborted. A task that goes on after a cancellation
 * (a `timeout` or `waitFor` turned it into TimeoutError and called `uncancel()`, or a
 * TaskGroup withdrew the cancellation it made to stop its body) keeps the aborted
 * signal until it has withdrawn every request (`task.cancelling()` is 0 again); the
 * next call then gives a new signal. Take the signal where the operation starts, not
 * once for the whole task. For one operation with its own lifetime, prefer
 * `wrapPromise((signal) => …)`.
 *
 * @example
 * function* worker(log: string[]) {
 *   const signal = asyncio.currentSignal();
 *   signal.addEventListener("abort", () => log.push(`aborted: ${signal.reason.name}`));
 *   yield* asyncio.sleep(10);
 * }
 * function* main() {
 *   const log: string[] = [];
 *   const task = asyncio.createTask(worker(log));
 *   yield* asyncio.sleep(1);
 *   task.cancel();
 *   return log;
 * }
 * const log = asyncio.runSync(main(), { clock: new asyncio.VirtualClock() });
 * console.assert(log.join() === "aborted: AbortError");
 *
 * @throws RuntimeError when no loop is running, or when called outside a task (in a
 * callback or native code, which have no task: pass a signal along instead).
 */
export function currentSignal(): AbortSignal {
  const loop = _getRunningLoop();
  if (loop === null) throw new RuntimeError("currentSignal() needs a running task: no running event loop");
  const task = loop._currentTask;
  if (task === null) {
    throw new RuntimeError("currentSignal() was called outside a task (in a callback?): only a running task has a signal; pass one along");
  }
  let controller = taskControllers.get(task);
  if (controller === undefined) {
    _taskSignals.live++;
    task._addCallback(abortAtEnd as never);
  } else if (!controller.signal.aborted || task.cancelling() > 0) {
    return controller.signal;
  }
  // A first signal, or a new one once every cancellation was withdrawn.
  controller = new AbortController();
  taskControllers.set(task, controller);
  if (task.cancelling() > 0) controller.abort(cancelledTaskError(task, task._cancelMessage(), new CancelledError(task._cancelMessage())));
  return controller.signal;
}
