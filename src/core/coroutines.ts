import type { Future } from "./futures";

/**
 * A coroutine: the generator object that a coroutine function (`function*`, the
 * `async def` of asyncio-ts) returns. It yields pending Futures (which is what
 * `yield* future` does) or `undefined` (a bare `yield`: one loop turn), and returns `T`,
 * so `const n: number = yield* task` type-checks.
 */
export type Coroutine<T = unknown> = Generator<Future<unknown> | undefined, T, unknown>;

/** What `yield*` accepts and `ensureFuture` wraps: a coroutine, a Future (or Task), or a promise. */
export type Awaitable<T = unknown> = Coroutine<T> | Future<T> | PromiseLike<T>;

/** The result type of an awaitable. */
export type AwaitableResult<A> =
  A extends Future<infer R> ? R : A extends Generator<unknown, infer R, unknown> ? R : A extends PromiseLike<infer R> ? R : never;

const GeneratorPrototype: object = Object.getPrototypeOf(Object.getPrototypeOf((function* () {})()));

/**
 * True for a coroutine object, which in asyncio-ts is a generator object (Python's
 * `asyncio.iscoroutine`).
 */
export function isCoroutine(value: unknown): value is Coroutine<unknown> {
  // Fast path: a generator object of this realm inherits from %GeneratorPrototype%.
  if (GeneratorPrototype.isPrototypeOf(value as object)) return true;
  // Generators of another realm (an iframe, a vm context) carry the same tag.
  return (
    value !== null &&
    typeof value === "object" &&
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
