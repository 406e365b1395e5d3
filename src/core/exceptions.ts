/**
 * The asyncio exception classes, each with `name` set so that stack traces and
 * `String(error)` read like Python's tracebacks.
 *
 * Python's `ValueError` is JavaScript's `RangeError` and `TypeError` is `TypeError`,
 * so only asyncio's own exceptions and the Python built-ins without a JavaScript
 * counterpart live here.
 */

/**
 * The operation was cancelled (Python's `asyncio.CancelledError`).
 *
 * It extends `Error` directly, not a more specific class, so that a `catch` testing
 * `instanceof RangeError` or `instanceof RuntimeError` never swallows a cancellation.
 */
export class CancelledError extends Error {
  override name = "CancelledError";
  constructor(message = "") {
    super(message);
  }
}

/** Python's built-in `RuntimeError`, which asyncio raises for misuse of the loop and tasks. */
export class RuntimeError extends Error {
  override name = "RuntimeError";
}

/** A deadline passed (Python's `TimeoutError`, which `asyncio.TimeoutError` aliases). */
export class TimeoutError extends Error {
  override name = "TimeoutError";
}

/** A Future or Task is not in the state an operation needs (Python's `asyncio.InvalidStateError`). */
export class InvalidStateError extends Error {
  override name = "InvalidStateError";
}

/**
 * Several errors raised together (Python's `ExceptionGroup`). It extends
 * `AggregateError`, so `.errors` works as JavaScript expects; `.exceptions` is the
 * same array, as Python spells it.
 */
export class ExceptionGroup extends AggregateError {
  override name = "ExceptionGroup";
  readonly exceptions: unknown[];
  constructor(message: string, exceptions: readonly unknown[]) {
    const list = [...exceptions];
    super(list, message);
    this.exceptions = this.errors = list;
  }
  override toString(): string {
    const n = this.exceptions.length;
    return `${this.name}: ${this.message} (${n} sub-exception${n === 1 ? "" : "s"})`;
  }
}

/** `Queue.getNowait()` on an empty queue (Python's `asyncio.QueueEmpty`). */
export class QueueEmpty extends Error {
  override name = "QueueEmpty";
}

/** `Queue.putNowait()` on a full queue (Python's `asyncio.QueueFull`). */
export class QueueFull extends Error {
  override name = "QueueFull";
}

/** A put or get on a queue that was shut down (Python 3.13's `asyncio.QueueShutDown`). */
export class QueueShutDown extends Error {
  override name = "QueueShutDown";
}

/** A `Barrier` was reset or aborted while tasks waited on it (Python's `asyncio.BrokenBarrierError`). */
export class BrokenBarrierError extends RuntimeError {
  override name = "BrokenBarrierError";
}

/**
 * The stream ended before the expected number of bytes arrived (Python's
 * `asyncio.IncompleteReadError`); `partial` holds what was read.
 */
export class IncompleteReadError extends Error {
  override name = "IncompleteReadError";
  constructor(
    readonly partial: Uint8Array,
    readonly expected: number | null,
  ) {
    const what = expected === null ? "undefined" : String(expected);
    super(`${partial.length} bytes read on a total of ${what} expected bytes`);
  }
}

/**
 * The separator was not found within the stream's limit (Python's
 * `asyncio.LimitOverrunError`); `consumed` is how many bytes should be consumed.
 */
export class LimitOverrunError extends Error {
  override name = "LimitOverrunError";
  constructor(
    message: string,
    readonly consumed: number,
  ) {
    super(message);
  }
}

/**
 * A lookup found nothing (Python's built-in `LookupError`, which `ContextVar.get`
 * raises for a variable with no value and no default).
 */
export class LookupError extends Error {
  override name = "LookupError";
}
