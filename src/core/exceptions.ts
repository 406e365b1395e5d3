/**
 * The asyncio exception classes, each with `name` set so that stack traces and
 * `String(error)` read like Python's tracebacks.
 *
 * Python's `ValueError` is JavaScript's `RangeError` and `TypeError` is `TypeError`,
 * so only asyncio's own exceptions and the Python built-ins without a JavaScript
 * counterpart live here.
 */
import { formatException, ownTrace, withFrames } from "./formatting";

// V8's (Node, Chromium, Deno) and Bun's; not Firefox's or Safari's.
const captureStackTrace = (Error as { captureStackTrace?: (target: object, constructorOpt?: Function) => void }).captureStackTrace;
// The key under which Node's util.inspect, and Deno's and Bun's console, ask an object how to print it.
const INSPECT = Symbol.for("nodejs.util.inspect.custom");
// An own property, as Node treats a rejection as an error only if it has its own `stack`;
// like V8's, formatted on the first read and kept, and replaced by a write.
const STACK: PropertyDescriptor = {
  get(this: ExceptionGroup): string {
    const stack = formatException(this, false);
    Object.defineProperty(this, "stack", { value: stack, writable: true, configurable: true });
    return stack;
  },
  set(this: ExceptionGroup, value: unknown): void {
    Object.defineProperty(this, "stack", { value, writable: true, configurable: true });
  },
  configurable: true,
};
const ERRORS: PropertyDescriptor = {
  get(this: ExceptionGroup): unknown[] {
    return this.exceptions;
  },
  configurable: true,
};

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

/**
 * The end of an asynchronous iteration (Python's built-in `StopAsyncIteration`): what
 * `anext()` of an exhausted async generator or async iterator throws. Raised inside an
 * async generator's body, it becomes a RuntimeError, as in Python (PEP 479).
 */
export class StopAsyncIteration extends Error {
  override name = "StopAsyncIteration";
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
 *
 * It prints as Python prints a group: one tree, each member in a numbered box with its
 * own frames, and nested groups in boxes of their own. That tree is the group's `stack`,
 * formatted when first read (not when the group is made), and what `console.log` and
 * `util.inspect` show, the group's `cause` (if any) before it.
 */
export class ExceptionGroup extends AggregateError {
  override name = "ExceptionGroup";
  // Private fields rather than `_private` ones: Node prints an uncaught error as its
  // stack followed by every own enumerable property, and the tree already shows these.
  readonly #exceptions: unknown[];
  // Where the group was made: a holder of V8's frames, formatted only when the tree is.
  // Hosts without Error.captureStackTrace keep their own stack, and the tree reads it.
  readonly #trace: { name: string; message: string; stack?: unknown } | undefined = undefined;

  constructor(message: string, exceptions: readonly unknown[]) {
    const list = [...exceptions];
    super(list, message);
    this.#exceptions = list;
    // An accessor, so that Node's printout of an uncaught group, which lists `errors`
    // after the stack, says `[errors]: [Getter]` instead of printing every member again.
    Object.defineProperty(this, "errors", ERRORS);
    if (captureStackTrace !== undefined) {
      // With an empty name and message, the holder's stack is its frames alone.
      const trace = { name: "", message: "" };
      captureStackTrace(trace, new.target);
      this.#trace = trace;
      // Deleted first: replacing V8's own stack property directly takes twice as long.
      delete this.stack;
      Object.defineProperty(this, "stack", STACK);
    }
  }

  /** The errors of the group, the same array as `errors` (Python's `exceptions`). */
  get exceptions(): unknown[] {
    return this.#exceptions;
  }

  override toString(): string {
    const n = this.#exceptions.length;
    return `${this.name}: ${this.message} (${n} sub-exception${n === 1 ? "" : "s"})`;
  }

  /** @internal The group's `str()` line and the frames where it was made, without its members. */
  [ownTrace](): string {
    return withFrames(String(this), this.#trace !== undefined ? this.#trace.stack : this.stack);
  }

  /** What `console.log` and `util.inspect` print: the tree, after the group's `cause` if it has one. */
  [INSPECT](): string {
    return formatException(this);
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
   * `except*`). For what a `catch` caught, which may be a plain error, not a group,
   * `asyncio.exceptStar(error, condition)` does what Python's `except*` does.
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

/**
 * True for what Python's `except Exception:` catches, false for the errors it lets
 * through: those asyncio-ts models as `BaseException`s that are not `Exception`s,
 * `CancelledError` and `KeyboardInterrupt`, and a group holding one (a
 * `BaseExceptionGroup` in Python). A JavaScript `catch` catches everything, so a port of
 * `except Exception as e:` starts with `if (!asyncio.isException(e)) throw e;`, or it
 * swallows the task's own cancellation. Anything else thrown, including a value that is
 * not an `Error`, counts as an `Exception`.
 *
 * @example
 * function* worker(log: string[]) {
 *   for (;;) {
 *     try {
 *       yield* asyncio.sleep(1);
 *       throw new RangeError("bad input");
 *     } catch (e) {
 *       if (!asyncio.isException(e)) throw e; // `except Exception as e:`
 *       log.push((e as Error).message);
 *     }
 *   }
 * }
 * function* main() {
 *   const log: string[] = [];
 *   const task = asyncio.createTask(worker(log));
 *   yield* asyncio.sleep(2.5);
 *   task.cancel();
 *   yield* asyncio.wait([task]);
 *   return [task.cancelled(), log.length] as const;
 * }
 * const [cancelled, errors] = asyncio.runSync(main(), { clock: new asyncio.VirtualClock() });
 * console.assert(cancelled && errors === 2);
 * console.assert(!asyncio.isException(new asyncio.CancelledError()) && asyncio.isException("thrown string"));
 */
export function isException(error: unknown): boolean {
  if (error instanceof CancelledError || error instanceof KeyboardInterrupt) return false;
  return !(error instanceof ExceptionGroup) || groupIsException(error, []);
}

// A group's members can be changed (a Python group's cannot), so one may hold itself.
function groupIsException(group: ExceptionGroup, open: ExceptionGroup[]): boolean {
  if (open.includes(group)) return true;
  open.push(group);
  for (const error of group.exceptions) {
    if (error instanceof CancelledError || error instanceof KeyboardInterrupt) return false;
    if (error instanceof ExceptionGroup && !groupIsException(error, open)) return false;
  }
  open.pop();
  return true;
}

/**
 * One `except* E as eg:` clause applied to what a `catch` caught: `[match, rest]`, where
 * `match` is the group of the errors that match `condition` (or undefined) and `rest` is
 * what is left for the next clause (undefined when nothing is). As Python's `except*`
 * does, a plain error is first wrapped in `new ExceptionGroup("", [error])`, and a plain
 * error that does not match is left as it is, so rethrowing the rest rethrows it
 * unchanged; a group goes through `split`. Given undefined (all handled already), it
 * gives `[undefined, undefined]`, so clauses chain:
 *
 * ```ts
 * } catch (error) {
 *   let [eg, rest] = asyncio.exceptStar(error, RangeError);  // except* ValueError as eg:
 *   if (eg) …;
 *   [eg, rest] = asyncio.exceptStar(rest, TypeError);        // except* TypeError as eg:
 *   if (eg) …;
 *   if (rest !== undefined) throw rest;                      // what no clause matched goes on
 * }
 * ```
 *
 * One difference stays: when a handler throws, the port's later clauses do not run,
 * where Python runs them and raises a group of what the handlers raised and the rest.
 *
 * @example
 * const [eg, rest] = asyncio.exceptStar(new RangeError("bad"), RangeError);
 * console.assert(eg!.message === "" && eg!.exceptions[0] instanceof RangeError && rest === undefined);
 * const naked = new TypeError("kept");
 * const [none, same] = asyncio.exceptStar(naked, RangeError);
 * console.assert(none === undefined && same === naked);
 * const group = new asyncio.ExceptionGroup("two", [new RangeError("a"), new TypeError("b")]);
 * const [ranges, others] = asyncio.exceptStar(group, RangeError);
 * console.assert(ranges!.exceptions.length === 1 && (others as asyncio.ExceptionGroup).exceptions.length === 1);
 *
 * @throws TypeError if `condition` is not an error class, an array of them or a
 * predicate, or if it names `ExceptionGroup` (as Python: "catching ExceptionGroup with
 * except* is not allowed").
 */
export function exceptStar(error: unknown, condition: ExceptionCondition): [match: ExceptionGroup | undefined, rest: unknown] {
  const matches = toPredicate(condition);
  const classes = Array.isArray(condition) ? condition : [condition];
  if (classes.some((cls) => cls === ExceptionGroup || (cls as { prototype?: unknown }).prototype instanceof ExceptionGroup)) {
    throw new TypeError("catching ExceptionGroup with except* is not allowed. Use except instead.");
  }
  if (error === undefined) return [undefined, undefined];
  if (error instanceof ExceptionGroup) return error.split(condition);
  return matches(error) ? [new ExceptionGroup("", [error]), undefined] : [undefined, error];
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

/**
 * @internal Gives each class its key as its `name`. A bundler renames a class whose name
 * another module uses too (esbuild makes ExceptionGroup `_ExceptionGroup` or
 * `ExceptionGroup2`), a minifier renames every class, and Node prints the constructor's
 * name where it differs from the error's; the keys of an object literal are never renamed.
 */
export function keepNames(classes: Record<string, abstract new (...args: never[]) => unknown>): void {
  for (const [name, cls] of Object.entries(classes)) Object.defineProperty(cls, "name", { value: name });
}

keepNames({
  CancelledError,
  KeyboardInterrupt,
  StopAsyncIteration,
  RuntimeError,
  TimeoutError,
  InvalidStateError,
  ExceptionGroup,
  QueueEmpty,
  QueueFull,
  QueueShutDown,
  BrokenBarrierError,
  IncompleteReadError,
  LimitOverrunError,
  LookupError,
});
