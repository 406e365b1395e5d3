/**
 * What the loop needs of an executor (Python's `concurrent.futures.Executor`, as
 * `loop.run_in_executor` uses it), and the loop's default executor. The core only
 * knows the interface: a host supplies the pools (on Node, worker threads: see
 * node/executors.ts), so this module stays host-free.
 */
import { RuntimeError } from "./exceptions";

// biome-ignore lint: an executor runs whatever function it is given.
export type ExecutorFunction = (...args: any[]) => unknown;

/**
 * Runs functions away from the loop's thread (Python's `concurrent.futures.Executor`).
 * `submit` settles with what `fn(...args)` returns (awaited if it is a promise) or
 * rejects with what it throws; `shutdown` stops the executor, and when `wait` is true
 * (the default) settles once the work already submitted is finished. If the promise
 * `submit` gives has a `cancel()` method, `runInExecutor` calls it when its Future is
 * cancelled (Python's `concurrent.futures.Future.cancel`: a call that has not started
 * yet is dropped; a running one goes on).
 */
export interface Executor {
  submit(fn: ExecutorFunction, ...args: unknown[]): PromiseLike<unknown>;
  shutdown(wait?: boolean): void | PromiseLike<void>;
}

let defaultExecutorFactory: (() => Executor) | null = null;

/**
 * @internal Installed by a host module (Node's worker-thread pool) so that
 * `runInExecutor(null, …)` and `toThread` work without an explicit executor.
 */
export function _setDefaultExecutorFactory(factory: (() => Executor) | null): void {
  defaultExecutorFactory = factory;
}

/** @internal The executor `runInExecutor(null, …)` creates on first use. */
export function _newDefaultExecutor(): Executor {
  if (defaultExecutorFactory === null) {
    throw new RuntimeError(
      "this host has no default executor (worker threads come with the Node entry of asyncio-ts); " +
        "pass an executor to runInExecutor or call loop.setDefaultExecutor(executor) first",
    );
  }
  return defaultExecutorFactory();
}

/** @internal True if `value` has the two methods the loop calls on an executor. */
export function _isExecutor(value: unknown): value is Executor {
  return (
    typeof value === "object" &&
    value !== null &&
    typeof (value as Executor).submit === "function" &&
    typeof (value as Executor).shutdown === "function"
  );
}
