/**
 * asyncWith: Python's `async with` statement as a function.
 */
import { type Coroutine, type Suspension, isCoroutine, _handWrittenCoroutine } from "./coroutines";
import { Future } from "./futures";
import { describe } from "./repr";

/**
 * An asynchronous context manager: what `async with` accepts in Python. `aexit` gets
 * the error that left the body (no argument when the body ended normally) and returns
 * true to swallow it.
 */
export interface AsyncContextManager<V> {
  aenter(): Coroutine<V>;
  aexit(error?: unknown): Coroutine<boolean | undefined | void>;
}

/**
 * Python's `async with cm as value: body`: awaits `cm.aenter()`, runs `body(value)`,
 * then awaits `cm.aexit()` — with the body's error if it threw, in which case a true
 * result swallows the error and `asyncWith` returns undefined. An error thrown by
 * `aexit` replaces the body's. Returns what the body returns.
 *
 * Inside a method, `async with self._lock:` needs the object in the body, where a
 * `function*` has a `this` of its own: give it as `thisArg`, and the body is called
 * with it as `this` (typed from it), as `Array.prototype.forEach` does.
 *
 * @example
 * const log: string[] = [];
 * const cm = {
 *   *aenter() { log.push("enter"); return "value"; },
 *   *aexit(error?: unknown) { log.push(`exit ${error === undefined ? "clean" : "with error"}`); return false; },
 * };
 * function* main() {
 *   return yield* asyncio.asyncWith(cm, function* (value) {
 *     log.push(`body got ${value}`);
 *     return 42;
 *   });
 * }
 * console.assert(asyncio.runSync(main()) === 42);
 * console.assert(log.join("; ") === "enter; body got value; exit clean");
 *
 * @example
 * class Counter {
 *   lock = new asyncio.Lock();
 *   count = 0;
 *   *increment() {
 *     // async with self.lock: self.count += 1
 *     yield* asyncio.asyncWith(this.lock, function* () {
 *       this.count += 1;
 *     }, this);
 *   }
 * }
 * const counter = new Counter();
 * asyncio.runSync((function* () {
 *   yield* asyncio.gather(counter.increment(), counter.increment());
 * })());
 * console.assert(counter.count === 2);
 *
 * @throws TypeError if `cm` has no `aenter`/`aexit` methods, if `body` is not a
 * function, or if `aenter`/`aexit`/`body` do not return coroutines.
 */
export function asyncWith<V, R, This = undefined>(
  cm: AsyncContextManager<V>,
  body: (this: This, value: V) => Coroutine<R>,
  thisArg?: This,
): Coroutine<R | undefined> {
  return new AsyncWith(cm, body as (this: unknown, value: unknown) => Coroutine<unknown>, thisArg) as Coroutine<R | undefined>;
}

/** Not started: the checks and `aenter()` run at the first resume, as a generator's body would. */
const START = 0;
const ENTERING = 1;
const IN_BODY = 2;
/** Awaiting `aexit()` after the body returned. */
const EXITING = 3;
/** Awaiting `aexit(error)` after the body threw. */
const EXITING_WITH_ERROR = 4;
const DONE = 5;

type Phase = typeof START | typeof ENTERING | typeof IN_BODY | typeof EXITING | typeof EXITING_WITH_ERROR | typeof DONE;

/** How the coroutine awaiting the scope resumed it: `next`, `throw` or `return`. */
const NEXT = 0;
const THROW = 1;
const RETURN = 2;

type Step = IteratorResult<Suspension | undefined, unknown>;

/**
 * `asyncWith` as an iterator object rather than a generator: every resume of the body
 * passes through it, and a generator level costs V8 about 46 ns a resume more than an
 * object forwarding `next` (bench/engine/yield-levels.mjs). It behaves as the generator
 *
 *     const value = yield* cm.aenter();
 *     let result;
 *     try { result = yield* body.call(thisArg, value); }
 *     catch (error) { if (yield* cm.aexit(error)) return undefined; throw error; }
 *     yield* cm.aexit();
 *     return result;
 *
 * with `yield*`'s forwarding of `next`, `throw` and `return` to the awaitable in progress
 * (a `return` while the body runs closes the body and skips `aexit`, as it skips a
 * generator's `catch`). Stacks show it as `AsyncWith._advance` and `AsyncWith.next`.
 */
class AsyncWith implements Coroutine<unknown> {
  private _phase: Phase = START;
  /** What the current phase awaits: `aenter()`'s, the body's or `aexit()`'s iterator. */
  private _inner: Iterator<Suspension | undefined, unknown, unknown> | null = null;
  private _result: unknown = undefined;
  private _error: unknown = undefined;

  constructor(
    private readonly _cm: AsyncContextManager<unknown>,
    private readonly _body: (this: unknown, value: unknown) => Coroutine<unknown>,
    private readonly _thisArg: unknown,
  ) {}

  next(value?: unknown): Step {
    return this._advance(NEXT, value);
  }

  throw(error: unknown): Step {
    return this._advance(THROW, error);
  }

  return(value?: unknown): Step {
    return this._advance(RETURN, value);
  }

  [Symbol.iterator](): this {
    return this;
  }

  /** Tagged as a generator, so `isCoroutine` and `createTask` accept it. */
  get [Symbol.toStringTag](): string {
    return "Generator";
  }

  /**
   * Resumes what the current phase awaits, and moves on through the phases that finish
   * without suspending, until one suspends or the scope ends.
   */
  private _advance(how: typeof NEXT | typeof THROW | typeof RETURN, sent: unknown): Step {
    if (this._inner === null) {
      if (this._phase !== START || how !== NEXT) {
        // Done, or not started: a generator in either state ends at once.
        this._phase = DONE;
        if (how === THROW) throw sent;
        return { done: true, value: how === RETURN ? sent : undefined };
      }
      this._enter();
      sent = undefined;
    }
    for (;;) {
      const inner = this._inner!;
      let step: Step;
      try {
        if (how === NEXT) step = inner.next(sent);
        else if (how === THROW) step = inner.throw!(sent);
        else step = inner.return === undefined ? { done: true, value: sent } : inner.return(sent);
      } catch (error) {
        if (this._phase !== IN_BODY) {
          this._finish();
          throw error;
        }
        this._exitWithError(error);
        how = NEXT;
        sent = undefined;
        continue;
      }
      if (step.done !== true) return step;
      if (how === RETURN) {
        // A return went through to the awaitable, which finished: so does the scope.
        this._finish();
        return { done: true, value: step.value };
      }
      how = NEXT;
      sent = undefined;
      switch (this._phase) {
        case ENTERING:
          try {
            this._await(IN_BODY, this._body.call(this._thisArg, step.value), "the asyncWith body");
          } catch (error) {
            this._exitWithError(error);
          }
          continue;
        case IN_BODY:
          this._result = step.value;
          // Done unless aexit() gives an awaitable: an error from calling it ends the scope.
          this._phase = DONE;
          this._inner = null;
          this._await(EXITING, this._cm.aexit(), "aexit");
          continue;
        case EXITING: {
          const result = this._result;
          this._finish();
          return { done: true, value: result };
        }
        default: {
          // EXITING_WITH_ERROR: a true result from aexit swallows the body's error.
          const error = this._error;
          this._finish();
          if (step.value) return { done: true, value: undefined };
          throw error;
        }
      }
    }
  }

  /** The first resume: the checks a generator's body would make, then `aenter()`. */
  private _enter(): void {
    this._phase = DONE;
    const cm = this._cm;
    if (
      cm === null ||
      (typeof cm !== "object" && typeof cm !== "function") ||
      typeof cm.aenter !== "function" ||
      typeof cm.aexit !== "function"
    ) {
      throw new TypeError(
        `${describe(cm)} does not support the asynchronous context manager protocol: it needs aenter() and aexit() methods`,
      );
    }
    if (typeof this._body !== "function") throw new TypeError(`asyncWith() body must be a generator function, got ${describe(this._body)}`);
    this._await(ENTERING, cm.aenter(), "aenter");
  }

  private _exitWithError(error: unknown): void {
    this._error = error;
    this._phase = DONE;
    this._inner = null;
    this._await(EXITING_WITH_ERROR, this._cm.aexit(error), "aexit");
  }

  /** Starts awaiting `aw` (after checking it is awaitable), as `yield*` would. */
  private _await(phase: Phase, aw: unknown, what: string): void {
    const checked = awaitable(aw as Coroutine<unknown>, what);
    this._inner = checked[Symbol.iterator]() as Iterator<Suspension | undefined, unknown, unknown>;
    this._phase = phase;
  }

  private _finish(): void {
    this._phase = DONE;
    this._inner = null;
    this._result = this._error = undefined;
  }
}
_handWrittenCoroutine(AsyncWith);

function awaitable<T>(aw: Coroutine<T> | Future<T>, what: string): Coroutine<T> | Future<T> {
  if (isCoroutine(aw) || aw instanceof Future) return aw;
  throw new TypeError(`${what} must return a coroutine (write it as a function*), got ${describe(aw)}`);
}
