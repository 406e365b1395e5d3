/**
 * The async parts of Python's `contextlib`: `aclosing` (close an async generator when a
 * block ends) and `asynccontextmanager` (an async context manager written as an async
 * generator that yields once), both for `asyncWith`.
 */
import { AsyncGenerator, asyncGenerator } from "./asyncgens";
import type { AsyncContextManager } from "./asyncwith";
import { type Coroutine, type Suspension, isCoroutine } from "./coroutines";
import { RuntimeError, StopAsyncIteration } from "./exceptions";
import { Future } from "./futures";
import { describe } from "./repr";

/** Something with an `aclose()` to await: an async generator, an `asyncFor` cursor, a stream. */
export interface AsyncClosable {
  aclose(): Coroutine<unknown> | Future<unknown>;
}

/**
 * Python's `contextlib.aclosing(thing)`: an async context manager whose value is `thing`
 * and whose exit awaits `thing.aclose()`, however the block ends. With an async
 * generator, its `finally` blocks run when the block ends rather than when it is collected.
 *
 * @example
 * const log: string[] = [];
 * const numbers = asyncio.asyncGenerator(function* () {
 *   try {
 *     for (let i = 0; ; i++) yield i;
 *   } finally {
 *     log.push("closed");
 *   }
 * });
 * function* main() {
 *   yield* asyncio.asyncWith(asyncio.aclosing(numbers()), function* (g) {
 *     for (const it = asyncio.asyncFor(g); yield* it.next(); ) if (it.value === 2) break;
 *     log.push("after the loop");
 *   });
 *   log.push("after the block");
 * }
 * asyncio.runSync(main());
 * console.assert(log.join(", ") === "after the loop, closed, after the block");
 *
 * @throws TypeError if `thing` has no `aclose()` method.
 */
export function aclosing<T extends AsyncClosable>(thing: T): AsyncContextManager<T> {
  if (thing === null || (typeof thing !== "object" && typeof thing !== "function") || typeof thing.aclose !== "function") {
    throw new TypeError(`aclosing() needs an object with an aclose() method, got ${describe(thing)}`);
  }
  return new Closing(thing);
}

class Closing<T extends AsyncClosable> implements AsyncContextManager<T> {
  private readonly _thing: T;

  constructor(thing: T) {
    this._thing = thing;
  }

  // biome-ignore lint/correctness/useYield: aenter must be a coroutine; it has nothing to await.
  *aenter(): Coroutine<T> {
    return this._thing;
  }

  *aexit(): Coroutine<boolean> {
    const closed = this._thing.aclose();
    if (!isCoroutine(closed) && !(closed instanceof Future)) {
      throw new TypeError(`aclose() of ${describe(this._thing)} must return a coroutine or a Future, got ${describe(closed)}`);
    }
    yield* closed;
    return false;
  }
}

/**
 * The async context manager of {@link asyncContextManager}: it runs the generator up to
 * its `yield` on enter, and the rest on exit (throwing the block's error in at the `yield`).
 */
class GeneratorContextManager<Y> implements AsyncContextManager<Y> {
  private readonly _generator: AsyncGenerator<Y, unknown>;

  constructor(generator: AsyncGenerator<Y, unknown>) {
    this._generator = generator;
  }

  *aenter(): Coroutine<Y> {
    try {
      return yield* this._generator.anext();
    } catch (error) {
      if (error instanceof StopAsyncIteration) throw new RuntimeError("generator didn't yield");
      throw error;
    }
  }

  *aexit(...thrown: [unknown?]): Coroutine<boolean> {
    const generator = this._generator;
    if (thrown.length === 0) {
      try {
        yield* generator.anext();
      } catch (error) {
        if (error instanceof StopAsyncIteration) return false;
        throw error;
      }
      try {
        throw new RuntimeError("generator didn't stop");
      } finally {
        yield* generator.aclose();
      }
    }
    const error = thrown[0];
    try {
      yield* generator.athrow(error);
    } catch (raised) {
      // The generator ended: it swallowed the error (its body returned after the yield).
      if (raised instanceof StopAsyncIteration) return raised !== error;
      // It let the error through, as it was or chained by the PEP 479 conversion.
      if (raised === error) return false;
      if (raised instanceof RuntimeError && error instanceof StopAsyncIteration && raised.cause === error) return false;
      throw raised;
    }
    try {
      throw new RuntimeError("generator didn't stop after athrow()");
    } finally {
      yield* generator.aclose();
    }
  }
}

/**
 * Python's `@contextlib.asynccontextmanager`: makes an async context manager factory from
 * a generator function that yields once. What runs before the `yield` is the enter, the
 * yielded value is what `asyncWith` passes to its body, and what runs after is the exit;
 * an error of the body is thrown in at the `yield` (catch it to swallow it). Put the exit
 * in a `finally` so it also runs when the body fails.
 *
 * @example
 * const log: string[] = [];
 * const opened = asyncio.asyncContextManager(function* (name: string) {
 *   yield* asyncio.sleep(0);
 *   log.push(`open ${name}`);
 *   try {
 *     yield name.toUpperCase();
 *   } finally {
 *     log.push(`close ${name}`);
 *   }
 * });
 * function* main() {
 *   yield* asyncio.asyncWith(opened("db"), function* (handle) {
 *     log.push(`use ${handle}`);
 *   });
 * }
 * asyncio.runSync(main());
 * console.assert(log.join(", ") === "open db, use DB, close db");
 *
 * @throws TypeError if `fn` is not a function; RuntimeError (on enter or exit) if the
 * generator does not yield exactly once.
 */
export function asyncContextManager<This, A extends unknown[], Y = undefined>(
  fn: (this: This, ...args: A) => Generator<Y | Suspension | undefined, void, unknown>,
): (this: This, ...args: A) => AsyncContextManager<Y> {
  const make = asyncGenerator(fn);
  const name = fn.name || "asynccontextmanager";
  return {
    [name](this: This, ...args: A): AsyncContextManager<Y> {
      return new GeneratorContextManager<Y>(make.apply(this, args) as AsyncGenerator<Y, unknown>);
    },
  }[name]!;
}
