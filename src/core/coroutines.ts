import type { Future } from "./futures";

declare const suspensionBrand: unique symbol;

/**
 * What a coroutine yields to the task running it when it waits on a library awaitable
 * (a pending Future, a sleep, a lock or queue wait). The type is opaque so that a
 * coroutine cannot `yield` a Future by mistake (it must `yield*` it), and so that an async generator's
 * body (where a plain `yield v` produces `v`) has its produced values told apart from its
 * waits by type: see {@link asyncGenerator}.
 */
export interface Suspension {
  readonly [suspensionBrand]: true;
}

/**
 * A coroutine: the generator object that a coroutine function (`function*`, the
 * `async def` of asyncio-ts) returns. It suspends with `yield*` on what it awaits (or
 * with a bare `yield`: one loop turn) and returns `T`, so `const n: number = yield* task`
 * type-checks.
 */
export type Coroutine<T = unknown> = Generator<Suspension | undefined, T, unknown>;

/** @internal The marker's value between a driver's reset and the next suspension. */
export const NOT_SUSPENDED: unique symbol = Symbol("asyncio-ts: not suspended");

/**
 * @internal The value of the last suspension a library awaitable handed up, or
 * `NOT_SUSPENDED`. Every point where the library suspends a coroutine (a future, a sleep,
 * a lock or queue wait) records what it yields here, right before the yield travels up
 * the `yield*` chain to the task; an async generator's driver resets it before each step
 * of the generator body and compares it with what the step yielded. That is how
 * `yield* asyncio.sleep(1)` (a wait) and `yield value` (a produced value, which may be
 * `undefined` or a Task) are told apart at run time with one store per suspension.
 */
export const _suspension: { value: unknown } = { value: NOT_SUSPENDED };


/** @internal Records `value` as the suspension being handed up, and returns it typed as one. */
export function _suspend(value: Future<unknown> | undefined): Suspension {
  _suspension.value = value;
  return value as unknown as Suspension;
}

/** What `yield*` accepts and `ensureFuture` wraps: a coroutine, a Future (or Task), or a promise. */
export type Awaitable<T = unknown> = Coroutine<T> | Future<T> | PromiseLike<T>;

/** The result type of an awaitable. */
export type AwaitableResult<A> =
  A extends Future<infer R> ? R : A extends Generator<unknown, infer R, unknown> ? R : A extends PromiseLike<infer R> ? R : never;

const GeneratorPrototype: object = Object.getPrototypeOf(Object.getPrototypeOf((function* () {})()));

/**
 * Marks the library's own coroutine objects, the iterators it writes by hand where a
 * generator would cost more (sleep's, `Lock.acquire`'s, the queue's, `asyncWith`'s):
 * `isCoroutine` knows them by one property read, where the tag check would call their
 * `Symbol.toStringTag` getter through `Object.prototype.toString`: `asyncWith` checks
 * what it awaits, and an arrow body such as `() => asyncio.sleep(0)` returns one.
 */
const HAND_WRITTEN: unique symbol = Symbol("asyncio-ts: hand-written coroutine");

/** @internal Declares the objects `constructor` makes to be coroutines (see HAND_WRITTEN). */
export function _handWrittenCoroutine(constructor: { prototype: object }): void {
  Object.defineProperty(constructor.prototype, HAND_WRITTEN, { value: true });
}

/**
 * True for a coroutine object, which in asyncio-ts is a generator object (Python's
 * `asyncio.iscoroutine`).
 */
export function isCoroutine(value: unknown): value is Coroutine<unknown> {
  // Fast path: a generator object of this realm inherits from %GeneratorPrototype%.
  if (GeneratorPrototype.isPrototypeOf(value as object)) return true;
  if (value === null || typeof value !== "object") return false;
  if ((value as { [HAND_WRITTEN]?: true })[HAND_WRITTEN] === true) return true;
  // Generators of another realm (an iframe, a vm context) carry the same tag.
  return (
    typeof (value as Generator).next === "function" &&
    typeof (value as Generator).throw === "function" &&
    Object.prototype.toString.call(value) === "[object Generator]"
  );
}

/** Marks a coroutine that a task or `waitFor` has taken to run. */
const TAKEN: unique symbol = Symbol("asyncio-ts: coroutine taken");

type Claimable = { [TAKEN]?: true };

/**
 * @internal Takes `coro` to run it; false if it was taken before. JavaScript cannot
 * tell a generator that already returned from a new one (both answer `next()` with
 * `done`), and resuming one that another task is suspended in steals that task's steps;
 * so the library marks the coroutines it runs, and a second taker fails with Python's
 * "cannot reuse already awaited coroutine" instead of finishing with `undefined` or
 * hanging the first. A coroutine finished by a plain `yield*` is not marked.
 */
export function _claim(coro: Coroutine<unknown>): boolean {
  if ((coro as Claimable)[TAKEN] === true) return false;
  (coro as Claimable)[TAKEN] = true;
  return true;
}
