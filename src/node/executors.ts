/**
 * Executors on Node's worker threads (Python's `concurrent.futures.ThreadPoolExecutor`
 * as `loop.run_in_executor` and `asyncio.to_thread` use it), and the loop's default
 * executor.
 *
 * A JavaScript function cannot be sent to another thread: a worker has its own heap
 * and its own copy of every module. So a function reaches a worker by *where it is
 * exported*: `workerFunction(new URL("./work.js", import.meta.url), "fib")` names the
 * export `fib` of that module; the worker imports the module and calls the export.
 * Arguments and results travel by structured clone. See docs/executors.md.
 *
 * The pool is written here on `node:worker_threads` rather than taken from piscina or
 * tinypool: both start their workers from a script file beside their own module, which
 * a bundled program does not have (and piscina cannot be bundled as ESM at all), and
 * both terminate a running worker to abort a task, where Python lets the work go on.
 * This pool starts its workers from a `data:` URL, so it needs no file of its own.
 */
import { availableParallelism } from "node:os";
import { isAbsolute } from "node:path";
import { pathToFileURL } from "node:url";
import { Worker } from "node:worker_threads";
import type { AsyncContextManager } from "../core/asyncwith";
import type { Coroutine } from "../core/coroutines";
import { getRunningLoop } from "../core/events";
import { wrapPromise } from "../core/futures";
import {
  BrokenBarrierError,
  CancelledError,
  InvalidStateError,
  LimitOverrunError,
  QueueEmpty,
  QueueFull,
  QueueShutDown,
  RuntimeError,
  TimeoutError,
} from "../core/exceptions";
import { type Executor, _setDefaultExecutorFactory } from "../core/executors";

export type { Executor } from "../core/executors";
import { describe } from "../core/repr";

// biome-ignore lint/suspicious/noExplicitAny: any function may be referenced.
type AnyFunction = (...args: any[]) => unknown;

/**
 * A reference to a function exported by a module, which an executor runs on a worker
 * thread: the worker imports `module` and calls its export `exportName`. It has the
 * referenced function's parameter and result types, so `runInExecutor` and `toThread`
 * infer them; calling it directly throws a TypeError (it only runs on a worker).
 */
export type WorkerFunction<F extends AnyFunction = AnyFunction> = ((...args: Parameters<F>) => Awaited<ReturnType<F>>) & {
  /** The module's URL (`file:`, `data:` or `node:`). */
  readonly module: string;
  /** The name of the export. */
  readonly exportName: string;
};

/** The worker functions of a module, one per exported function (see `workerModule`). */
export type WorkerModule<M> = {
  readonly [K in keyof M as M[K] extends AnyFunction ? K : never]: M[K] extends AnyFunction ? WorkerFunction<M[K]> : never;
};

// Symbol.for: a reference made by the ESM build must be recognised by the CommonJS
// build too, when a program loads both.
const TARGET = Symbol.for("asyncio-ts.workerFunction");

interface Target {
  module: string;
  exportName: string;
}

/**
 * Names the function `exportName` exported by `module`, to run on a worker thread with
 * `loop.runInExecutor` or `asyncio.toThread` (there is no Python counterpart: Python's
 * threads share the caller's functions, worker threads do not). Give the referenced
 * function's type to get its parameter and result types:
 * `workerFunction<typeof import("./work.js").fib>(url, "fib")`.
 *
 * The worker imports the module once (it has its own copy of every module, so
 * module-level state is not shared with the loop's thread): guard a program's entry
 * with `if (isMainThread)` when a module names its own exports.
 *
 * @example
 * // Key stretching blocks for a while: on a worker thread it leaves the loop free.
 * const pbkdf2 = asyncio.workerFunction<typeof import("node:crypto").pbkdf2Sync>("node:crypto", "pbkdf2Sync");
 * const key = await asyncio.run(asyncio.toThread(pbkdf2, "secret", "salt", 10000, 32, "sha256"));
 * console.assert(key.length === 32);
 *
 * @throws RangeError if `module` is neither a URL nor an absolute path (a relative
 * path has no base a worker could know: use `new URL("./x.js", import.meta.url)`);
 * TypeError if `exportName` is not a string.
 */
export function workerFunction<F extends AnyFunction = AnyFunction>(module: string | URL, exportName = "default"): WorkerFunction<F> {
  if (typeof exportName !== "string") {
    throw new TypeError(`workerFunction() exportName must be a string, got ${describe(exportName)}`);
  }
  const target: Target = { module: moduleUrl(module), exportName };
  const ref = function workerFunctionCalledDirectly(): never {
    throw new TypeError(
      `worker function ${exportName} of ${target.module} runs on a worker thread: pass it to loop.runInExecutor or asyncio.toThread instead of calling it`,
    );
  };
  Object.defineProperty(ref, "name", { value: exportName });
  Object.defineProperty(ref, TARGET, { value: target });
  Object.defineProperty(ref, "module", { value: target.module, enumerable: true });
  Object.defineProperty(ref, "exportName", { value: exportName, enumerable: true });
  return ref as unknown as WorkerFunction<F>;
}

/**
 * The worker functions of `module`, by export name:
 * `workerModule<typeof import("./work.js")>(new URL("./work.js", import.meta.url)).fib`
 * is `workerFunction(url, "fib")` with the type of `fib`. Nothing is loaded on the
 * loop's thread.
 *
 * @throws RangeError as `workerFunction`.
 */
export function workerModule<M>(module: string | URL): WorkerModule<M> {
  const url = moduleUrl(module);
  const made = new Map<string, WorkerFunction>();
  return new Proxy(Object.create(null) as WorkerModule<M>, {
    get(_target, name) {
      // Not `then`: a module object must not look like a promise to `await`.
      if (typeof name !== "string" || name === "then") return undefined;
      let ref = made.get(name);
      if (ref === undefined) made.set(name, (ref = workerFunction(url, name)));
      return ref;
    },
  });
}

/** @internal The module and export a worker function names, or null for any other value. */
export function _workerTarget(fn: unknown): Target | null {
  return typeof fn === "function" ? ((fn as unknown as Record<symbol, Target>)[TARGET] ?? null) : null;
}

function moduleUrl(module: string | URL): string {
  if (module instanceof URL) module = module.href;
  if (typeof module !== "string") {
    throw new TypeError(`workerFunction() module must be a URL or a path, got ${describe(module)}`);
  }
  if (/^(file|data|node):/.test(module)) return module;
  if (isAbsolute(module)) return pathToFileURL(module).href;
  throw new RangeError(
    `workerFunction() needs an absolute URL or path, got ${describe(module)}: a worker cannot know what it is relative to; use new URL("./module.js", import.meta.url)`,
  );
}

/** Options of `ThreadPoolExecutor`. */
export interface ThreadPoolExecutorOptions {
  /** The most worker threads at once; default `min(32, availableParallelism() + 4)`, as Python's. */
  maxWorkers?: number;
  /** Names of the worker threads, as `${threadNamePrefix}_${n}` (Python's `thread_name_prefix`). */
  threadNamePrefix?: string;
  /**
   * Modules (absolute URLs or paths, as `workerFunction` takes) each worker imports, in
   * order, before its first call: loaders, polyfills, instrumentation. A preload that
   * fails fails the calls given to that worker. (On Node 20, tsx does not install its
   * loader in worker threads: preload a module that calls `register()` from
   * `tsx/esm/api` to call TypeScript modules there; see docs/executors.md.)
   */
  preload?: readonly (string | URL)[];
}

/** Options of `ThreadPoolExecutor.shutdown`. */
export interface ShutdownOptions {
  /** Cancel the work that has not started yet (Python's `cancel_futures`). */
  cancelFutures?: boolean;
}

/**
 * A promise of what a submitted call returns, which can be cancelled while the call
 * waits in the queue (Python's `concurrent.futures.Future.cancel`).
 */
export interface SubmittedCall<T> extends Promise<T> {
  /**
   * Takes the call out of the queue and rejects the promise with a CancelledError;
   * false if it already started or finished (then it runs to its end).
   */
  cancel(): boolean;
}

const PENDING = 0;
const RUNNING = 1;
const DONE = 2;

function noop(): void {}

class WorkItem {
  state: typeof PENDING | typeof RUNNING | typeof DONE = PENDING;
  promise!: Promise<unknown>;
  constructor(
    readonly target: Target,
    readonly args: unknown[],
    readonly resolve: (value: unknown) => void,
    readonly reject: (error: unknown) => void,
  ) {}

  /** True if it was cancelled before it started. */
  cancelled = false;

  /** Drops a call that has not started: its promise rejects with a CancelledError. */
  cancel(): void {
    this.cancelled = true;
    // Whoever cancels a call may not await it any more: that is no unhandled rejection.
    this.promise.catch(noop);
    this.settle(false, new CancelledError());
  }

  /** The error it failed with, once it did. */
  failure: unknown = undefined;

  settle(ok: boolean, value: unknown): void {
    if (this.state === DONE) return;
    this.state = DONE;
    if (ok) {
      this.resolve(value);
    } else {
      this.failure = value;
      this.reject(value);
    }
  }
}

/** One worker thread of a pool and the call it runs. */
class PoolWorker {
  readonly thread: Worker;
  current: WorkItem | null = null;

  constructor(
    readonly pool: ThreadPoolExecutor,
    name: string,
    preload: readonly string[],
  ) {
    this.thread = new Worker(WORKER_SOURCE, { name, workerData: { preload } } as ConstructorParameters<typeof Worker>[1]);
    this.thread.unref();
    this.thread.on("message", (reply: Reply) => this.onReply(reply));
    this.thread.on("messageerror", (error) => {
      this.fail(new TypeError(`the result could not be received from the worker thread: ${errorMessage(error)}`));
      pool._workerIdle(this);
    });
    this.thread.on("error", (error) => this.fail(error));
    this.thread.on("exit", (code) => {
      this.fail(new RuntimeError(`the worker thread exited with code ${code} before the call finished`));
      pool._workerExited(this);
    });
  }

  /**
   * Sends `item` to the thread; false, with the worker still free and the item failed
   * with a TypeError, if an argument cannot be cloned (postMessage throws before
   * anything is sent).
   */
  start(item: WorkItem): boolean {
    try {
      this.thread.postMessage({ module: item.target.module, name: item.target.exportName, args: item.args });
    } catch (error) {
      item.settle(false, argumentError(item.target, item.args, error));
      return false;
    }
    item.state = RUNNING;
    this.current = item;
    // A busy worker keeps the process alive, as Python joins its threads at exit; an
    // idle one does not, so a forgotten executor never keeps a program from ending.
    this.thread.ref();
    return true;
  }

  private onReply(reply: Reply): void {
    const item = this.current;
    this.current = null;
    if (item !== null) item.settle(reply.ok, reply.ok ? reply.value : unpackError(reply.error));
    this.pool._workerIdle(this);
  }

  private fail(error: unknown): void {
    const item = this.current;
    this.current = null;
    if (item !== null) item.settle(false, error);
  }
}

let poolCounter = 0;

/**
 * Runs worker functions (see `workerFunction`) on a pool of worker threads (Python's
 * `concurrent.futures.ThreadPoolExecutor`). Threads start when work arrives and no
 * thread is idle, up to `maxWorkers`; calls beyond that wait in a queue, in order.
 * Arguments and results travel by structured clone; an error thrown in the worker
 * rejects with an error of the same name and message (a built-in or asyncio-ts error
 * class when the name is one of theirs, else an `Error` with that `name`).
 *
 * @throws RangeError if `maxWorkers` is not a positive integer (Python's ValueError).
 */
export class ThreadPoolExecutor implements Executor, AsyncContextManager<ThreadPoolExecutor> {
  /** The most worker threads this pool runs at once. */
  readonly maxWorkers: number;
  private readonly _prefix: string;
  private readonly _preload: readonly string[];
  private readonly _queue: WorkItem[] = [];
  private readonly _idle: PoolWorker[] = [];
  private readonly _workers = new Set<PoolWorker>();
  private _shutdown = false;
  private _finished: Promise<void> | null = null;
  private _resolveFinished: (() => void) | null = null;
  private _threadCount = 0;

  constructor(options: ThreadPoolExecutorOptions = {}) {
    const max = options.maxWorkers ?? Math.min(32, availableParallelism() + 4);
    if (!Number.isInteger(max) || max <= 0) {
      throw new RangeError(Number.isInteger(max) ? "max_workers must be greater than 0" : `max_workers must be an integer, got ${describe(max)}`);
    }
    this.maxWorkers = max;
    this._prefix = options.threadNamePrefix || `ThreadPoolExecutor-${poolCounter++}`;
    this._preload = (options.preload ?? []).map(moduleUrl);
  }

  /**
   * Runs `fn(...args)` on a worker thread and gives a promise of its result (awaited
   * there if it is a promise), cancellable while it waits (Python's `submit`).
   *
   * @throws TypeError if `fn` is not a worker function (a plain function cannot be sent
   * to a thread: export it and pass `workerFunction(url, name)`), or if an argument
   * cannot be structured-cloned; RuntimeError after `shutdown`.
   */
  submit<F extends AnyFunction>(fn: F, ...args: Parameters<F>): SubmittedCall<Awaited<ReturnType<F>>> {
    if (this._shutdown) throw new RuntimeError("cannot schedule new futures after shutdown");
    const target = _workerTarget(fn);
    if (target === null) {
      const name = typeof fn === "function" ? fn.name || "the function" : describe(fn);
      throw new TypeError(
        `${describe(fn)} cannot run on a worker thread: a function cannot be sent to another thread. ` +
          `Export ${name} from a module and pass asyncio.workerFunction(new URL("./module.js", import.meta.url), "${typeof fn === "function" && fn.name ? fn.name : "name"}") instead`,
      );
    }
    const worker = this._idle.pop() ?? (this._workers.size < this.maxWorkers ? this._spawn() : null);
    // A call that must wait takes a clone of its arguments now, as one sent at once does
    // (postMessage clones): the worker sees them as they were at the call (a Python
    // thread would share the objects; a worker cannot), and one that cannot be cloned
    // fails here, at the call, rather than when its turn comes.
    let sent: unknown[] = args;
    if (worker === null) {
      try {
        sent = structuredClone(args);
      } catch (error) {
        throw argumentError(target, args, error);
      }
    }
    let item!: WorkItem;
    const promise = new Promise<unknown>((resolve, reject) => {
      item = new WorkItem(target, sent, resolve, reject);
    }) as SubmittedCall<Awaited<ReturnType<F>>>;
    item.promise = promise;
    promise.cancel = () => {
      if (item.state !== PENDING) return item.cancelled;
      const at = this._queue.indexOf(item);
      if (at >= 0) this._queue.splice(at, 1);
      item.cancel();
      return true;
    };
    if (worker === null) {
      this._queue.push(item);
    } else if (!worker.start(item)) {
      this._idle.push(worker);
      // Thrown at the call, not given back as a rejected promise.
      promise.catch(noop);
      throw item.failure;
    }
    return promise;
  }

  /**
   * Stops the pool (Python's `shutdown`): no new calls; the queued ones still run
   * (unless `cancelFutures`), then the threads end. With `wait` (the default) it gives
   * a promise that settles when every call has finished and every thread has ended;
   * with `wait` false it returns at once. Calling it again is harmless.
   */
  shutdown(wait?: true, options?: ShutdownOptions): Promise<void>;
  shutdown(wait: false, options?: ShutdownOptions): void;
  shutdown(wait?: boolean, options?: ShutdownOptions): Promise<void> | void;
  shutdown(wait = true, options: ShutdownOptions = {}): Promise<void> | void {
    this._shutdown = true;
    if (options.cancelFutures) {
      for (const item of this._queue.splice(0)) item.cancel();
    }
    this._finished ??= new Promise<void>((resolve) => {
      this._resolveFinished = resolve;
    });
    for (const idle of this._idle.splice(0)) void idle.thread.terminate();
    this._checkFinished();
    return wait ? this._finished : undefined;
  }

  /** Enters an `asyncWith` block (Python's `with ThreadPoolExecutor() as pool:`): gives the pool. */
  // biome-ignore lint/correctness/useYield: entering needs no waiting.
  *aenter(): Coroutine<this> {
    return this;
  }

  /** Leaves an `asyncWith` block: shuts down and waits for the calls, as Python's `__exit__`; never swallows the error. */
  *aexit(): Coroutine<boolean> {
    yield* wrapPromise(this.shutdown(true));
    return false;
  }

  toString(): string {
    const state = this._shutdown ? "shutdown" : "running";
    return `<ThreadPoolExecutor ${state} workers=${this._workers.size}/${this.maxWorkers} queued=${this._queue.length}>`;
  }

  private _spawn(): PoolWorker {
    const worker = new PoolWorker(this, `${this._prefix}_${this._threadCount++}`, this._preload);
    this._workers.add(worker);
    return worker;
  }

  /** @internal A worker finished its call: give it the next one, or let it rest. */
  _workerIdle(worker: PoolWorker): void {
    // Queued arguments were cloned at submit, so they can be sent (start fails an item
    // that cannot, and the worker takes the next).
    for (let next = this._queue.shift(); next !== undefined; next = this._queue.shift()) {
      if (worker.start(next)) return;
    }
    worker.thread.unref();
    if (this._shutdown) void worker.thread.terminate();
    else this._idle.push(worker);
  }

  /** @internal A thread ended (terminated, crashed or exited by itself). */
  _workerExited(worker: PoolWorker): void {
    this._workers.delete(worker);
    const at = this._idle.indexOf(worker);
    if (at >= 0) this._idle.splice(at, 1);
    // A crashed thread leaves its share of the queue to a new one.
    if (this._queue.length > 0 && this._workers.size < this.maxWorkers) this._workerIdle(this._spawn());
    this._checkFinished();
  }

  private _checkFinished(): void {
    if (this._resolveFinished !== null && this._workers.size === 0 && this._queue.length === 0) {
      this._resolveFinished();
      this._resolveFinished = null;
    }
  }
}

/**
 * Runs `fn(...args)` on the running loop's default executor and waits for its result
 * (Python's `asyncio.to_thread`). On Node `fn` must be a worker function (see
 * `workerFunction`). Python runs the function in a copy of the caller's context; a
 * worker thread has its own module instances, so context variables do not reach it.
 *
 * @throws what `fn` throws in the worker; TypeError for a plain function or an argument
 * that cannot be cloned; RuntimeError outside a running loop or after
 * `shutdownDefaultExecutor`.
 */
export function* toThread<F extends AnyFunction>(fn: F, ...args: Parameters<F>): Coroutine<Awaited<ReturnType<F>>> {
  const loop = getRunningLoop();
  return (yield* loop.runInExecutor(null, fn as (...a: Parameters<F>) => ReturnType<F>, ...args)) as Awaited<ReturnType<F>>;
}

_setDefaultExecutorFactory(() => new ThreadPoolExecutor({ threadNamePrefix: "asyncio" }));

// ---- errors across the thread boundary ----

/** An error as it crosses from a worker: structured clone would keep only built-in names. */
interface PackedError {
  kind: "error";
  name: string;
  message: string;
  stack: string | undefined;
  props: Record<string, unknown>;
  cause?: Packed;
  errors?: Packed[];
}
type Packed = PackedError | { kind: "value"; value: unknown };
type Reply = { ok: true; value: unknown } | { ok: false; error: Packed };

const ERROR_CLASSES: Record<string, new (message: string) => Error> = {
  Error,
  TypeError,
  RangeError,
  SyntaxError,
  ReferenceError,
  EvalError,
  URIError,
  RuntimeError,
  TimeoutError,
  InvalidStateError,
  CancelledError,
  QueueEmpty,
  QueueFull,
  QueueShutDown,
  BrokenBarrierError,
};

function unpackError(packed: Packed): unknown {
  if (packed.kind === "value") return packed.value;
  let error: Error;
  if (packed.errors !== undefined) {
    error = new AggregateError(packed.errors.map(unpackError), packed.message);
  } else if (packed.name === "LimitOverrunError") {
    error = new LimitOverrunError(packed.message, Number(packed.props.consumed ?? 0));
  } else {
    const Class = Object.hasOwn(ERROR_CLASSES, packed.name) ? ERROR_CLASSES[packed.name] : Error;
    error = new Class(packed.message);
  }
  if (error.name !== packed.name) Object.defineProperty(error, "name", { value: packed.name, writable: true, configurable: true });
  Object.assign(error, packed.props);
  if (packed.cause !== undefined) Object.defineProperty(error, "cause", { value: unpackError(packed.cause), writable: true, configurable: true });
  if (packed.stack !== undefined) error.stack = `${packed.stack}\n    at (worker thread)`;
  return error;
}

function isCloneable(value: unknown): boolean {
  try {
    structuredClone(value);
    return true;
  } catch {
    return false;
  }
}

function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function argumentError(target: Target, args: readonly unknown[], error: unknown): TypeError {
  const index = args.findIndex((arg) => !isCloneable(arg));
  const what = index >= 0 ? `argument ${index + 1} (${describe(args[index])})` : "an argument";
  return new TypeError(
    `${what} of ${target.exportName} cannot be sent to a worker thread (arguments travel by structured clone): ${errorMessage(error)}`,
  );
}

// The worker's program, as an ES module in a data: URL so the pool needs no file of
// its own (bundlers and the CommonJS build cannot lose it). It imports the module a
// worker function names, calls the export, and replies with the result or the error.
const WORKER_PROGRAM = `
import { parentPort, workerData } from "node:worker_threads";
for (const url of workerData.preload) await import(url);
const GeneratorFunction = Object.getPrototypeOf(function* () {}).constructor;
const modules = new Map();
function load(url) {
  let loading = modules.get(url);
  if (loading === undefined) {
    loading = import(url);
    modules.set(url, loading);
    loading.catch(() => modules.delete(url));
  }
  return loading;
}
function cloneable(value) {
  try { structuredClone(value); return true; } catch { return false; }
}
function pack(error) {
  if (!(error instanceof Error)) {
    return cloneable(error) ? { kind: "value", value: error } : { kind: "error", name: "Error", message: String(error), stack: undefined, props: {} };
  }
  const props = {};
  for (const key of Object.keys(error)) {
    if (key !== "errors" && key !== "exceptions" && cloneable(error[key])) props[key] = error[key];
  }
  const packed = { kind: "error", name: String(error.name), message: String(error.message), stack: error.stack, props };
  if ("cause" in error) packed.cause = pack(error.cause);
  if (error instanceof AggregateError) packed.errors = Array.from(error.errors, pack);
  return packed;
}
parentPort.on("message", async ({ module, name, args }) => {
  let reply;
  try {
    const namespace = await load(module);
    let fn = namespace[name];
    if (fn === undefined && namespace.default !== null && typeof namespace.default === "object") fn = namespace.default[name];
    if (typeof fn !== "function") {
      throw new TypeError(fn === undefined ? module + " has no export named " + name : "the export " + name + " of " + module + " is not a function");
    }
    if (fn instanceof GeneratorFunction) {
      throw new TypeError("coroutines cannot be used with runInExecutor(): " + name + " of " + module + " is a generator function");
    }
    const value = await fn(...args);
    try {
      parentPort.postMessage({ ok: true, value });
      return;
    } catch (error) {
      reply = { ok: false, error: pack(new TypeError("the result of " + name + " cannot be sent back from the worker thread (results travel by structured clone): " + error.message)) };
    }
  } catch (error) {
    reply = { ok: false, error: pack(error) };
  }
  parentPort.postMessage(reply);
});
`;

const WORKER_SOURCE = new URL(`data:text/javascript,${encodeURIComponent(WORKER_PROGRAM)}`);
