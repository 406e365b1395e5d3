/**
 * Asynchronous iteration: Python's `async for`, `aiter()`, `anext()` and async
 * comprehensions, over async generators, objects with Python's protocol (`aiter()` /
 * `anext()`) and JavaScript async iterables (`ReadableStream`, a Node `Readable`,
 * `events.on`, a `fetch` body).
 *
 * `async for` is a `for` loop whose condition awaits the next value:
 *
 *     for (const it = asyncio.asyncFor(source); yield* it.next(); ) { const x = it.value; … }
 *
 * The condition is the one place in a loop header that runs before every iteration and
 * may contain `yield*`, so `break`, `continue` and `return` work as in Python with
 * nothing to add to the body. As in Python, leaving the loop early does not close the
 * source: an async generator is closed when collected or by `shutdownAsyncgens` at the
 * end of `asyncio.run`, or at once with `aclosing`.
 */
import { AsyncGenerator } from "./asyncgens";
import { type Coroutine, isCoroutine } from "./coroutines";
import { RuntimeError, StopAsyncIteration } from "./exceptions";
import { Future, wrapPromise } from "./futures";
import { describe } from "./repr";

/**
 * An async iterator by Python's protocol (`__anext__`): `anext()` gives the next value
 * as something to `yield*`, which throws StopAsyncIteration at the end.
 */
export interface AsyncIteratorProtocol<T> {
  anext(): Coroutine<T> | Future<T>;
}

/** An async iterable by Python's protocol (`__aiter__`). */
export interface AsyncIterableProtocol<T> {
  aiter(): AsyncIteratorProtocol<T>;
}

/** What `asyncFor`, `aiter` and `collect` iterate: Python's protocol or JavaScript's. */
export type AsyncSource<T> = AsyncIterableProtocol<T> | AsyncIterable<T>;

/** The name of a value's type, as Python's messages show it (`'int' object …`). */
function typeName(value: unknown): string {
  if (value === null) return "null";
  if (typeof value !== "object" && typeof value !== "function") return typeof value;
  return (value as object).constructor?.name ?? "Object";
}

function hasMethod(value: unknown, name: PropertyKey): boolean {
  return value !== null && (typeof value === "object" || typeof value === "function") && typeof (value as Record<PropertyKey, unknown>)[name] === "function";
}

/**
 * A JavaScript async iterator seen through Python's protocol. Each `anext()` awaits the
 * iterator's promise; `aclose()` calls its `return()`, which is how JavaScript closes
 * one (a Node stream is destroyed, an `events.on` listener removed).
 */
class JsAsyncIterator<T> implements AsyncIteratorProtocol<T> {
  private readonly _iterator: globalThis.AsyncIterator<T>;

  constructor(iterator: globalThis.AsyncIterator<T>) {
    this._iterator = iterator;
  }

  *anext(): Coroutine<T> {
    const result = yield* wrapPromise(Promise.resolve(this._iterator.next()));
    if (result === null || typeof result !== "object") {
      throw new TypeError(`the async iterator's next() gave ${describe(result)}, not an iterator result object`);
    }
    if (result.done) throw new StopAsyncIteration();
    return result.value;
  }

  *aclose(): Coroutine<void> {
    if (typeof this._iterator.return === "function") yield* wrapPromise(Promise.resolve(this._iterator.return()));
  }

  aiter(): this {
    return this;
  }

  toString(): string {
    return `<async iterator of ${typeName(this._iterator)}>`;
  }
}

/**
 * Python's `aiter(iterable)`: the async iterator of an async iterable — its `aiter()`
 * (Python's protocol), or its `[Symbol.asyncIterator]()` seen through Python's protocol.
 *
 * @example
 * async function* numbers() { yield 1; yield 2; }   // a JavaScript async generator
 * function* main() {
 *   const it = asyncio.aiter(numbers());
 *   return [yield* it.anext(), yield* it.anext()];
 * }
 * console.assert(JSON.stringify(await asyncio.run(main())) === "[1,2]");
 *
 * @throws TypeError for a value that is not an async iterable, or whose `aiter()` does
 * not return an async iterator.
 */
export function aiter<T>(iterable: AsyncSource<T>): AsyncIteratorProtocol<T> {
  if (hasMethod(iterable, "aiter")) {
    const iterator = (iterable as AsyncIterableProtocol<T>).aiter();
    if (!hasMethod(iterator, "anext")) {
      throw new TypeError(`aiter() returned not an async iterator of type '${typeName(iterator)}': it needs an anext() method`);
    }
    return iterator;
  }
  if (hasMethod(iterable, Symbol.asyncIterator)) {
    const iterator = (iterable as AsyncIterable<T>)[Symbol.asyncIterator]();
    if (!hasMethod(iterator, "next")) {
      throw new TypeError(`[Symbol.asyncIterator]() of ${describe(iterable)} returned ${describe(iterator)}, which has no next() method`);
    }
    return new JsAsyncIterator(iterator);
  }
  throw new TypeError(
    `'${typeName(iterable)}' object is not an async iterable: it needs an aiter() method or [Symbol.asyncIterator]() (got ${describe(iterable)})`,
  );
}

/** Turns what an `anext()` returned into something to `yield*`, or says what was wrong. */
function awaitable<T>(aw: Coroutine<T> | Future<T>, iterator: unknown): Coroutine<T> | Future<T> {
  if (isCoroutine(aw) || aw instanceof Future) return aw;
  throw new TypeError(`anext() of ${describe(iterator)} must return a coroutine or a Future, got ${describe(aw)}`);
}

function* withDefault<T, D>(next: Coroutine<T> | Future<T>, otherwise: D): Coroutine<T | D> {
  try {
    return yield* next;
  } catch (error) {
    if (error instanceof StopAsyncIteration) return otherwise;
    throw error;
  }
}

function* awaitOnce<T>(next: Future<T>): Coroutine<T> {
  return yield* next;
}

/**
 * Python's `anext(iterator)` and `anext(iterator, default)`: the next value of an async
 * iterator; at the end it throws StopAsyncIteration, or gives `default` when one is
 * passed. A JavaScript async iterator is accepted too.
 *
 * @example
 * const two = asyncio.asyncGenerator(function* () { yield "a"; yield "b"; });
 * function* main() {
 *   const g = two();
 *   return [yield* asyncio.anext(g), yield* asyncio.anext(g), yield* asyncio.anext(g, "end")];
 * }
 * console.assert(asyncio.runSync(main()).join() === "a,b,end");
 *
 * @throws TypeError for a value that is not an async iterator.
 */
export function anext<T>(iterator: AsyncIteratorProtocol<T> | globalThis.AsyncIterator<T>): Coroutine<T>;
export function anext<T, D>(iterator: AsyncIteratorProtocol<T> | globalThis.AsyncIterator<T>, otherwise: D): Coroutine<T | D>;
export function anext<T, D>(iterator: AsyncIteratorProtocol<T> | globalThis.AsyncIterator<T>, ...otherwise: [D?]): Coroutine<T | D> {
  let next: Coroutine<T> | Future<T>;
  if (hasMethod(iterator, "anext")) {
    next = awaitable((iterator as AsyncIteratorProtocol<T>).anext(), iterator);
  } else if (hasMethod(iterator, "next") && hasMethod(iterator, Symbol.asyncIterator)) {
    next = new JsAsyncIterator(iterator as globalThis.AsyncIterator<T>).anext();
  } else {
    throw new TypeError(`'${typeName(iterator)}' object is not an async iterator: it needs an anext() method (got ${describe(iterator)})`);
  }
  if (otherwise.length > 0) return withDefault(next, otherwise[0] as D);
  return next instanceof Future ? awaitOnce(next) : next;
}

const NO_VALUE: unique symbol = Symbol("asyncio-ts: no value yet");

// biome-ignore lint/correctness/useYield: the end of the iteration, as a coroutine.
function* noMore(): Coroutine<boolean> {
  return false;
}

/**
 * The cursor of an `async for` loop (see {@link asyncFor}): `yield* it.next()` awaits the
 * next value and is false at the end; `it.value` is the value.
 */
export class AsyncFor<T> {
  /** @internal What `next()` gave last; `NO_VALUE` before the first. */
  _value: T | typeof NO_VALUE = NO_VALUE;
  /** @internal True once the source ended. */
  _exhausted = false;
  private readonly _generator: AsyncGenerator<T, unknown> | null;
  private readonly _iterator: AsyncIteratorProtocol<T> | null;

  /** @throws TypeError for a value that is not an async iterable. */
  constructor(iterable: AsyncSource<T>) {
    if (iterable instanceof AsyncGenerator) {
      this._generator = iterable as AsyncGenerator<T, unknown>;
      this._iterator = null;
    } else {
      if (!hasMethod(iterable, "aiter") && !hasMethod(iterable, Symbol.asyncIterator)) {
        throw new TypeError(
          `asyncFor() needs an async iterable (an object with aiter() or [Symbol.asyncIterator]()), got '${typeName(iterable)}' ${describe(iterable)}`,
        );
      }
      const iterator = aiter(iterable);
      this._generator = iterator instanceof AsyncGenerator ? (iterator as AsyncGenerator<T, unknown>) : null;
      this._iterator = this._generator === null ? iterator : null;
    }
  }

  /**
   * Awaits the next value: true when there is one (read it from `value`), false at the
   * end. An error from the source is thrown here.
   */
  next(): Coroutine<boolean> {
    if (this._exhausted) return noMore();
    if (this._generator !== null) return this._generator._nextInto(this);
    return this._nextFrom(this._iterator!);
  }

  /**
   * The value the last `yield* next()` gave.
   *
   * @throws RuntimeError before the first `next()` has given a value.
   */
  get value(): T {
    const value = this._value;
    if (value === NO_VALUE) throw new RuntimeError("asyncFor value read before `yield* it.next()` gave one");
    return value;
  }

  /**
   * Closes the source now (an async generator's `aclose()`, a JavaScript iterator's
   * `return()`): what Python's `contextlib.aclosing` does at the end of the loop.
   */
  *aclose(): Coroutine<void> {
    this._exhausted = true;
    if (this._generator !== null) {
      yield* this._generator.aclose();
      return;
    }
    const iterator = this._iterator as { aclose?: () => Coroutine<unknown> | Future<unknown> };
    if (typeof iterator.aclose === "function") yield* awaitable(iterator.aclose(), iterator);
  }

  private *_nextFrom(iterator: AsyncIteratorProtocol<T>): Coroutine<boolean> {
    let value: T;
    try {
      value = yield* awaitable(iterator.anext(), iterator);
    } catch (error) {
      if (error instanceof StopAsyncIteration) {
        this._exhausted = true;
        return false;
      }
      throw error;
    }
    this._value = value;
    return true;
  }
}

/**
 * Python's `async for x in source:` — a cursor for a `for` loop whose condition awaits
 * the next value. `break`, `continue` and `return` behave as in Python; like Python,
 * leaving early does not close the source (`it.aclose()` or `aclosing` does).
 *
 * `source` is an async generator, anything with Python's protocol (`aiter()` returning
 * an object with `anext()`: StreamReader lines, `asCompleted`), or a JavaScript async
 * iterable (`ReadableStream`, a Node `Readable`, `events.on(...)`, a `fetch` body).
 *
 * @example
 * const letters = asyncio.asyncGenerator(function* () {
 *   for (const letter of "abcd") {
 *     yield* asyncio.sleep(0);
 *     yield letter;
 *   }
 * });
 * function* main() {
 *   let out = "";
 *   for (const it = asyncio.asyncFor(letters()); yield* it.next(); ) {
 *     if (it.value === "b") continue;
 *     if (it.value === "d") break;
 *     out += it.value;
 *   }
 *   return out;
 * }
 * console.assert(asyncio.runSync(main()) === "ac");
 *
 * @throws TypeError for a value that is not an async iterable.
 */
export function asyncFor<T>(source: AsyncSource<T>): AsyncFor<T> {
  return new AsyncFor(source);
}

/**
 * An async comprehension: `[x async for x in source]` is `yield* collect(source)`, and
 * `[f(x) async for x in source]` is `yield* collect(source, (x) => f(x))`. A `map` that
 * returns a coroutine is awaited, as `[await f(x) async for x in source]`.
 *
 * @example
 * const squares = asyncio.asyncGenerator(function* (n: number) {
 *   for (let i = 1; i <= n; i++) yield i * i;
 * });
 * function* main() {
 *   return yield* asyncio.collect(squares(3), (x) => x + 1);
 * }
 * console.assert(asyncio.runSync(main()).join() === "2,5,10");
 *
 * @throws TypeError for a value that is not an async iterable, or a `map` that is not a function.
 */
export function collect<T>(source: AsyncSource<T>): Coroutine<T[]>;
export function collect<T, U>(source: AsyncSource<T>, map: (value: T) => U | Coroutine<U>): Coroutine<U[]>;
export function* collect<T, U>(source: AsyncSource<T>, map?: (value: T) => U | Coroutine<U>): Coroutine<(T | U)[]> {
  if (map !== undefined && typeof map !== "function") throw new TypeError(`collect() map must be a function, got ${describe(map)}`);
  const items: (T | U)[] = [];
  for (const it = asyncFor(source); yield* it.next(); ) {
    if (map === undefined) {
      items.push(it.value);
      continue;
    }
    const mapped = map(it.value);
    items.push(isCoroutine(mapped) ? yield* mapped : (mapped as U));
  }
  return items;
}
