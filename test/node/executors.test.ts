/**
 * Executors on worker threads: ThreadPoolExecutor, workerFunction/workerModule,
 * runInExecutor, toThread and the default executor. Real time: the work runs on other
 * threads.
 */
import { execFile } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { promisify } from "node:util";
import { build } from "esbuild";
import { afterAll, describe, expect, test } from "vitest";
import * as asyncio from "../../src/index";

const root = resolve(import.meta.dirname, "..", "..");
const fixture = new URL("./fixtures/executors-work.mjs", import.meta.url);
const work = asyncio.workerModule<typeof import("./fixtures/executors-work.mjs")>(fixture);
const run = promisify(execFile);
const scratch = mkdtempSync(join(tmpdir(), "asyncio-ts-executors-"));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

function* catching(aw: asyncio.Coroutine<unknown> | asyncio.Future<unknown>): asyncio.Coroutine<unknown> {
  try {
    yield* aw;
  } catch (error) {
    return error;
  }
  throw new Error("expected an error");
}

describe("running worker functions", () => {
  test("toThread runs the export on a worker thread, with the export's types", async () => {
    function* main() {
      const sum: number = yield* asyncio.toThread(work.add, 2, 3);
      const loop = asyncio.getRunningLoop();
      const echoed: unknown = yield* loop.runInExecutor(null, work.echo, { a: [1, 2], m: new Map([["k", 1]]) });
      const mainThread = yield* asyncio.toThread(asyncio.workerFunction<() => number>(fixture, "whichThread"));
      return { sum, echoed, mainThread };
    }
    const { sum, echoed, mainThread } = await asyncio.run(main());
    expect(sum).toBe(5);
    expect(echoed).toEqual({ a: [1, 2], m: new Map([["k", 1]]) });
    expect(mainThread).toBeGreaterThan(0); // threadId 0 is the main thread
  });

  test("the types of a worker function come from the export it names", () => {
    // Compiled, never run: tsc checks the lines marked @ts-expect-error are errors.
    function* typed() {
      const n: number = yield* asyncio.toThread(work.add, 1, 2);
      // @ts-expect-error add takes numbers
      yield* asyncio.toThread(work.add, "1", 2);
      // @ts-expect-error add gives a number
      const s: string = yield* asyncio.toThread(work.add, 1, 2);
      const loop = asyncio.getRunningLoop();
      // @ts-expect-error notAFunction is not a function, so not a worker function
      loop.runInExecutor(null, work.notAFunction);
      const ref = asyncio.workerFunction<typeof import("./fixtures/executors-work.mjs").later<string>>(fixture, "later");
      const later: string = yield* loop.runInExecutor(null, ref, "x");
      return [n, s, later];
    }
    expect(typeof typed).toBe("function");
  });

  test("the loop keeps ticking every 50 ms while a task blocks 300 ms in a worker", async () => {
    function* main() {
      const loop = asyncio.getRunningLoop();
      yield* asyncio.toThread(work.add, 0, 0); // start the worker before measuring
      const ticks: number[] = [];
      let blocking = true;
      function* ticker() {
        while (blocking) {
          ticks.push(loop.time());
          yield* asyncio.sleep(0.05);
        }
      }
      const t = asyncio.createTask(ticker());
      const t0 = loop.time();
      const result = yield* asyncio.toThread(work.block, 0.3, "done");
      const blocked = loop.time() - t0;
      blocking = false;
      yield* t;
      return { result, blocked, ticks };
    }
    const { result, blocked, ticks } = await asyncio.run(main());
    expect(result).toBe("done");
    expect(blocked).toBeGreaterThanOrEqual(0.29);
    expect(ticks.length).toBeGreaterThanOrEqual(5);
    const gaps = ticks.slice(1).map((t, i) => t - ticks[i]);
    expect(Math.max(...gaps)).toBeLessThan(0.15);
  });

  test("an export of a CommonJS module runs on a worker", async () => {
    const path = join(scratch, "work.cjs");
    writeFileSync(path, "exports.triple = (x) => 3 * x;\nmodule.exports.name = () => require('node:path').basename(__filename);\n");
    const cjs = asyncio.workerModule<{ triple(x: number): number; name(): string }>(path);
    const results = await asyncio.run((function* () {
      return [yield* asyncio.toThread(cjs.triple, 14), yield* asyncio.toThread(cjs.name)];
    })());
    expect(results).toEqual([42, "work.cjs"]);
  });

  test("an async export is awaited in the worker", async () => {
    expect(await asyncio.run(asyncio.toThread(work.later, "later"))).toBe("later");
  });

  test("an export of a node: built-in module runs on a worker", async () => {
    const gzip = asyncio.workerFunction<typeof import("node:zlib").gzipSync>("node:zlib", "gzipSync");
    const gunzip = asyncio.workerFunction<typeof import("node:zlib").gunzipSync>("node:zlib", "gunzipSync");
    function* main() {
      const packed = yield* asyncio.toThread(gzip, "hello worker");
      return new TextDecoder().decode(yield* asyncio.toThread(gunzip, packed));
    }
    expect(await asyncio.run(main())).toBe("hello worker");
  });

  test("each worker has its own copy of the module", async () => {
    const executor = new asyncio.ThreadPoolExecutor({ maxWorkers: 1 });
    const loop = asyncio.newEventLoop();
    try {
      const counts = [];
      for (let i = 0; i < 3; i++) counts.push(await loop.runUntilComplete(loop.runInExecutor(executor, work.count)));
      expect(counts).toEqual([1, 2, 3]);
      expect(work.count).toThrow(/runs on a worker thread/); // and none on the loop's thread
    } finally {
      loop.close();
      await executor.shutdown();
    }
  });
});

describe("errors", () => {
  test("an error thrown in the worker re-raises with its name, message and fields", async () => {
    function* main() {
      const custom = (yield* catching(asyncio.toThread(work.fail, "ParseError", "bad input"))) as Error & { code: number };
      const range = yield* catching(asyncio.toThread(work.failRange, "too big"));
      const runtime = yield* catching(asyncio.toThread(work.fail, "RuntimeError", "as asyncio's"));
      const caused = (yield* catching(asyncio.toThread(work.failWithCause, "outer"))) as Error;
      const async = yield* catching(asyncio.toThread(work.failAsync, "later"));
      const value = yield* catching(asyncio.toThread(work.throwValue, { not: "an error" }));
      return { custom, range, runtime, caused, async, value };
    }
    const { custom, range, runtime, caused, async, value } = await asyncio.run(main());
    expect(custom).toBeInstanceOf(Error);
    expect([custom.name, custom.message, custom.code]).toEqual(["ParseError", "bad input", 42]);
    expect(custom.stack).toMatch(/executors-work\.mjs/);
    expect(range).toBeInstanceOf(RangeError);
    expect((range as Error).message).toBe("too big");
    expect(runtime).toBeInstanceOf(asyncio.RuntimeError);
    expect(caused.cause).toBeInstanceOf(TypeError);
    expect((caused.cause as Error).message).toBe("the cause");
    expect(async).toBeInstanceOf(SyntaxError);
    expect(value).toEqual({ not: "an error" });
  });

  test("a plain function gives a TypeError that says how to make it a worker function", async () => {
    const loop = asyncio.newEventLoop();
    const executor = new asyncio.ThreadPoolExecutor({ maxWorkers: 1 });
    try {
      function square(x: number) {
        return x * x;
      }
      expect(() => loop.runInExecutor(executor, square, 3)).toThrow(TypeError);
      expect(() => loop.runInExecutor(executor, square, 3)).toThrow(/Export square from a module and pass asyncio\.workerFunction\(.*"square"\)/);
      expect(() => executor.submit(() => 1)).toThrow(/a function cannot be sent to another thread/);
    } finally {
      loop.close();
      await executor.shutdown();
    }
  });

  test("arguments and results that cannot be cloned fail clearly", async () => {
    const loop = asyncio.newEventLoop();
    try {
      expect(() => loop.runInExecutor(null, work.echo, () => 1)).toThrow(/argument 1 \(function .*\) of echo cannot be sent to a worker thread \(arguments travel by structured clone\)/);
      const error = await loop.runUntilComplete(catching(loop.runInExecutor(null, work.returnFunction)));
      expect(error).toBeInstanceOf(TypeError);
      expect((error as Error).message).toMatch(/the result of returnFunction cannot be sent back/);
    } finally {
      await loop.runUntilComplete(loop.shutdownDefaultExecutor());
      loop.close();
    }
  });

  test("an argument that cannot be cloned fails at the call also when the call would wait in the queue", async () => {
    const executor = new asyncio.ThreadPoolExecutor({ maxWorkers: 1 });
    try {
      const busy = executor.submit(work.block, 0.05, "busy");
      expect(() => executor.submit(work.echo, { f: () => 1 })).toThrow(/argument 1 \(an? .*\) of echo cannot be sent to a worker thread/);
      const idle = executor.submit(work.echo, new Map([[1, 2]]));
      expect(await busy).toBe("busy");
      expect(await idle).toEqual(new Map([[1, 2]]));
      expect(() => executor.submit(work.echo, Symbol("s"))).toThrow(/argument 1 \(Symbol\(s\)\) of echo/);
    } finally {
      await executor.shutdown();
    }
  });

  test("a reference to a missing export, a non-function or a generator function fails in the worker", async () => {
    const missing = asyncio.workerFunction(fixture, "nothingHere");
    const constant = asyncio.workerFunction(fixture, "notAFunction");
    function* main() {
      return [
        yield* catching(asyncio.toThread(missing)),
        yield* catching(asyncio.toThread(constant)),
        yield* catching(asyncio.toThread(work.coroutine)),
        yield* catching(asyncio.toThread(asyncio.workerFunction(new URL("./fixtures/no-such-module.mjs", import.meta.url), "f"))),
      ] as Error[];
    }
    const [a, b, c, d] = await asyncio.run(main());
    expect(a.message).toMatch(/has no export named nothingHere/);
    expect(b.message).toMatch(/the export notAFunction of .* is not a function/);
    expect(c.message).toMatch(/coroutines cannot be used with runInExecutor\(\)/);
    expect(d.message).toMatch(/Cannot find module|no-such-module/);
  });

  test("a relative module path is refused, and calling a worker function directly throws", () => {
    expect(() => asyncio.workerFunction("./work.js", "f")).toThrow(RangeError);
    expect(() => asyncio.workerFunction("./work.js", "f")).toThrow(/import\.meta\.url/);
    const f = asyncio.workerFunction("/abs/work.js", "f");
    expect(f.module).toBe("file:///abs/work.js");
    expect(f.exportName).toBe("f");
    expect(() => (f as () => unknown)()).toThrow(/pass it to loop\.runInExecutor or asyncio\.toThread/);
  });

  test("a worker thread that exits fails its call, and the pool goes on with a new thread", async () => {
    const executor = new asyncio.ThreadPoolExecutor({ maxWorkers: 1 });
    try {
      await expect(executor.submit(work.exitThread, 3)).rejects.toThrow(/exited with code 3 before the call finished/);
      expect(await executor.submit(work.add, 1, 1)).toBe(2);
      // Calls queued behind the crash run on the thread that replaces it.
      const crash = executor.submit(work.exitThread, 4);
      const queued = [executor.submit(work.add, 1, 2), executor.submit(work.add, 2, 2)];
      await expect(crash).rejects.toThrow(/code 4/);
      expect(await Promise.all(queued)).toEqual([3, 4]);
    } finally {
      await executor.shutdown();
    }
  });
});

describe("cancellation", () => {
  test("cancelling the awaiting task cancels at once; the running call goes on in the worker", async () => {
    const shared = new Int32Array(new SharedArrayBuffer(4));
    function* main() {
      const loop = asyncio.getRunningLoop();
      yield* asyncio.toThread(work.add, 0, 0);
      const task = asyncio.createTask(asyncio.toThread(work.blockThenMark, shared, 0.3, 7));
      yield* asyncio.sleep(0.05);
      const t0 = loop.time();
      task.cancel();
      const error = yield* catching(task);
      const waited = loop.time() - t0;
      const markAtCancel = Atomics.load(shared, 0);
      yield* asyncio.sleep(0.4);
      return { error, waited, markAtCancel, markLater: Atomics.load(shared, 0) };
    }
    const { error, waited, markAtCancel, markLater } = await asyncio.run(main());
    expect(error).toBeInstanceOf(asyncio.CancelledError);
    expect(waited).toBeLessThan(0.05);
    expect(markAtCancel).toBe(0);
    expect(markLater).toBe(7);
  });

  test("a call cancelled while it waits in the queue never runs", async () => {
    const shared = new Int32Array(new SharedArrayBuffer(4));
    const executor = new asyncio.ThreadPoolExecutor({ maxWorkers: 1 });
    function* main() {
      const loop = asyncio.getRunningLoop();
      const first = loop.runInExecutor(executor, work.block, 0.1, "first");
      const queued = loop.runInExecutor(executor, work.blockThenMark, shared, 0, 1);
      yield* asyncio.sleep(0.02);
      queued.cancel();
      const result = yield* first;
      yield* asyncio.sleep(0.1);
      return { result, cancelled: queued.cancelled() };
    }
    const outcome = await asyncio.run(main());
    await executor.shutdown();
    expect(outcome).toEqual({ result: "first", cancelled: true });
    expect(Atomics.load(shared, 0)).toBe(0);
  });

  test("200 calls on 3 threads, every third cancelled at once: the queued ones never run, the others run once", async () => {
    const shared = new Int32Array(new SharedArrayBuffer(4));
    const executor = new asyncio.ThreadPoolExecutor({ maxWorkers: 3 });
    const outcome = await asyncio.run((function* () {
      const loop = asyncio.getRunningLoop();
      // Three calls hold the threads for 0.1 s, so the 200 all wait in the queue.
      const holders = [0, 1, 2].map(() => loop.runInExecutor(executor, work.block, 0.1, "held"));
      const calls = Array.from({ length: 200 }, (_, i) => loop.runInExecutor(executor, work.countRun, shared, i));
      const cancelled = calls.map((call, i) => i % 3 === 2 && call.cancel());
      const results = yield* asyncio.gather(...calls, { returnExceptions: true });
      return { held: yield* asyncio.gather(...holders), cancelled, results };
    })());
    await executor.shutdown();
    expect(outcome.held).toEqual(["held", "held", "held"]);
    expect(outcome.cancelled.filter(Boolean).length).toBe(66);
    outcome.results.forEach((r, i) => expect(r).toEqual(i % 3 === 2 ? expect.any(asyncio.CancelledError) : i));
    expect(Atomics.load(shared, 0)).toBe(200 - 66);
  });

  test("SubmittedCall.cancel drops a queued call only", async () => {
    const executor = new asyncio.ThreadPoolExecutor({ maxWorkers: 1 });
    const running = executor.submit(work.block, 0.05, "ran");
    const queued = executor.submit(work.add, 1, 2);
    await new Promise((r) => setTimeout(r, 10));
    expect(running.cancel()).toBe(false);
    expect(queued.cancel()).toBe(true);
    expect(queued.cancel()).toBe(true); // already cancelled: still not running
    await expect(queued).rejects.toBeInstanceOf(asyncio.CancelledError);
    expect(await running).toBe("ran");
    await executor.shutdown();
  });
});

describe("the pool and its shutdown", () => {
  test("at most maxWorkers threads run at once, the rest wait in order", async () => {
    const executor = new asyncio.ThreadPoolExecutor({ maxWorkers: 2 });
    expect(executor.maxWorkers).toBe(2);
    await Promise.all([executor.submit(work.add, 0, 0), executor.submit(work.add, 0, 0)]); // both threads up
    const t0 = performance.now();
    const results = await Promise.all([1, 2, 3, 4].map((i) => executor.submit(work.block, 0.15, i)));
    const elapsed = (performance.now() - t0) / 1000;
    const threads = new Set(await Promise.all([1, 2, 3, 4, 5, 6].map(() => executor.submit(work.whichThread))));
    await executor.shutdown();
    expect(results).toEqual([1, 2, 3, 4]);
    expect(elapsed).toBeGreaterThanOrEqual(0.29);
    expect(elapsed).toBeLessThan(0.55);
    expect(threads.size).toBeLessThanOrEqual(2);
  });

  test("a preload that fails fails the calls given to that worker", async () => {
    const executor = new asyncio.ThreadPoolExecutor({ maxWorkers: 1, preload: [new URL("./fixtures/no-such-preload.mjs", import.meta.url)] });
    try {
      await expect(executor.submit(work.add, 1, 2)).rejects.toThrow(/no-such-preload/);
    } finally {
      await executor.shutdown();
    }
  });

  test("maxWorkers must be a positive integer", () => {
    expect(() => new asyncio.ThreadPoolExecutor({ maxWorkers: -1 })).toThrow("max_workers must be greater than 0");
    expect(() => new asyncio.ThreadPoolExecutor({ maxWorkers: 0 })).toThrow(RangeError);
    expect(() => new asyncio.ThreadPoolExecutor({ maxWorkers: 1.5 })).toThrow(/max_workers must be an integer, got 1.5/);
  });

  test("shutdown waits for running and queued calls, then refuses new ones", async () => {
    const executor = new asyncio.ThreadPoolExecutor({ maxWorkers: 1 });
    const calls = [executor.submit(work.block, 0.05, "a"), executor.submit(work.block, 0.05, "b")];
    const settled: string[] = [];
    for (const c of calls) c.then((v) => settled.push(v as string));
    await executor.shutdown();
    expect(settled).toEqual(["a", "b"]);
    expect(() => executor.submit(work.add, 1, 2)).toThrow(/cannot schedule new futures after shutdown/);
    expect(() => executor.submit(work.add, 1, 2)).toThrow(asyncio.RuntimeError);
    await executor.shutdown(); // again: harmless
  });

  test("shutdown with cancelFutures cancels what has not started", async () => {
    const executor = new asyncio.ThreadPoolExecutor({ maxWorkers: 1 });
    const running = executor.submit(work.block, 0.05, "ran");
    const queued = executor.submit(work.add, 1, 2);
    await new Promise((r) => setTimeout(r, 10));
    const done = executor.shutdown(true, { cancelFutures: true });
    await expect(queued).rejects.toBeInstanceOf(asyncio.CancelledError);
    expect(await running).toBe("ran");
    await done;
  });

  test("as an async context manager it shuts down at the end of the block, waiting for its calls", async () => {
    const outcome = await asyncio.run((function* () {
      const loop = asyncio.getRunningLoop();
      let inner!: asyncio.ThreadPoolExecutor;
      let call!: asyncio.Future<unknown>;
      yield* asyncio.asyncWith(new asyncio.ThreadPoolExecutor({ maxWorkers: 1 }), function* (pool) {
        inner = pool;
        call = loop.runInExecutor(pool, work.block, 0.05, "inside");
      });
      return { done: call.done(), result: yield* call, after: String(inner) };
    })());
    expect(outcome).toEqual({ done: true, result: "inside", after: "<ThreadPoolExecutor shutdown workers=0/1 queued=0>" });
  });

  test("runSync cannot wait for a worker: a clear error at once, and no wait for the executor at its end", () => {
    const t0 = performance.now();
    expect(() => asyncio.runSync(asyncio.toThread(work.block, 0.05, "x"))).toThrow(/runSync cannot wait for host I\/O.*use asyncio\.run/);
    expect(performance.now() - t0).toBeLessThan(2000);
  });

  test("shutdownDefaultExecutor waits for the default executor; runInExecutor(null) then fails", async () => {
    function* main() {
      const loop = asyncio.getRunningLoop();
      const call = loop.runInExecutor(null, work.block, 0.1, "finished");
      yield* loop.shutdownDefaultExecutor();
      const done = call.done();
      const error = yield* catching((function* () { loop.runInExecutor(null, work.add, 1, 2); })());
      return { done, result: yield* call, error };
    }
    const { done, result, error } = await asyncio.run(main());
    expect([done, result]).toEqual([true, "finished"]);
    expect(error).toBeInstanceOf(asyncio.RuntimeError);
    expect((error as Error).message).toBe("Executor shutdown has been called");
  });
});

describe("programs", () => {
  const tsx = join(root, "node_modules", ".bin", "tsx");

  /** Runs `source` under tsx, or bundled by esbuild (much faster to start) with node. */
  async function runProgram(file: string, source: string, runner: "tsx" | "node" = "node") {
    const path = join(scratch, file);
    writeFileSync(path, source);
    let command = [tsx, path];
    if (runner === "node") {
      const outfile = `${path}.bundle.mjs`;
      await build({ entryPoints: [path], outfile, bundle: true, platform: "node", format: "esm", target: "node20", logLevel: "error" });
      command = [process.execPath, outfile];
    }
    const t0 = performance.now();
    const { stdout } = await run(command[0], command.slice(1), { cwd: root, timeout: 20_000 });
    return { stdout, seconds: (performance.now() - t0) / 1000 };
  }

  test("asyncio.run shuts the default executor down: the process exits by itself", async () => {
    const source = `
      import * as asyncio from ${JSON.stringify(join(root, "src", "index.ts"))};
      const work = asyncio.workerModule(${JSON.stringify(fixture.href)});
      function* main() {
        const r = yield* asyncio.gather(asyncio.toThread(work.add, 1, 2), asyncio.toThread(work.block, 0.05, "x"));
        console.log(r.join(" "));
      }
      await asyncio.run(main());
      console.log("after run");
    `;
    const { stdout } = await runProgram("exits.mts", source);
    expect(stdout).toBe("3 x\nafter run\n");
  });

  test("an executor never shut down does not keep an idle process alive", async () => {
    const source = `
      import * as asyncio from ${JSON.stringify(join(root, "src", "index.ts"))};
      const work = asyncio.workerModule(${JSON.stringify(fixture.href)});
      const executor = new asyncio.ThreadPoolExecutor({ maxWorkers: 2 });
      console.log(await executor.submit(work.add, 20, 22));
    `;
    const { stdout, seconds } = await runProgram("forgotten.mts", source);
    expect(stdout).toBe("42\n");
    expect(seconds).toBeLessThan(10);
  });

  test("under tsx a worker function may live in a TypeScript module (with tsx preloaded in the workers)", async () => {
    writeFileSync(join(scratch, "tswork.mts"), "export function shout(s: string): string { return s.toUpperCase() + '!'; }\n");
    // Node 20: tsx registers its loader in the main thread only (tsx issue #354).
    writeFileSync(join(scratch, "tsx-in-workers.mjs"), `import { register } from ${JSON.stringify(join(root, "node_modules", "tsx", "dist", "esm", "api", "index.mjs"))};\nregister();\n`);
    const source = `
      import * as asyncio from ${JSON.stringify(join(root, "src", "index.ts"))};
      const shout = asyncio.workerFunction<typeof import("./tswork.mjs").shout>(new URL("./tswork.mts", import.meta.url), "shout");
      function* main() {
        asyncio.getRunningLoop().setDefaultExecutor(new asyncio.ThreadPoolExecutor({ preload: [new URL("./tsx-in-workers.mjs", import.meta.url)] }));
        return yield* asyncio.toThread(shout, "typed");
      }
      console.log(await asyncio.run(main()));
    `;
    const { stdout } = await runProgram("tsmain.mts", source, "tsx");
    expect(stdout).toBe("TYPED!\n");
  });

  test.each(["esm", "cjs"] as const)("bundled as %s (as tsup builds it), the pool still starts its workers", async (format) => {
    const outfile = join(scratch, `bundle.${format === "esm" ? "mjs" : "cjs"}`);
    await build({
      stdin: {
        contents: `
          import * as asyncio from "asyncio-ts";
          const work = asyncio.workerModule(${JSON.stringify(fixture.href)});
          asyncio.run(asyncio.toThread(work.add, 40, 2)).then((n) => console.log(n));
        `,
        resolveDir: root,
        loader: "ts",
      },
      outfile,
      bundle: true,
      platform: "node",
      format,
      target: "node20",
      alias: { "asyncio-ts": join(root, "src", "index.ts") },
      logLevel: "error",
    });
    const { stdout } = await run(process.execPath, [outfile], { timeout: 20_000 });
    expect(stdout).toBe("42\n");
  });
});
