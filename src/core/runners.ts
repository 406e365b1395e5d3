/**
 * asyncio.run and its synchronous twin runSync (Python's `asyncio.run` and
 * `asyncio.Runner`).
 */
import { type Coroutine, isCoroutine } from "./coroutines";
import { type EventLoop, type EventLoopOptions, _getRunningLoop, newEventLoop, setEventLoop } from "./events";
import { CancelledError, KeyboardInterrupt, RuntimeError } from "./exceptions";
import type { Future } from "./futures";
import { describe } from "./repr";
import { _checkSignal } from "./signals";
import { type Task, allTasks } from "./tasks";
import { gather } from "./waiting";

/** Options of `run` and `runSync`. */
export interface RunOptions extends EventLoopOptions {
  /**
   * Cancels the main task when this AbortSignal aborts (as `createTask(main, { signal })`
   * does; already aborted: `main`'s body never runs), so its `finally` blocks run; the
   * run then ends with CancelledError, unless `main` caught it.
   */
  signal?: AbortSignal | null;
}

/**
 * Runs `main` as the main task of a new event loop over the host's event loop, so
 * timers and host I/O both work; then cancels the tasks left over, closes the loop and
 * settles with `main`'s result or error (Python's `asyncio.run`).
 *
 * On Node, as in Python, the first Ctrl-C (SIGINT, when nothing else listens for it)
 * cancels the main task, so its `finally` blocks run, and the promise then rejects with
 * `KeyboardInterrupt`; a second Ctrl-C ends the process. An AbortSignal given as
 * `options.signal` cancels the main task the same way when it aborts; the promise then
 * rejects with CancelledError.
 *
 * @example
 * function* main() {
 *   const [a, b] = yield* asyncio.gather(asyncio.sleep(2, "a"), asyncio.sleep(1, "b"));
 *   return a + b;
 * }
 * console.assert((await asyncio.run(main(), { clock: new asyncio.VirtualClock() })) === "ab");
 *
 * @example
 * function* serve() {
 *   yield* asyncio.sleep(3600);
 * }
 * const outcome = await asyncio.run(serve(), { signal: AbortSignal.timeout(10) }).catch((error) => error);
 * console.assert(outcome instanceof asyncio.CancelledError);
 *
 * @throws RuntimeError at once (not as a rejection) when called from a running loop;
 * RangeError at once if `main` is not a coroutine (Python's ValueError); TypeError at
 * once if `options.signal` is not an AbortSignal; the promise rejects with
 * KeyboardInterrupt after an interrupt, with CancelledError after the signal aborted,
 * or with `main`'s error.
 */
export function run<T>(main: Coroutine<T>, options: RunOptions = {}): Promise<T> {
  // Checked before any await, so that misuse (a run inside a running loop) throws at
  // the call site, as Python's RuntimeError does, instead of rejecting a promise that
  // the caller (a coroutine, which cannot await it) never sees.
  const loop = startRun(main, options, "asyncio.run()");
  return runOnHost(loop, main, options.signal);
}

async function runOnHost<T>(loop: EventLoop, main: Coroutine<T>, signal: AbortSignal | null | undefined): Promise<T> {
  let interrupts = 0;
  let watch: InterruptWatch | null = null;
  try {
    const task = loop.createTask(main, { signal });
    // Python's Runner: the first interrupt cancels the main task (its cleanup runs),
    // a second one is not caught (the host's default: the process ends).
    watch =
      interruptWatcher?.(() => {
        interrupts++;
        if (!task.done()) task.cancel();
        return interrupts === 1;
      }) ?? null;
    loop._host.keepAlive = watch;
    try {
      return await loop.runUntilComplete(task);
    } catch (error) {
      if (error instanceof CancelledError && interrupts > 0 && task.uncancel() === 0) throw new KeyboardInterrupt();
      throw error;
    }
  } finally {
    loop._host.keepAlive = null;
    watch?.stop();
    try {
      const leftovers = cancelLeftovers(loop);
      if (leftovers !== null) {
        await loop.runUntilComplete(leftovers.gathered);
        reportLeftoverErrors(loop, leftovers.tasks);
      }
      await loop.runUntilComplete(loop.shutdownAsyncgens());
      await loop.runUntilComplete(loop.shutdownDefaultExecutor(THREAD_JOIN_TIMEOUT));
    } finally {
      setEventLoop(null);
      loop.close();
    }
  }
}

/**
 * `run`, synchronously: between timers it blocks the thread (like `time.sleep`), or
 * jumps on a VirtualClock. It cannot see host I/O.
 *
 * @throws as `run`; RuntimeError when nothing is ready, no timer is left and the main
 * task still waits (only host I/O could wake it: use `run`), or when the host forbids
 * blocking (a browser's main thread: use `run`, or a VirtualClock).
 */
export function runSync<T>(main: Coroutine<T>, options: RunOptions = {}): T {
  const loop = startRun(main, options, "asyncio.runSync()");
  try {
    return loop.runUntilCompleteSync(loop.createTask(main, { signal: options.signal }));
  } finally {
    try {
      const leftovers = cancelLeftovers(loop);
      if (leftovers !== null) {
        loop.runUntilCompleteSync(leftovers.gathered);
        reportLeftoverErrors(loop, leftovers.tasks);
      }
      loop.runUntilCompleteSync(loop.shutdownAsyncgens());
      loop.runUntilCompleteSync(shutdownDefaultExecutorNow(loop));
    } finally {
      setEventLoop(null);
      loop.close();
    }
  }
}

/**
 * @internal Watches for the user's interrupt (Ctrl-C) on hosts that have one: called
 * with `onInterrupt` when a run starts, it returns the watch (null if it does not
 * watch). `onInterrupt` returns false once it wants the host's default behaviour back.
 */
export type InterruptWatcher = (onInterrupt: () => boolean) => InterruptWatch | null;

/** @internal A run's watch for interrupts. */
export interface InterruptWatch {
  /** Stops watching, for good. */
  stop(): void;
  /**
   * Stops listening until `restore`: Deno never ends a stalled top-level `await` while a
   * signal listener is installed (drivers.ts, probeWhileIdle).
   */
  release(): void;
  restore(): void;
}

let interruptWatcher: InterruptWatcher | null = null;

/** @internal Installed by the Node entry (SIGINT); other hosts have none. */
export function _setInterruptWatcher(watcher: InterruptWatcher | null): void {
  interruptWatcher = watcher;
}

/** Seconds `run` waits for the default executor's work at its end (Python's THREAD_JOIN_TIMEOUT). */
const THREAD_JOIN_TIMEOUT = 300;

/**
 * `runSync`'s `shutdown_default_executor`: host threads answer through the host's event
 * loop, which a synchronous run blocks, so it cannot wait for them (it would sleep the
 * whole THREAD_JOIN_TIMEOUT). It shuts the executor down without waiting; its threads
 * end when their calls do. Still a task, as in `run`.
 */
// biome-ignore lint/correctness/useYield: it must be a coroutine that finishes at once.
function* shutdownDefaultExecutorNow(loop: EventLoop): Coroutine<void> {
  loop._executorShutdownCalled = true;
  const executor = loop._defaultExecutor;
  loop._defaultExecutor = null;
  executor?.shutdown(false);
}

function startRun(main: unknown, options: RunOptions, name: string): EventLoop {
  if (_getRunningLoop() !== null) {
    if (isCoroutine(main)) main.return(undefined as never);
    throw new RuntimeError(`${name} cannot be called from a running event loop`);
  }
  if (!isCoroutine(main)) throw new RangeError(`a coroutine was expected, got ${describe(main)}`);
  const signal = options.signal;
  if (signal !== undefined && signal !== null) {
    try {
      _checkSignal(signal, `${name} signal`);
    } catch (error) {
      main.return(undefined as never);
      throw error;
    }
  }
  const loop = newEventLoop(options);
  setEventLoop(loop);
  return loop;
}

function cancelLeftovers(loop: EventLoop): { tasks: Task<unknown>[]; gathered: Future<unknown> } | null {
  const tasks = [...allTasks(loop)];
  if (tasks.length === 0) return null;
  for (const task of tasks) task.cancel();
  return { tasks, gathered: gather(tasks, { returnExceptions: true }) };
}

function reportLeftoverErrors(loop: EventLoop, tasks: Task<unknown>[]): void {
  for (const task of tasks) {
    if (task.cancelled()) continue;
    if (task._exc !== 0) {
      loop.callExceptionHandler({
        message: "unhandled exception during asyncio.run() shutdown",
        exception: task.exception(),
        task,
      });
    }
  }
}
