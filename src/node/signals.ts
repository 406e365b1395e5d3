/**
 * Unix signal handlers on the loop (Python's `loop.add_signal_handler` and
 * `loop.remove_signal_handler`), over Node's `process.on(signal)`.
 *
 * As in Python, the callback never runs inside the host's signal handling: a signal
 * schedules it on the loop (like `callSoonThreadsafe`), in the context that was
 * current when the handler was added, so it runs between tasks like any callback.
 * While a loop that has signal handlers runs, it keeps the process alive (Python's
 * loop blocks in `select` waiting for the signal; Node would otherwise see nothing
 * left to do and exit). Closing the loop removes its handlers.
 *
 * Signals are given by number (`signal.SIGINT` in Python is 2) or by name
 * (`"SIGINT"`); the numbers are the host's (`os.constants.signals`).
 *
 * Differences from Python, from the host: each loop that has a handler for a signal
 * gets it (Python's process-wide handler goes to the loop that installed it last);
 * signals reach JavaScript only when the thread is free, so a loop run with `runSync`
 * sees them after the run; and Node's own default actions come back on removal
 * (SIGINT ends the process, where Python's default raises KeyboardInterrupt).
 */
import { constants } from "node:os";
import { isMainThread } from "node:worker_threads";
import { type Context, copyContext } from "../core/contextvars";
import { isCoroutine } from "../core/coroutines";
import { EventLoop, _addLoopHooks } from "../core/events";
import { _setInterruptWatcher } from "../core/runners";
import { RuntimeError } from "../core/exceptions";
import { describe, isGeneratorFunction } from "../core/repr";

/** The loop's signal methods, added by this module. */
export interface SignalLoopMethods {
  /**
   * Calls `callback(...args)` on the loop whenever the process receives `sig`
   * (Python's `loop.add_signal_handler`); a second call for the same signal replaces
   * the handler. `sig` is a number or a name such as `"SIGTERM"`.
   *
   * @throws TypeError if `callback` is a coroutine function or not a function, or if
   * `sig` is neither an integer nor a string; RangeError for an unknown signal
   * (Python's ValueError); RuntimeError if the loop is closed, outside the main thread,
   * or for a signal that cannot be caught (SIGKILL, SIGSTOP: Python's
   * `sig 9 cannot be caught`).
   */
  addSignalHandler<A extends unknown[]>(sig: number | string, callback: (...args: A) => unknown, ...args: A): void;

  /**
   * Removes the handler of `sig` and restores the signal's default behaviour (Python's
   * `loop.remove_signal_handler`): true if there was one, false otherwise.
   *
   * @throws TypeError or RangeError for a bad `sig`, as `addSignalHandler`.
   */
  removeSignalHandler(sig: number | string): boolean;
}

interface Installed {
  name: NodeJS.Signals;
  listener: () => void;
}

/** The handlers of each loop, by signal number. */
const handlers = new WeakMap<EventLoop, Map<number, Installed>>();
/** The timers that keep the process alive while a loop with handlers runs. */
const keepAlive = new WeakMap<EventLoop, ReturnType<typeof setInterval>>();

const SIGNALS = constants.signals as Record<string, number>;
/** One name per number: the first in Node's list (SIGABRT rather than SIGIOT). */
const NAMES = new Map<number, NodeJS.Signals>();
for (const [name, number] of Object.entries(SIGNALS)) if (!NAMES.has(number)) NAMES.set(number, name as NodeJS.Signals);

/** Python's `_check_signal`, taking names too: the signal's number and Node's name for it. */
function checkSignal(sig: unknown): [number, NodeJS.Signals] {
  if (typeof sig === "string") {
    const number = Object.hasOwn(SIGNALS, sig) ? SIGNALS[sig] : undefined;
    if (number === undefined) throw new RangeError(`invalid signal name ${describe(sig)}`);
    return [number, NAMES.get(number)!];
  }
  if (typeof sig !== "number" || !Number.isInteger(sig)) {
    throw new TypeError(`sig must be an int or a signal name, not ${describe(sig)}`);
  }
  const name = NAMES.get(sig);
  if (name !== undefined) return [sig, name];
  // Linux's real-time signals: valid in Python, but Node can only listen by name.
  if (process.platform === "linux" && sig >= 34 && sig <= 64) {
    throw new RuntimeError(`sig ${sig} cannot be caught: Node.js has no name for it in os.constants.signals`);
  }
  throw new RangeError(`invalid signal number ${sig}`);
}

function addSignalHandler(this: EventLoop, sig: number | string, callback: (...args: unknown[]) => unknown, ...args: unknown[]): void {
  if (isCoroutine(callback) || isGeneratorFunction(callback)) {
    throw new TypeError("coroutines cannot be used with addSignalHandler()");
  }
  const [number, name] = checkSignal(sig);
  this._checkClosed();
  if (typeof callback !== "function") {
    throw new TypeError(`a callable object was expected by addSignalHandler(), got ${describe(callback)}`);
  }
  if (!isMainThread) {
    throw new RuntimeError("addSignalHandler() only works in the main thread: Node.js delivers no signals to worker threads");
  }
  if (number === SIGNALS.SIGKILL || number === SIGNALS.SIGSTOP) throw new RuntimeError(`sig ${number} cannot be caught`);
  const context: Context = copyContext();
  const listener = (): void => {
    if (!this._closed) this._callSoon(callback, args, context);
  };
  try {
    process.on(name, listener);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "EINVAL") throw new RuntimeError(`sig ${number} cannot be caught`);
    throw error;
  }
  let mine = handlers.get(this);
  if (mine === undefined) handlers.set(this, (mine = new Map()));
  const previous = mine.get(number);
  if (previous !== undefined) process.removeListener(previous.name, previous.listener);
  mine.set(number, { name, listener });
  if (this._running) holdProcess(this);
}

function removeSignalHandler(this: EventLoop, sig: number | string): boolean {
  const [number] = checkSignal(sig);
  const mine = handlers.get(this);
  const installed = mine?.get(number);
  if (mine === undefined || installed === undefined) return false;
  mine.delete(number);
  // With no listener left, Node gives the signal back its default behaviour.
  process.removeListener(installed.name, installed.listener);
  if (mine.size === 0) releaseProcess(this);
  return true;
}

function holdProcess(loop: EventLoop): void {
  if (keepAlive.has(loop) || !handlers.get(loop)?.size) return;
  keepAlive.set(loop, setInterval(noop, 2 ** 30));
}

function releaseProcess(loop: EventLoop): void {
  const timer = keepAlive.get(loop);
  if (timer === undefined) return;
  clearInterval(timer);
  keepAlive.delete(loop);
}

function noop(): void {}

const methods: SignalLoopMethods = { addSignalHandler, removeSignalHandler } as SignalLoopMethods;
Object.assign(EventLoop.prototype, methods);

_addLoopHooks({
  // A loop with signal handlers holds the process only while it runs, so a program
  // whose loop has stopped still ends.
  runStarted: holdProcess,
  runEnded: releaseProcess,
  // Python's unix loop removes its signal handlers when it is closed.
  closed(loop: EventLoop): void {
    const mine = handlers.get(loop);
    if (mine !== undefined) for (const number of [...mine.keys()]) removeSignalHandler.call(loop, number);
  },
});

// Python's asyncio.run cancels the main task on the first Ctrl-C when SIGINT has its
// default handler; here, when nothing listens for SIGINT. A listener added later (a
// loop's own SIGINT handler) takes the signal over, as in Python, where it would
// replace the runner's handler.
_setInterruptWatcher((onInterrupt) => {
  if (process.listenerCount("SIGINT") > 0) return null;
  const listener = (): void => {
    if (process.listenerCount("SIGINT") > 1) return;
    if (onInterrupt()) return;
    // The second interrupt: Node's default, which ends the process as Ctrl-C does.
    process.removeListener("SIGINT", listener);
    process.kill(process.pid, "SIGINT");
  };
  process.on("SIGINT", listener);
  let listening = true;
  let stopped = false;
  return {
    stop() {
      stopped = true;
      listening = false;
      process.removeListener("SIGINT", listener);
    },
    release() {
      listening = false;
      process.removeListener("SIGINT", listener);
    },
    restore() {
      if (stopped || listening) return;
      listening = true;
      process.on("SIGINT", listener);
    },
  };
});
