/**
 * Async generators, `asyncFor` and their interop with JavaScript's async iteration:
 * what Python 3.11 cannot check for us (types, native iterables, 3.13's async
 * `as_completed`, collection by the garbage collector) and bad input. The behaviours
 * Python has are the agen_* differential pairs.
 */
import { execFile } from "node:child_process";
import { EventEmitter, on } from "node:events";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { Readable } from "node:stream";
import { promisify } from "node:util";
import * as asyncio from "asyncio-ts";
import { describe, expect, expectTypeOf, test } from "vitest";

const ticker = asyncio.asyncGenerator(function* (n: number) {
  for (let i = 0; i < n; i++) {
    yield i;
    yield* asyncio.sleep(0);
  }
});

describe("types", () => {
  test("the produced type is inferred from the yields, whatever the body awaits", () => {
    expectTypeOf(ticker).parameters.toEqualTypeOf<[number]>();
    expectTypeOf(ticker(1)).toEqualTypeOf<asyncio.AsyncGenerator<number, unknown>>();
    const tasks = asyncio.asyncGenerator(function* () {
      yield* asyncio.sleep(0);
      yield asyncio.createTask(asyncio.sleep(0, "x"));
    });
    expectTypeOf(tasks()).toEqualTypeOf<asyncio.AsyncGenerator<asyncio.Task<string>, unknown>>();
    function* consume() {
      for (const it = asyncio.asyncFor(ticker(2)); yield* it.next(); ) expectTypeOf(it.value).toEqualTypeOf<number>();
      expectTypeOf(yield* asyncio.anext(ticker(1), "end")).toEqualTypeOf<number | string>();
      expectTypeOf(yield* asyncio.collect(ticker(2), (n) => `${n}`)).toEqualTypeOf<string[]>();
    }
    expect(typeof consume).toBe("function");
  });

  test("a body declared with AsyncGeneratorBody types asend; a produced undefined is widened at the use", () => {
    const maybe = asyncio.asyncGenerator(function* (): asyncio.AsyncGeneratorBody<number | undefined, string> {
      const sent = yield undefined;
      expectTypeOf(sent).toEqualTypeOf<string>();
    });
    // TypeScript cannot tell a produced undefined from a bare yield's: it leaves the inferred type.
    expectTypeOf(maybe()).toEqualTypeOf<asyncio.AsyncGenerator<number, string>>();
    const widened: asyncio.AsyncGenerator<number | undefined, string> = maybe();
    expect(widened).toBeInstanceOf(asyncio.AsyncGenerator);
  });

  test("a context manager that yields nothing gives undefined", () => {
    const cm = asyncio.asyncContextManager(function* () {
      yield;
    });
    expectTypeOf(cm()).toEqualTypeOf<asyncio.AsyncContextManager<undefined>>();
  });
});

describe("the body tells produced values from waits", () => {
  test("a produced Future, Task, undefined or null is a value, not a wait", () => {
    const odd = asyncio.asyncGenerator(function* () {
      const loop = asyncio.getRunningLoop();
      const future = loop.createFuture<number>();
      yield future;
      yield* asyncio.sleep(0);
      yield undefined;
      yield null;
      const task = asyncio.createTask(asyncio.sleep(0, "t"));
      yield task;
      yield* task;
    });
    function* main() {
      const seen: string[] = [];
      for (const it = asyncio.asyncFor(odd()); yield* it.next(); ) {
        const value = it.value;
        seen.push(value instanceof asyncio.Task ? "task" : value instanceof asyncio.Future ? "future" : String(value));
      }
      return seen;
    }
    expect(asyncio.runSync(main())).toEqual(["future", "undefined", "null", "task"]);
  });

  test("a generator consumed inside another generator's body hands its waits up", () => {
    const inner = asyncio.asyncGenerator(function* () {
      for (const x of "ab") {
        yield* asyncio.sleep(1);
        yield x;
      }
    });
    const outer = asyncio.asyncGenerator(function* () {
      for (const it = asyncio.asyncFor(inner()); yield* it.next(); ) {
        yield* asyncio.sleep(1);
        yield it.value.toUpperCase();
      }
    });
    function* main() {
      const loop = asyncio.getRunningLoop();
      const seen: string[] = [];
      for (const it = asyncio.asyncFor(outer()); yield* it.next(); ) seen.push(`${it.value}@${loop.time()}`);
      return seen;
    }
    expect(asyncio.runSync(main(), { clock: new asyncio.VirtualClock() })).toEqual(["A@2", "B@4"]);
  });
});

describe("3.13's as_completed as an async iterator", () => {
  test("gives the futures passed in, and the tasks made for coroutines, in completion order", () => {
    function* main() {
      const loop = asyncio.getRunningLoop();
      const slow = asyncio.createTask(asyncio.sleep(3, "slow"));
      const future = loop.createFuture<string>();
      loop.callLater(1, () => future.setResult("future"));
      const seen: unknown[] = [];
      for (const it = asyncio.asyncFor(asyncio.asCompleted<string>([slow, future, asyncio.sleep(2, "coro")])); yield* it.next(); ) {
        const done = it.value;
        seen.push(done === slow ? "the slow task" : done === future ? "the future" : done instanceof asyncio.Task ? `a task: ${done.result()}` : done);
      }
      return seen;
    }
    expect(asyncio.runSync(main(), { clock: new asyncio.VirtualClock() })).toEqual(["the future", "a task: coro", "the slow task"]);
  });

  test("a timeout throws TimeoutError from anext()", () => {
    function* main() {
      const it = asyncio.asCompleted([asyncio.sleep(5)], { timeout: 1 });
      return yield* asyncio.anext(it);
    }
    expect(() => asyncio.runSync(main(), { clock: new asyncio.VirtualClock() })).toThrow(asyncio.TimeoutError);
  });
});

describe("JavaScript async iterables in asyncFor", () => {
  function* collectText(source: asyncio.AsyncSource<unknown>) {
    const parts: string[] = [];
    for (const it = asyncio.asyncFor(source); yield* it.next(); ) {
      const value = it.value;
      parts.push(value instanceof Uint8Array ? Buffer.from(value).toString() : String(value));
    }
    return parts.join("");
  }

  test("an async generator function, a ReadableStream and a Node Readable", async () => {
    async function* native() {
      yield "x";
      await new Promise((resolve) => setTimeout(resolve, 5));
      yield "y";
    }
    const stream = new ReadableStream<string>({
      start(controller) {
        controller.enqueue("r1");
        controller.enqueue("r2");
        controller.close();
      },
    });
    function* main() {
      return [yield* collectText(native()), yield* collectText(stream), yield* collectText(Readable.from(["n1", "n2"]))];
    }
    expect(await asyncio.run(main())).toEqual(["xy", "r1r2", "n1n2"]);
  });

  test("events.on, closed with aclose() so its listener goes", async () => {
    const emitter = new EventEmitter();
    function* main() {
      const events = asyncio.asyncFor(on(emitter, "data"));
      const got: unknown[] = [];
      asyncio.getRunningLoop().callLater(0.01, () => {
        emitter.emit("data", 1);
        emitter.emit("data", 2);
      });
      while (yield* events.next()) {
        got.push((events.value as unknown[])[0]);
        if (got.length === 2) break;
      }
      const listening = emitter.listenerCount("data");
      yield* events.aclose();
      return [got, listening, emitter.listenerCount("data")];
    }
    expect(await asyncio.run(main())).toEqual([[1, 2], 1, 0]);
  });

  test("a fetch body from a local server", async () => {
    const server = createServer((_request, response) => {
      response.write("chunk one;");
      setTimeout(() => response.end("chunk two"), 10);
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    try {
      const { port } = server.address() as AddressInfo;
      function* main() {
        const response = yield* asyncio.wrapPromise(fetch(`http://127.0.0.1:${port}/`));
        return yield* collectText(response.body!);
      }
      expect(await asyncio.run(main())).toBe("chunk one;chunk two");
    } finally {
      server.close();
    }
  });

  test("a subprocess's stdout, line by line", async () => {
    function* main() {
      const proc = yield* asyncio.createSubprocessExec(process.execPath, "-e", "console.log('a'); console.log('b')", {
        stdout: asyncio.subprocess.PIPE,
      });
      const lines: string[] = [];
      for (const it = asyncio.asyncFor(proc.stdout!); yield* it.next(); ) lines.push(Buffer.from(it.value).toString().trim());
      yield* proc.wait();
      return lines;
    }
    expect(await asyncio.run(main())).toEqual(["a", "b"]);
  });
});

describe("asyncio-ts iterables in native for await", () => {
  test("an async generator, and a break closes it as JavaScript does", async () => {
    const log: string[] = [];
    const numbers = asyncio.asyncGenerator(function* () {
      try {
        for (let i = 0; ; i++) {
          yield* asyncio.sleep(0.001);
          yield i;
        }
      } finally {
        log.push("closed");
      }
    });
    async function firstThree(): Promise<number[]> {
      const seen: number[] = [];
      for await (const n of numbers()) {
        seen.push(n);
        if (seen.length === 3) break;
      }
      log.push("after the loop");
      return seen;
    }
    function* main() {
      return yield* asyncio.wrapPromise(firstThree());
    }
    expect(await asyncio.run(main())).toEqual([0, 1, 2]);
    expect(log).toEqual(["closed", "after the loop"]);
  });

  test("an error in the body rejects the native loop", async () => {
    const failing = asyncio.asyncGenerator(function* () {
      yield 1;
      throw new RangeError("body failed");
    });
    async function drain(): Promise<unknown[]> {
      const seen: unknown[] = [];
      for await (const x of failing()) seen.push(x);
      return seen;
    }
    function* main() {
      return yield* asyncio.wrapPromise(drain());
    }
    await expect(asyncio.run(main())).rejects.toThrow("body failed");
  });

  test("without a running loop, a clear error instead of a hang", async () => {
    const g = ticker(2);
    await expect(g[Symbol.asyncIterator]().next()).rejects.toThrow(/needs a running event loop/);
  });
});

describe("finalization", () => {
  test("a generator collected while suspended is closed by a task of its loop while the loop runs", async () => {
    const program = `
      import * as asyncio from "asyncio-ts";
      const log = [];
      const resource = asyncio.asyncGenerator(function* () {
        try { yield 1; yield 2; } finally { log.push("finally"); }
      });
      function* abandon() { const g = resource(); yield* g.anext(); }
      function* main() {
        yield* abandon();
        for (let i = 0; i < 20 && log.length === 0; i++) { globalThis.gc(); yield* asyncio.sleep(0.01); }
        log.push("main ends");
      }
      await asyncio.run(main());
      console.log(log.join(","));
    `;
    const { stdout } = await promisify(execFile)(process.execPath, ["--expose-gc", "--import", "tsx", "--input-type=module", "-e", program], {
      cwd: process.cwd(),
    });
    expect(stdout.trim()).toBe("finally,main ends");
  });
});

describe("bad input", () => {
  test("asyncGenerator needs a function whose call gives a generator", () => {
    expect(() => asyncio.asyncGenerator(42 as never)).toThrow(/asyncGenerator\(\) needs a generator function, got 42/);
    const notGenerator = asyncio.asyncGenerator((() => 5) as never);
    expect(() => notGenerator()).toThrow(/needs a generator object \(write the body as a function\*\), got 5/);
  });

  test("a body that returns a value", () => {
    const returns = asyncio.asyncGenerator(function* returns() {
      yield 1;
      return 5 as never;
    });
    function* main() {
      const g = returns();
      yield* g.anext();
      yield* g.anext();
    }
    expect(() => asyncio.runSync(main())).toThrow("async generator returns returned a value (5); an async generator can only yield");
  });

  test("reading asyncFor's value before a value came", () => {
    const cursor = asyncio.asyncFor(ticker(1));
    expect(() => cursor.value).toThrow("asyncFor value read before `yield* it.next()` gave one");
  });

  test("a value that is not async iterable, or an aiter() that gives no iterator", () => {
    expect(() => asyncio.asyncFor([1, 2] as never)).toThrow(/asyncFor\(\) needs an async iterable .* got 'Array'/);
    expect(() => asyncio.aiter({ aiter: () => 3 } as never)).toThrow("aiter() returned not an async iterator of type 'number'");
    expect(() => asyncio.anext({} as never)).toThrow(/'Object' object is not an async iterator/);
    expect(() => asyncio.aclosing({} as never)).toThrow(/aclosing\(\) needs an object with an aclose\(\) method/);
  });

  test("a generator body given to a task directly says what to do", () => {
    function* producer() {
      yield 1 as never;
    }
    expect(() => asyncio.runSync(producer())).toThrow(/Task got bad yield: 1/);
  });
});
