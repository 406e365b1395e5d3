/**
 * loop.addSignalHandler and loop.removeSignalHandler: Python's rules in this process
 * (with `process.emit` standing in for a signal where only the loop's side matters),
 * and real signals sent to child processes.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { constants, tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { build } from "esbuild";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import * as asyncio from "../../src/index";

const SIG = constants.signals;

describe("in this process", () => {
  test("the callback runs on the loop, later, with its arguments and the context of addSignalHandler", async () => {
    const where = new asyncio.ContextVar<string>("where", { default: "outside" });
    const outcome = await asyncio.run((function* () {
      const loop = asyncio.getRunningLoop();
      const seen: unknown[] = [];
      where.set("at add");
      loop.addSignalHandler("SIGUSR2", (a: number, b: string) => {
        seen.push([a, b, where.get(), asyncio.getRunningLoop() === loop, asyncio.currentTask()]);
      }, 1, "two");
      where.set("after add");
      process.emit("SIGUSR2", "SIGUSR2");
      const before = seen.length;
      yield* asyncio.sleep(0);
      yield* asyncio.sleep(0);
      loop.removeSignalHandler("SIGUSR2");
      return { before, seen };
    })());
    expect(outcome.before).toBe(0);
    expect(outcome.seen).toEqual([[1, "two", "at add", true, undefined]]);
  });

  test("names and numbers name the same signal; adding again replaces the handler", async () => {
    const loop = asyncio.newEventLoop();
    try {
      const base = process.listenerCount("SIGUSR2");
      loop.addSignalHandler(SIG.SIGUSR2, () => {});
      loop.addSignalHandler("SIGUSR2", () => {});
      expect(process.listenerCount("SIGUSR2")).toBe(base + 1);
      expect(loop.removeSignalHandler(SIG.SIGUSR2)).toBe(true);
      expect(loop.removeSignalHandler("SIGUSR2")).toBe(false);
      expect(process.listenerCount("SIGUSR2")).toBe(base);
    } finally {
      loop.close();
    }
  });

  test("closing the loop removes its handlers", () => {
    const loop = asyncio.newEventLoop();
    const base = process.listenerCount("SIGHUP");
    loop.addSignalHandler("SIGHUP", () => {});
    expect(process.listenerCount("SIGHUP")).toBe(base + 1);
    loop.close();
    expect(process.listenerCount("SIGHUP")).toBe(base);
    expect(() => loop.addSignalHandler("SIGHUP", () => {})).toThrow("Event loop is closed");
  });

  test("bad callbacks and signals fail as in Python", () => {
    const loop = asyncio.newEventLoop();
    try {
      expect(() => loop.addSignalHandler("SIGUSR2", function* () {})).toThrow(TypeError);
      expect(() => loop.addSignalHandler("SIGUSR2", function* () {})).toThrow("coroutines cannot be used with addSignalHandler()");
      expect(() => loop.addSignalHandler("SIGUSR2", 42 as unknown as () => void)).toThrow(/a callable object was expected/);
      expect(() => loop.addSignalHandler(0, () => {})).toThrow(RangeError);
      expect(() => loop.addSignalHandler(0, () => {})).toThrow("invalid signal number 0");
      expect(() => loop.addSignalHandler("SIGNOPE", () => {})).toThrow("invalid signal name 'SIGNOPE'");
      expect(() => loop.addSignalHandler(2.5, () => {})).toThrow(TypeError);
      expect(() => loop.removeSignalHandler(null as unknown as number)).toThrow(TypeError);
      expect(() => loop.addSignalHandler(SIG.SIGKILL, () => {})).toThrow(asyncio.RuntimeError);
      expect(() => loop.addSignalHandler(SIG.SIGKILL, () => {})).toThrow(`sig ${SIG.SIGKILL} cannot be caught`);
      expect(() => loop.addSignalHandler("SIGSTOP", () => {})).toThrow(`sig ${SIG.SIGSTOP} cannot be caught`);
      expect(loop.removeSignalHandler(SIG.SIGKILL)).toBe(false);
      expect(process.listenerCount("SIGUSR2")).toBe(0);
    } finally {
      loop.close();
    }
  });
});

describe("real signals, in child processes", () => {
  const root = resolve(import.meta.dirname, "..", "..");
  const dir = mkdtempSync(join(tmpdir(), "asyncio-ts-signals-"));
  const programs: Record<string, string> = {
    // Handlers for SIGUSR1 and SIGTERM; it waits for SIGTERM with nothing else to keep it alive.
    handlers: `
      function* main() {
        const loop = asyncio.getRunningLoop();
        const stop = new asyncio.Event();
        let n = 0;
        loop.addSignalHandler("SIGUSR1", () => console.log("SIGUSR1", ++n, asyncio.getRunningLoop() === loop));
        loop.addSignalHandler(${SIG.SIGTERM}, (why) => { console.log("SIGTERM", why); stop.set(); }, "stop");
        console.log("ready");
        yield* stop.wait();
        console.log("stopping");
      }
      await asyncio.run(main());
      console.log("after run", process.listenerCount("SIGTERM"), process.listenerCount("SIGUSR1"));
    `,
    // A removed handler: SIGTERM terminates the process again.
    removed: `
      function* main() {
        const loop = asyncio.getRunningLoop();
        loop.addSignalHandler("SIGTERM", () => console.log("handled"));
        console.log("removed", loop.removeSignalHandler("SIGTERM"));
        console.log("ready");
        yield* asyncio.sleep(10);
      }
      await asyncio.run(main());
    `,
    // asyncio.run closes its loop, which removes the handler: SIGTERM terminates.
    closed: `
      function* main() {
        asyncio.getRunningLoop().addSignalHandler("SIGTERM", () => console.log("handled"));
      }
      await asyncio.run(main());
      console.log("ready");
      setTimeout(() => console.log("not terminated"), 10000);
    `,
    // A loop that has a handler but no longer runs does not keep the process alive.
    idle: `
      const loop = asyncio.newEventLoop();
      loop.addSignalHandler("SIGUSR2", () => {});
      await loop.runUntilComplete(asyncio.sleep(0.01));
      console.log("ran");
    `,
    // Ctrl-C under asyncio.run: the main task is cancelled, its cleanup runs, then KeyboardInterrupt.
    interrupted: `
      function* main() {
        try {
          console.log("ready");
          yield* asyncio.sleep(30);
        } finally {
          console.log("cleanup");
        }
      }
      try {
        await asyncio.run(main());
      } catch (e) {
        console.log("caught", e.name, process.listenerCount("SIGINT"));
      }
    `,
    // A second Ctrl-C during a slow cleanup ends the process, as Node's default does.
    interruptedTwice: `
      function* main() {
        try {
          console.log("ready");
          yield* asyncio.sleep(30);
        } finally {
          console.log("slow cleanup");
          yield* asyncio.sleep(30);
          console.log("not reached");
        }
      }
      await asyncio.run(main());
    `,
  };

  beforeAll(async () => {
    for (const [name, body] of Object.entries(programs)) writeFileSync(join(dir, `${name}.ts`), `import * as asyncio from "asyncio-ts";\n${body}`);
    await build({
      entryPoints: Object.keys(programs).map((name) => join(dir, `${name}.ts`)),
      outdir: dir,
      outExtension: { ".js": ".mjs" },
      bundle: true,
      platform: "node",
      format: "esm",
      target: "node20",
      alias: { "asyncio-ts": join(root, "src", "index.ts") },
      logLevel: "error",
    });
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  /** Runs a program; `onLine` may answer its lines (by signalling it). */
  function runChild(name: string, onLine: (line: string, child: ChildProcess) => void = () => {}) {
    return new Promise<{ lines: string[]; code: number | null; signal: NodeJS.Signals | null }>((resolvePromise, reject) => {
      const child = spawn(process.execPath, [join(dir, `${name}.mjs`)], { stdio: ["ignore", "pipe", "inherit"] });
      const lines: string[] = [];
      let buffered = "";
      const timer = setTimeout(() => {
        child.kill("SIGKILL");
        reject(new Error(`${name} did not finish; it printed ${JSON.stringify(lines)}`));
      }, 10_000);
      child.stdout!.setEncoding("utf8").on("data", (chunk: string) => {
        buffered += chunk;
        let at: number;
        while ((at = buffered.indexOf("\n")) >= 0) {
          const line = buffered.slice(0, at);
          buffered = buffered.slice(at + 1);
          lines.push(line);
          onLine(line, child);
        }
      });
      child.on("exit", (code, signal) => {
        clearTimeout(timer);
        resolvePromise({ lines, code, signal });
      });
    });
  }

  test("a child's handlers receive SIGUSR1 twice and SIGTERM from its parent, then it ends", async () => {
    const outcome = await runChild("handlers", (line, child) => {
      if (line === "ready" || line === "SIGUSR1 1 true") child.kill("SIGUSR1");
      if (line === "SIGUSR1 2 true") child.kill("SIGTERM");
    });
    expect(outcome).toEqual({
      lines: ["ready", "SIGUSR1 1 true", "SIGUSR1 2 true", "SIGTERM stop", "stopping", "after run 0 0"],
      code: 0,
      signal: null,
    });
  });

  test("after removeSignalHandler the signal has its default action again", async () => {
    const outcome = await runChild("removed", (line, child) => {
      if (line === "ready") child.kill("SIGTERM");
    });
    expect(outcome).toEqual({ lines: ["removed true", "ready"], code: null, signal: "SIGTERM" });
  });

  test("when asyncio.run closes the loop its handlers are gone", async () => {
    const outcome = await runChild("closed", (line, child) => {
      if (line === "ready") child.kill("SIGTERM");
    });
    expect(outcome).toEqual({ lines: ["ready"], code: null, signal: "SIGTERM" });
  });

  test("a loop with a handler that has stopped running does not keep the process alive", async () => {
    const outcome = await runChild("idle");
    expect(outcome).toEqual({ lines: ["ran"], code: 0, signal: null });
  });

  test("Ctrl-C under asyncio.run cancels the main task, runs its cleanup and throws KeyboardInterrupt", async () => {
    const { lines, code } = await runChild("interrupted", (line, child) => {
      if (line === "ready") child.kill("SIGINT");
    });
    expect(lines).toEqual(["ready", "cleanup", "caught KeyboardInterrupt 0"]);
    expect(code).toBe(0);
  });

  test("a second Ctrl-C during the cleanup ends the process", async () => {
    const { lines, signal } = await runChild("interruptedTwice", (line, child) => {
      if (line === "ready" || line === "slow cleanup") child.kill("SIGINT");
    });
    expect(lines).toEqual(["ready", "slow cleanup"]);
    expect(signal).toBe("SIGINT");
  });
});
