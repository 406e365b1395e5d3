/**
 * asyncWith: Python's `async with` statement as a function.
 */
import { type Coroutine, isCoroutine } from "./coroutines";
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
export function* asyncWith<V, R, This = undefined>(
  cm: AsyncContextManager<V>,
  body: (this: This, value: V) => Coroutine<R>,
  thisArg?: This,
): Coroutine<R | undefined> {
  if (
    cm === null ||
    (typeof cm !== "object" && typeof cm !== "function") ||
    typeof (cm as AsyncContextManager<V>).aenter !== "function" ||
    typeof (cm as AsyncContextManager<V>).aexit !== "function"
  ) {
    throw new TypeError(
      `${describe(cm)} does not support the asynchronous context manager protocol: it needs aenter() and aexit() methods`,
    );
  }
  if (typeof body !== "function") throw new TypeError(`asyncWith() body must be a generator function, got ${describe(body)}`);
  // Each awaitable is checked, then awaited directly: a helper coroutine around it would
  // add a delegation level to every resume of the body.
  const value = yield* awaitable(cm.aenter(), "aenter");
  let result: R;
  try {
    result = yield* awaitable(body.call(thisArg as This, value), "the asyncWith body");
  } catch (error) {
    if (yield* awaitable(cm.aexit(error), "aexit")) return undefined;
    throw error;
  }
  yield* awaitable(cm.aexit(), "aexit");
  return result;
}

function awaitable<T>(aw: Coroutine<T> | Future<T>, what: string): Coroutine<T> | Future<T> {
  if (isCoroutine(aw) || aw instanceof Future) return aw;
  throw new TypeError(`${what} must return a coroutine (write it as a function*), got ${describe(aw)}`);
}
