/**
 * Async generators: Python's `async def` with `yield` (PEP 525). `asyncGenerator` turns
 * a generator function whose plain `yield v` produces a value and whose `yield* aw`
 * awaits into an async generator function; its objects speak Python's protocol
 * (`anext`, `asend`, `athrow`, `aclose`), and the loop finalizes the ones left suspended
 * (`loop.shutdownAsyncgens()`, which `asyncio.run` awaits at its end, and a
 * FinalizationRegistry for the ones collected while the loop runs).
 *
 * The body runs inside the task that awaits `anext()`, as in Python: a wait inside the
 * body is handed up to that task, and a cancellation of that task is thrown into the
 * body where it waits. What a step of the body yields is told apart by the suspension
 * marker of coroutines.ts: a library awaitable records what it hands up, a `yield v`
 * does not.
 */
import { type Coroutine, NOT_SUSPENDED, type Suspension, _suspension, _handWrittenCoroutine } from "./coroutines";
import { RuntimeError, StopAsyncIteration } from "./exceptions";
import { type EventLoop, _asyncgenHooks, _getRunningLoop } from "./events";
import { _runForNative } from "./native";
import { describe } from "./repr";
import { gather } from "./waiting";

/** What a step does to the body: send a value in, throw an error in, or close it. */
const SEND = 0;
const THROW = 1;
const CLOSE = 2;
type StepMode = typeof SEND | typeof THROW | typeof CLOSE;
const OPERATION = ["anext", "athrow", "aclose"] as const;

/** Where a step is: not started, waiting on what the body awaits, or finished. */
const INIT = 0;
const AWAITING = 1;
const DONE = 2;

/**
 * @internal One async generator's state, kept apart from the object users hold so that
 * the object can be collected while the state lives on to close the body (Python
 * resurrects the generator for its finalizer; JavaScript cannot).
 */
export class AsyncGenState {
  readonly _body: Generator<unknown, unknown, unknown>;
  readonly _name: string;
  /** The body has been entered (a first `anext`/`asend`/`athrow`). */
  _started = false;
  /** The body ended: it returned, threw, or was closed. */
  _closed = false;
  /** A step is inside the body, waiting on something for its task (Python's `ag_running`). */
  _running = false;
  /** The loop that finalizes it: the one running when it was first used. */
  _loop: EventLoop | null = null;
  /** The user's object, for reports; weak, so that it can be collected. */
  _owner: WeakRef<AsyncGenerator<unknown, unknown>> | null = null;

  constructor(body: Generator<unknown, unknown, unknown>, name: string) {
    this._body = body;
    this._name = name;
  }

  /** Python's `firstiter` hook: the first use under a running loop puts it in the loop's care. */
  _track(owner: AsyncGenerator<unknown, unknown>): void {
    if (this._loop !== null || this._closed) return;
    const loop = _getRunningLoop();
    if (loop === null) return;
    this._loop = loop;
    this._owner = new WeakRef(owner);
    (loop._asyncgens ??= new Set()).add(this);
    finalizers.register(owner, this, this);
  }

  _close(): void {
    this._closed = true;
    const loop = this._loop;
    if (loop !== null) {
      loop._asyncgens?.delete(this);
      finalizers.unregister(this);
    }
  }

  toString(): string {
    return `<async_generator object ${this._name}>`;
  }
}

/**
 * Python's `_asyncgen_finalizer_hook`: an async generator collected while suspended in
 * its body is closed by a new task of its loop, so its `finally` blocks run.
 */
const finalizers = new FinalizationRegistry<AsyncGenState>((state) => {
  const loop = state._loop;
  if (state._closed || loop === null || loop.isClosed()) return;
  loop.callSoonThreadsafe(() => loop.createTask(new AsyncGenStep<void>(state, CLOSE, undefined, null)));
});

/** @internal Where `asyncFor` puts each value an async generator produces. */
export interface ValueSink {
  _value: unknown;
  _exhausted: boolean;
}

/**
 * One `anext()`/`asend()`/`athrow()`/`aclose()` in flight (Python's `async_generator_asend`
 * and `async_generator_athrow`): a coroutine the awaiting task drives, which steps the
 * body and hands its waits up until the body produces a value or ends.
 */
class AsyncGenStep<T> implements Coroutine<T> {
  private readonly _state: AsyncGenState;
  private readonly _mode: StepMode;
  private readonly _argument: unknown;
  /** `asyncFor`'s cursor: the step then returns whether a value came, and the value goes there. */
  private readonly _sink: ValueSink | null;
  private _phase: typeof INIT | typeof AWAITING | typeof DONE;

  constructor(state: AsyncGenState, mode: StepMode, argument: unknown, sink: ValueSink | null) {
    this._state = state;
    this._mode = mode;
    this._argument = argument;
    this._sink = sink;
    this._phase = INIT;
  }

  next(sent?: unknown): IteratorResult<Suspension | undefined, T> {
    if (this._phase === AWAITING) return this._step(SEND, sent);
    if (this._phase === INIT) return this._start();
    throw new RuntimeError(
      this._mode === SEND ? "cannot reuse already awaited anext()/asend()" : "cannot reuse already awaited aclose()/athrow()",
    );
  }

  throw(error: unknown): IteratorResult<Suspension | undefined, T> {
    // Thrown in while the body waits (a cancellation, most often): the body gets it there.
    if (this._phase === AWAITING) return this._step(THROW, error);
    this._phase = DONE;
    throw error;
  }

  return(value?: T): IteratorResult<Suspension | undefined, T> {
    // The coroutine awaiting this step is being closed: the body closes with it, as
    // Python's GeneratorExit goes through the awaitable into the generator.
    if (this._phase === AWAITING) {
      this._phase = DONE;
      const state = this._state;
      state._running = false;
      try {
        state._body.return(undefined);
      } finally {
        state._close();
      }
    }
    this._phase = DONE;
    return { done: true, value: value as T };
  }

  [Symbol.iterator](): this {
    return this;
  }

  /** Tagged as a generator, so `isCoroutine`, `createTask` and `gather` accept it. */
  get [Symbol.toStringTag](): string {
    return "Generator";
  }

  private _start(): IteratorResult<Suspension | undefined, T> {
    const state = this._state;
    const mode = this._mode;
    this._phase = DONE;
    if (state._running) throw new RuntimeError(`${OPERATION[mode]}(): asynchronous generator is already running`);
    if (mode === SEND) {
      if (state._closed) return this._exhausted();
      if (!state._started && this._argument !== undefined) {
        throw new TypeError(`can't send non-undefined value to a just-started async generator: ${describe(this._argument)}`);
      }
    } else if (mode === THROW) {
      // Python 3.11–3.13: athrow() on a finished generator returns None.
      if (state._closed) return { done: true, value: undefined as T };
    } else if (state._closed || !state._started) {
      // Nothing to run: a body never entered has no finally block to run.
      state._body.return(undefined);
      state._close();
      return { done: true, value: undefined as T };
    }
    state._started = true;
    return this._step(mode, this._argument);
  }

  private _step(how: StepMode, argument: unknown): IteratorResult<Suspension | undefined, T> {
    const state = this._state;
    state._running = true;
    _suspension.value = NOT_SUSPENDED;
    let step: IteratorResult<unknown, unknown>;
    try {
      step = how === SEND ? state._body.next(argument) : how === THROW ? state._body.throw(argument) : state._body.return(undefined);
    } catch (error) {
      this._phase = DONE;
      state._running = false;
      state._close();
      if (error instanceof StopAsyncIteration) {
        throw new RuntimeError("async generator raised StopAsyncIteration", { cause: error });
      }
      throw error;
    }
    if (!step.done && _suspension.value === step.value) {
      // The body waits on a library awaitable: hand the wait up to the task.
      this._phase = AWAITING;
      return step as IteratorResult<Suspension | undefined, T>;
    }
    this._phase = DONE;
    state._running = false;
    if (step.done) {
      state._close();
      if (step.value !== undefined) {
        throw new RuntimeError(`async generator ${state._name} returned a value (${describe(step.value)}); an async generator can only yield`);
      }
      if (this._mode === CLOSE) return { done: true, value: undefined as T };
      return this._exhausted();
    }
    // The body produced a value.
    if (this._mode === CLOSE) {
      state._close();
      throw new RuntimeError("async generator ignored GeneratorExit");
    }
    const sink = this._sink;
    if (sink !== null) {
      sink._value = step.value;
      return { done: true, value: true as T };
    }
    return { done: true, value: step.value as T };
  }

  /** The end of the iteration: StopAsyncIteration, or `false` for `asyncFor`, which needs no error. */
  private _exhausted(): IteratorResult<Suspension | undefined, T> {
    const sink = this._sink;
    if (sink === null) throw new StopAsyncIteration();
    sink._exhausted = true;
    return { done: true, value: false as T };
  }
}
_handWrittenCoroutine(AsyncGenStep);

/**
 * An async generator object (Python's `async_generator`): what a function made by
 * {@link asyncGenerator} returns. `Y` is the type of the values it produces and `S` the
 * type `asend` sends in. Each method returns a coroutine to `yield*`; the body runs
 * inside the task that awaits it.
 *
 * It is also a JavaScript async iterable: `for await (const x of g)` in an `async`
 * function works while its loop runs (each step becomes a task of that loop).
 *
 * @example
 * const countdown = asyncio.asyncGenerator(function* (n: number) {
 *   while (n > 0) {
 *     yield n--;
 *     yield* asyncio.sleep(0);
 *   }
 * });
 * function* main() {
 *   const g = countdown(2);
 *   const first = yield* g.anext();
 *   const second = yield* g.anext();
 *   let ended = false;
 *   try {
 *     yield* g.anext();
 *   } catch (error) {
 *     ended = error instanceof asyncio.StopAsyncIteration;
 *   }
 *   return [first, second, ended];
 * }
 * console.assert(JSON.stringify(asyncio.runSync(main())) === "[2,1,true]");
 */
export class AsyncGenerator<Y, S = unknown> {
  /** @internal */
  readonly _state: AsyncGenState;

  /**
   * Wraps a generator object as an async generator; `name` shows in reports. Most code
   * calls a function made by {@link asyncGenerator} instead.
   *
   * @throws TypeError if `body` is not a generator object.
   */
  constructor(body: Generator<Y | Suspension | undefined, void, S>, name?: string) {
    if (body === null || typeof body !== "object" || typeof body.next !== "function" || typeof body.throw !== "function") {
      throw new TypeError(`AsyncGenerator needs a generator object (write the body as a function*), got ${describe(body)}`);
    }
    this._state = new AsyncGenState(body as Generator<unknown, unknown, unknown>, name ?? "asyncgen");
  }

  /** Python's `__anext__()`: the next value; throws StopAsyncIteration at the end. */
  anext(): Coroutine<Y> {
    this._state._track(this);
    return new AsyncGenStep<Y>(this._state, SEND, undefined, null);
  }

  /**
   * Python's `asend(value)`: resumes the body with `value` as the result of the `yield`
   * it stopped at, and returns the next value produced.
   *
   * @throws TypeError (when awaited) for a value other than `undefined` sent to a
   * generator that has not started; StopAsyncIteration at the end.
   */
  asend(value: S): Coroutine<Y> {
    this._state._track(this);
    return new AsyncGenStep<Y>(this._state, SEND, value, null);
  }

  /**
   * Python's `athrow(error)`: throws `error` into the body where it stopped; returns the
   * next value it produces if it catches the error, throws StopAsyncIteration if it
   * then ends, and throws the error back if it does not catch it.
   */
  athrow(error: unknown): Coroutine<Y> {
    this._state._track(this);
    return new AsyncGenStep<Y>(this._state, THROW, error, null);
  }

  /**
   * Python's `aclose()`: ends the body where it stopped, running its `finally` blocks
   * (which may await). JavaScript has no GeneratorExit: the body is left with a
   * `return`, so only `finally` blocks run, not `catch` blocks.
   *
   * @throws RuntimeError (when awaited) if the body produces a value while closing
   * ("async generator ignored GeneratorExit") or if a step is already running.
   */
  aclose(): Coroutine<void> {
    this._state._track(this);
    return new AsyncGenStep<void>(this._state, CLOSE, undefined, null);
  }

  /** Python's `__aiter__()`: the generator itself. */
  aiter(): this {
    return this;
  }

  /** True while a step runs inside the body (Python's `ag_running`). */
  get running(): boolean {
    return this._state._running;
  }

  /** @internal `asyncFor`'s step: no StopAsyncIteration at the end, the value goes to `sink`. */
  _nextInto(sink: ValueSink): Coroutine<boolean> {
    this._state._track(this);
    return new AsyncGenStep<boolean>(this._state, SEND, undefined, sink);
  }

  /**
   * A JavaScript async iterator over the values, for `for await` in native code. Each
   * step runs as a task of the generator's loop (or the current loop), which must be
   * running; leaving a `for await` early closes the generator, as JavaScript does.
   */
  [Symbol.asyncIterator](): globalThis.AsyncIterator<Y, undefined> {
    return new NativeAsyncIterator(this);
  }

  toString(): string {
    return this._state.toString();
  }

  /** How Node's `console.log` and `util.inspect` show it. */
  [Symbol.for("nodejs.util.inspect.custom")](): string {
    return this.toString();
  }
}

/** An async generator seen as a JavaScript async iterator. */
class NativeAsyncIterator<Y> implements globalThis.AsyncIterator<Y, undefined> {
  private readonly _generator: AsyncGenerator<Y, unknown>;

  constructor(generator: AsyncGenerator<Y, unknown>) {
    this._generator = generator;
  }

  async next(): Promise<IteratorResult<Y, undefined>> {
    const generator = this._generator;
    const sink: ValueSink = { _value: undefined, _exhausted: false };
    const got = await _runForNative(generator._state._loop, generator._nextInto(sink), String(generator));
    return got ? { done: false, value: sink._value as Y } : { done: true, value: undefined };
  }

  async return(): Promise<IteratorResult<Y, undefined>> {
    const generator = this._generator;
    if (!generator._state._closed) await _runForNative(generator._state._loop, generator.aclose(), String(generator));
    return { done: true, value: undefined };
  }

  async throw(error: unknown): Promise<IteratorResult<Y, undefined>> {
    const generator = this._generator;
    try {
      const value = await _runForNative(generator._state._loop, generator.athrow(error), String(generator));
      return { done: false, value };
    } catch (thrown) {
      if (thrown instanceof StopAsyncIteration) return { done: true, value: undefined };
      throw thrown;
    }
  }

  [Symbol.asyncIterator](): this {
    return this;
  }
}

/**
 * Python's `async def` with `yield`: makes an async generator function from a generator
 * function whose plain `yield v` produces `v` and whose `yield* aw` awaits `aw`. The
 * produced type is inferred from the `yield`s, except a produced `undefined`, which
 * TypeScript cannot tell from the `undefined` of a bare `yield` (a loop turn): widen the
 * type where the generator is used (`const g: AsyncGenerator<T | undefined> = make()`).
 * `this` is passed through, so it can make methods.
 *
 * @example
 * const ticker = asyncio.asyncGenerator(function* (n: number) {
 *   for (let i = 0; i < n; i++) {
 *     yield i;                      // produces i
 *     yield* asyncio.sleep(0.01);   // awaits
 *   }
 * });
 * function* main() {
 *   const seen: number[] = [];
 *   // async for i in ticker(3):
 *   for (const it = asyncio.asyncFor(ticker(3)); yield* it.next(); ) {
 *     seen.push(it.value);
 *   }
 *   return seen;
 * }
 * console.assert(JSON.stringify(asyncio.runSync(main())) === "[0,1,2]");
 *
 * @throws TypeError if `fn` is not a function, or (when called) does not return a generator.
 */
export function asyncGenerator<This, A extends unknown[], Y = undefined, S = unknown>(
  fn: (this: This, ...args: A) => Generator<Y | Suspension | undefined, void, S>,
): (this: This, ...args: A) => AsyncGenerator<Y, S> {
  if (typeof fn !== "function") throw new TypeError(`asyncGenerator() needs a generator function, got ${describe(fn)}`);
  const name = fn.name || "asyncgen";
  const made = {
    [name](this: This, ...args: A): AsyncGenerator<Y, S> {
      return new AsyncGenerator<Y, S>(fn.apply(this, args), name);
    },
  }[name];
  return made;
}

/**
 * The declared return type of an async generator's body, where inference is not enough:
 * `function* (): asyncio.AsyncGeneratorBody<number, string> { const sent = yield 1; … }`
 * types what `asend` sends (`S`) and checks what the body produces (`Y`).
 */
export type AsyncGeneratorBody<Y, S = unknown> = Generator<Y | Suspension | undefined, void, S>;

/** True for an async generator object (Python's `inspect.isasyncgen`). */
export function isAsyncGenerator(value: unknown): value is AsyncGenerator<unknown, unknown> {
  return value instanceof AsyncGenerator;
}

/**
 * Python's `loop.shutdown_asyncgens()`: closes every async generator of `loop` still
 * suspended in its body, concurrently, and reports through the exception handler the
 * errors their closing raised.
 */
function* shutdownAsyncgens(loop: EventLoop): Coroutine<void> {
  loop._asyncgensShutdownCalled = true;
  const tracked = loop._asyncgens;
  if (tracked === null || tracked.size === 0) return;
  const closing = [...tracked] as AsyncGenState[];
  tracked.clear();
  const results = yield* gather(...closing.map((state) => new AsyncGenStep<void>(state, CLOSE, undefined, null)), {
    returnExceptions: true,
  });
  results.forEach((result, index) => {
    if (result instanceof Error) {
      const state = closing[index]!;
      loop.callExceptionHandler({
        message: `an error occurred during closing of asynchronous generator ${state}`,
        exception: result,
        asyncgen: state._owner?.deref() ?? state,
      });
    }
  });
}

_asyncgenHooks.shutdown = shutdownAsyncgens;
