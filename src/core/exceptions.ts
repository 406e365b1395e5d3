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

/**
 * The user interrupted the program (Python's `KeyboardInterrupt`): `asyncio.run` on
 * Node turns the first Ctrl-C (SIGINT) into a cancellation of the main task, so its
 * `finally` blocks run, and then throws this. Like CancelledError it extends `Error`
 * directly, so no `instanceof` test for an ordinary error catches it.
 */
export class KeyboardInterrupt extends Error {
  override name = "KeyboardInterrupt";
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

  /**
   * A group with the same message and other exceptions (Python's `derive`); `split` and
   * `subgroup` build their results with it.
   */
  derive(exceptions: readonly unknown[]): ExceptionGroup {
    return new ExceptionGroup(this.message, exceptions);
  }

  /**
   * The exceptions that match, nested groups kept as groups, or undefined if none does
   * (Python's `subgroup`). The condition is an error class, an array of them, or a
   * predicate, which is asked about nested groups too.
   */
  subgroup(condition: ExceptionCondition): ExceptionGroup | undefined {
    return this.split(condition)[0];
  }

  /**
   * `[matching, rest]`, each a group or undefined (Python's `split`, the basis of
   * `except*`).
   *
   * @example
   * const group = new asyncio.ExceptionGroup("errors", [new RangeError("a"), new TypeError("b")]);
   * const [ranges, others] = group.split(RangeError);
   * console.assert(ranges!.exceptions.length === 1 && others!.exceptions.length === 1);
   */
  split(condition: ExceptionCondition): [match: ExceptionGroup | undefined, rest: ExceptionGroup | undefined] {
    const matches = toPredicate(condition);
    if (matches(this)) return [this, undefined];
    const matched: unknown[] = [];
    const rest: unknown[] = [];
    for (const error of this.exceptions) {
      if (error instanceof ExceptionGroup) {
        const [m, r] = error.split(condition);
        if (m !== undefined) matched.push(m);
        if (r !== undefined) rest.push(r);
      } else if (matches(error)) {
        matched.push(error);
      } else {
        rest.push(error);
      }
    }
    return [matched.length > 0 ? this.derive(matched) : undefined, rest.length > 0 ? this.derive(rest) : undefined];
  }
}

// biome-ignore lint: error classes take any constructor arguments.
type ErrorClass = abstract new (...args: any[]) => unknown;

/** What `ExceptionGroup.split` and `subgroup` match: error classes, or a predicate. */
export type ExceptionCondition = ErrorClass | readonly ErrorClass[] | ((error: unknown) => boolean);

function isErrorClass(value: unknown): value is ErrorClass {
  return typeof value === "function" && (value === Error || (value as { prototype?: unknown }).prototype instanceof Error);
}

function toPredicate(condition: ExceptionCondition): (error: unknown) => boolean {
  if (Array.isArray(condition)) {
    if (!condition.every(isErrorClass)) throw new TypeError("expected an error class, an array of error classes or a predicate");
    return (error) => condition.some((cls) => error instanceof cls);
  }
  if (isErrorClass(condition)) return (error) => error instanceof condition;
  if (typeof condition === "function") return condition as (error: unknown) => boolean;
  throw new TypeError("expected an error class, an array of error classes or a predicate");
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
