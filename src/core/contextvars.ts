/**
 * Context variables (Python's `contextvars`): ContextVar, Token, Context, copyContext.
 *
 * A Context is a mapping from ContextVar to value. Its map is never changed in place:
 * `set` replaces it with a new one, so `copyContext()` only has to share the map, as
 * CPython shares its immutable HAMT. Each task runs in the copy of the context that was
 * current when the task was made; each callback runs in the context current when it
 * was scheduled.
 */
import { LookupError, RuntimeError } from "./exceptions";
import { describe } from "./repr";

/** @internal The values of a context: never changed in place, replaced on `set`. */
export type VarMap = ReadonlyMap<ContextVar<unknown>, unknown>;
/** @internal */
export const EMPTY_VARS: VarMap = new Map();

/**
 * What code runs in: a Context, or a Task that was given no explicit context
 * (it holds its own copy, which saves allocating a Context per task).
 */
export interface ContextState {
  /** @internal */ _map: VarMap;
  /** @internal */ _entered: boolean;
}

/**
 * A mapping of context variables to values (Python's `contextvars.Context`). Code runs
 * in one with `context.run(fn, ...args)`.
 */
export class Context implements Iterable<ContextVar<unknown>>, ContextState {
  /** @internal */ _map: VarMap;
  /** @internal */ _entered: boolean;

  /** An empty context; `copyContext()` gives a copy of the current one. */
  constructor() {
    this._map = EMPTY_VARS;
    this._entered = false;
  }

  /**
   * Calls `fn(...args)` with this context as the current one, and returns its result;
   * variables set by `fn` stay in this context (Python's `Context.run`).
   *
   * @throws RuntimeError if this context is already entered (in this call stack).
   */
  run<A extends unknown[], R>(fn: (...args: A) => R, ...args: A): R {
    const previous = enter(this);
    try {
      return fn(...args);
    } finally {
      leave(previous);
    }
  }

  /** A new context with the same values (Python's `Context.copy`). */
  copy(): Context {
    const copy = new Context();
    copy._map = this._map;
    return copy;
  }

  /** The variable's value in this context, or `defaultValue` (Python's `Context.get`). */
  get<T>(variable: ContextVar<T>, defaultValue?: T): T | undefined {
    return this._map.has(variable as ContextVar<unknown>) ? (this._map.get(variable as ContextVar<unknown>) as T) : defaultValue;
  }

  /** True if the variable has a value in this context (Python's `var in context`). */
  has(variable: ContextVar<unknown>): boolean {
    return this._map.has(variable);
  }

  /** How many variables have a value here (Python's `len(context)`). */
  get size(): number {
    return this._map.size;
  }

  keys(): IterableIterator<ContextVar<unknown>> {
    return this._map.keys();
  }

  values(): IterableIterator<unknown> {
    return this._map.values();
  }

  entries(): IterableIterator<[ContextVar<unknown>, unknown]> {
    return this._map.entries();
  }

  [Symbol.iterator](): IterableIterator<ContextVar<unknown>> {
    return this._map.keys();
  }

  toString(): string {
    return `<Context of ${this._map.size} variable${this._map.size === 1 ? "" : "s"}>`;
  }
}

// The context code runs in when no task or callback has entered one.
let current: ContextState = new Context();
current._entered = true;

/** @internal The values of the current context (a task copies them when it is created). */
export function _currentVars(): VarMap {
  return current._map;
}

/** @internal Makes `context` current and returns the one it replaces; pair with `leave`. */
export function enter(context: ContextState): ContextState {
  if (context._entered) throw new RuntimeError(`cannot enter context: ${context} is already entered`);
  context._entered = true;
  const previous = current;
  current = context;
  return previous;
}

/** @internal */
export function leave(previous: ContextState): void {
  current._entered = false;
  current = previous;
}

/** A copy of the current context (Python's `contextvars.copy_context`). */
export function copyContext(): Context {
  const copy = new Context();
  copy._map = current._map;
  return copy;
}

/** What `Token.oldValue` is when the variable had no value before `set`. */
export const MISSING: unique symbol = Symbol("Token.MISSING");

/**
 * What `ContextVar.set` returns, to undo that `set` with `reset` (Python's
 * `contextvars.Token`).
 */
export class Token<T> {
  /** The value of the variable before `set`, or `Token.MISSING`. */
  static readonly MISSING: typeof MISSING = MISSING;
  /** @internal */ _used: boolean;

  /** @internal */
  constructor(
    /** The variable that was set. */
    readonly variable: ContextVar<T>,
    /** The value before `set`, or `Token.MISSING`. */
    readonly oldValue: T | typeof MISSING,
    /** @internal */ readonly _context: ContextState,
  ) {
    this._used = false;
  }

  toString(): string {
    return `<Token${this._used ? " used" : ""} var=${this.variable}>`;
  }
}

/**
 * A variable whose value depends on the context it is read in (Python's
 * `contextvars.ContextVar`): a value set in a task is seen by that task and by the
 * tasks and callbacks it starts afterwards, never by its parent.
 *
 * @example
 * const requestId = new asyncio.ContextVar<string>("requestId", { default: "-" });
 * function* handler(id: string) {
 *   requestId.set(id);
 *   yield* asyncio.sleep(0);
 *   return requestId.get();
 * }
 * function* main() {
 *   const ids = yield* asyncio.gather(handler("a"), handler("b"));
 *   return [...ids, requestId.get()];
 * }
 * console.assert(asyncio.runSync(main()).join() === "a,b,-");
 */
export class ContextVar<T> {
  /** @internal */ readonly _hasDefault: boolean;
  /** @internal */ readonly _default: T | undefined;

  /** @throws TypeError if `name` is not a string. */
  constructor(
    readonly name: string,
    options: { default?: T } = {},
  ) {
    if (typeof name !== "string") throw new TypeError(`context variable name must be a string, got ${describe(name)}`);
    this._hasDefault = "default" in options;
    this._default = options.default;
  }

  /**
   * The value in the current context; else `defaultValue` if given; else the
   * variable's default (Python's `ContextVar.get`).
   *
   * @throws LookupError when there is none of these.
   */
  get(defaultValue?: T): T {
    const map = current._map;
    if (map.has(this as ContextVar<unknown>)) return map.get(this as ContextVar<unknown>) as T;
    if (arguments.length > 0) return defaultValue as T;
    if (this._hasDefault) return this._default as T;
    throw new LookupError(`${this} has no value in the current context and no default`);
  }

  /** Sets the value in the current context; returns a Token to undo it (Python's `ContextVar.set`). */
  set(value: T): Token<T> {
    const context = current;
    const self = this as ContextVar<unknown>;
    const old = context._map.has(self) ? (context._map.get(self) as T) : MISSING;
    context._map = new Map(context._map).set(self, value);
    return new Token(this, old, context);
  }

  /**
   * Restores the value from before the `set` that made `token` (Python's `ContextVar.reset`).
   *
   * @throws RuntimeError if the token was used already; RangeError (Python's
   * ValueError) if it was made by another variable or in another context.
   */
  reset(token: Token<T>): void {
    if (!(token instanceof Token)) throw new TypeError(`expected an instance of Token, got ${describe(token)}`);
    if (token._used) throw new RuntimeError(`${token} has already been used once`);
    if (token.variable !== this) throw new RangeError(`${token} was created by a different ContextVar`);
    const context = current;
    if (token._context !== context) throw new RangeError(`${token} was created in a different Context`);
    token._used = true;
    const next = new Map(context._map);
    if (token.oldValue === MISSING) next.delete(this as ContextVar<unknown>);
    else next.set(this as ContextVar<unknown>, token.oldValue);
    context._map = next;
  }

  toString(): string {
    return `<ContextVar name='${this.name}'>`;
  }
}
