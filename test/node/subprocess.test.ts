/**
 * Subprocesses beyond what the differential scenarios show: no deadlock on large
 * outputs, flow control both ways, cancellation of wait() and communicate(), Python
 * 3.13's communicate() closing stdin without input, bad input, and no leaked child or
 * handle (a program using them exits by itself).
 */
import { spawn } from "node:child_process";
import { closeSync, mkdtempSync, openSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { build } from "esbuild";
import { afterAll, describe, expect, test } from "vitest";
import * as asyncio from "../../src/index";

const { PIPE, STDOUT, DEVNULL } = asyncio.subprocess;
const MB = 1024 * 1024;

// Reads stdin in 64 KiB chunks and, for each, writes the chunk to stdout and its
// upper-case copy to stderr: with pipes, the parent must do all three at once.
const ECHO_BOTH = `
import sys
inp, out, err = sys.stdin.buffer, sys.stdout.buffer, sys.stderr.buffer
while True:
    chunk = inp.read1(65536)
    if not chunk:
        break
    out.write(chunk)
    err.write(chunk.upper())
out.flush()
err.flush()
`;

function text(data: Uint8Array | undefined): string {
  return data === undefined ? "<undefined>" : Buffer.from(data).toString();
}

function* caught(body: () => asyncio.Coroutine<unknown>): asyncio.Coroutine<unknown> {
  try {
    yield* body();
  } catch (error) {
    return error;
  }
  throw new Error("expected an error");
}

describe("large data", () => {
  test("communicate writes 10 MB to stdin while reading 10 MB from stdout and stderr, without deadlock", async () => {
    const input = Buffer.alloc(10 * MB);
    for (let i = 0; i < input.length; i++) input[i] = 97 + (i % 26);
    const started = performance.now();
    const [out, err, rc] = await asyncio.run((function* () {
      const proc = yield* asyncio.createSubprocessExec("python3", "-c", ECHO_BOTH, { stdin: PIPE, stdout: PIPE, stderr: PIPE });
      const [o, e] = yield* proc.communicate(input);
      return [o!, e!, proc.returncode] as const;
    })());
    expect(rc).toBe(0);
    expect(out.length).toBe(10 * MB);
    expect(err.length).toBe(10 * MB);
    expect(Buffer.from(out).equals(input)).toBe(true);
    expect(Buffer.from(err).equals(Buffer.from(input.toString("latin1").toUpperCase(), "latin1"))).toBe(true);
    expect(performance.now() - started).toBeLessThan(15_000);
  }, 20_000);

  test("wait() while the child fills its pipe finishes once another task reads the pipe", async () => {
    const outcome = await asyncio.run((function* () {
      const proc = yield* asyncio.createSubprocessExec("python3", "-c", "import sys; sys.stdout.buffer.write(b'x' * (4 * 1024 * 1024))", { stdout: PIPE });
      const waiting = asyncio.createTask(proc.wait());
      // Nobody reads: the reader pauses the pipe at 2 x limit, the child blocks, wait() waits.
      yield* asyncio.sleep(0.3);
      const blocked = !waiting.done() && proc.stdout!.buffered <= 2 * proc.stdout!.limit + 64 * 1024;
      const [data, rc] = yield* asyncio.gather(proc.stdout!.read(), waiting);
      return { blocked, length: data.length, rc };
    })());
    expect(outcome).toEqual({ blocked: true, length: 4 * 1024 * 1024, rc: 0 });
  }, 15_000);

  test("writing to a child that does not read pauses the writer; drain() raises BrokenPipe-like errors once it dies", async () => {
    const outcome = await asyncio.run((function* () {
      const proc = yield* asyncio.createSubprocessExec("sleep", "5", { stdin: PIPE });
      const stdin = proc.stdin!;
      stdin.write(Buffer.alloc(2 * MB));
      const draining = asyncio.createTask(stdin.drain());
      yield* asyncio.sleep(0.2);
      const pausedWhileFull = !draining.done() && stdin.transport.getWriteBufferSize() > 64 * 1024;
      proc.kill();
      const error = yield* caught(() => draining as unknown as asyncio.Coroutine<unknown>);
      const rc = yield* proc.wait();
      return { pausedWhileFull, errorName: (error as Error).name, rc };
    })());
    expect(outcome.pausedWhileFull).toBe(true);
    expect(["BrokenPipeError", "ConnectionResetError"]).toContain(outcome.errorName);
    expect(outcome.rc).toBe(-9);
  }, 15_000);
});

test("a child that closes its stdin early: the next write is noticed, drain() raises, later writes are dropped", async () => {
  const outcome = await asyncio.run((function* () {
    const proc = yield* asyncio.createSubprocessExec("python3", "-c", "import os, time\nos.close(0)\nprint('closed', flush=True)\ntime.sleep(0.5)", { stdin: PIPE, stdout: PIPE });
    yield* proc.stdout!.readline();
    proc.stdin!.write("nobody reads this\n");
    yield* asyncio.sleep(0.1);
    const error = yield* caught(() => proc.stdin!.drain());
    proc.stdin!.write("dropped");
    const running = proc.returncode === undefined;
    return { error: (error as Error).name, running, rc: yield* proc.wait() };
  })());
  expect(["BrokenPipeError", "ConnectionResetError"]).toContain(outcome.error);
  expect(outcome).toMatchObject({ running: true, rc: 0 });
});

describe("cancellation", () => {
  test("cancelling a task blocked in wait() returns at once and leaves the process usable", async () => {
    const outcome = await asyncio.run((function* () {
      const proc = yield* asyncio.createSubprocessExec("sleep", "5");
      const task = asyncio.createTask(proc.wait());
      yield* asyncio.sleep(0.05);
      const t0 = performance.now();
      task.cancel();
      const error = yield* caught(() => task as unknown as asyncio.Coroutine<unknown>);
      const elapsed = performance.now() - t0;
      const stillRunning = proc.returncode === undefined;
      proc.terminate();
      return { cancelled: error instanceof asyncio.CancelledError, elapsed, stillRunning, rc: yield* proc.wait() };
    })());
    expect(outcome.cancelled).toBe(true);
    expect(outcome.elapsed).toBeLessThan(100);
    expect(outcome.stillRunning).toBe(true);
    expect(outcome.rc).toBe(-15);
  });

  test("cancelling communicate() returns at once; the next communicate() gives everything, nothing is lost", async () => {
    const child = "import sys, time\nsys.stdout.write('part one|'); sys.stdout.flush()\nsys.stderr.write('err one|'); sys.stderr.flush()\ntime.sleep(0.4)\nsys.stdout.write('part two'); sys.stderr.write('err two')";
    const outcome = await asyncio.run((function* () {
      const proc = yield* asyncio.createSubprocessExec("python3", "-c", child, { stdout: PIPE, stderr: PIPE });
      const task = asyncio.createTask(proc.communicate());
      yield* asyncio.sleep(0.2);
      const t0 = performance.now();
      task.cancel();
      const error = yield* caught(() => task as unknown as asyncio.Coroutine<unknown>);
      const elapsed = performance.now() - t0;
      const stillRunning = proc.returncode === undefined;
      const [out, err] = yield* proc.communicate();
      return { cancelled: error instanceof asyncio.CancelledError, elapsed, stillRunning, out: text(out), err: text(err), rc: proc.returncode };
    })());
    expect(outcome).toMatchObject({ cancelled: true, stillRunning: true, out: "part one|part two", err: "err one|err two", rc: 0 });
    expect(outcome.elapsed).toBeLessThan(100);
  });

  test("a communicate() cancelled after sending its input may not be given input again", async () => {
    const outcome = await asyncio.run((function* () {
      // More input than the pipe and the write buffer hold: communicate waits in drain().
      const proc = yield* asyncio.createSubprocessExec("sh", "-c", "sleep 0.3; wc -c", { stdin: PIPE, stdout: PIPE });
      const task = asyncio.createTask(proc.communicate(Buffer.alloc(MB)));
      yield* asyncio.sleep(0.05);
      task.cancel();
      yield* caught(() => task as unknown as asyncio.Coroutine<unknown>);
      const again = yield* caught(() => proc.communicate("twice"));
      const [out] = yield* proc.communicate();
      return { again: String(again), againIsRange: again instanceof RangeError, out: text(out) };
    })());
    expect(outcome).toEqual({ again: "RangeError: Cannot send input after starting communication", againIsRange: true, out: `${MB}\n` });
  });
});

describe("Python 3.13 behaviour", () => {
  test("communicate() without input still closes stdin (3.12+), so cat sees end of file", async () => {
    const out = await asyncio.run((function* () {
      const proc = yield* asyncio.createSubprocessExec("cat", { stdin: PIPE, stdout: PIPE });
      return yield* asyncio.waitFor(proc.communicate(), 5);
    })());
    expect(out.map(text)).toEqual(["", "<undefined>"]);
  });

  test("communicate() twice: the second call gives empty output, as Python", async () => {
    const outcome = await asyncio.run((function* () {
      const proc = yield* asyncio.createSubprocessExec("cat", { stdin: PIPE, stdout: PIPE, stderr: PIPE });
      const first = yield* proc.communicate("data");
      const second = yield* proc.communicate("more");
      return [first.map(text), second.map(text)];
    })());
    expect(outcome).toEqual([["data", ""], ["", ""]]);
  });
});

describe("bad input", () => {
  function* attempt(body: () => asyncio.Coroutine<unknown>) {
    return yield* caught(body);
  }

  test("a program that does not exist is a FileNotFoundError with code ENOENT naming the program", async () => {
    const error = (await asyncio.run(attempt(() => asyncio.createSubprocessExec("no-such-program-here", "x")))) as asyncio.OSError & { filename: string };
    expect(error).toBeInstanceOf(asyncio.FileNotFoundError);
    expect(error).toBeInstanceOf(asyncio.OSError);
    expect(error.code).toBe("ENOENT");
    expect(error.errno).toBe(2);
    expect(error.filename).toBe("no-such-program-here");
    expect(error.message).toBe("[Errno 2] No such file or directory: 'no-such-program-here'");
  });

  test("arguments that are not strings, unknown options and wrong stdio values are TypeErrors or RangeErrors naming them", async () => {
    const errors = await asyncio.run((function* () {
      return [
        yield* attempt(() => asyncio.createSubprocessExec("echo", "a", 42 as unknown as string)),
        yield* attempt(() => asyncio.createSubprocessExec(null as unknown as string)),
        yield* attempt(() => asyncio.createSubprocessExec("echo", { stdOut: PIPE } as never)),
        yield* attempt(() => asyncio.createSubprocessExec("echo", { stdin: STDOUT })),
        yield* attempt(() => asyncio.createSubprocessExec("echo", { stdout: "pipe" as never })),
        yield* attempt(() => asyncio.createSubprocessExec("echo", { env: { A: 1 as unknown as string } })),
        yield* attempt(() => asyncio.createSubprocessExec("echo", "a\0b")),
        yield* attempt(() => asyncio.createSubprocessShell(["ls"] as unknown as string)),
        yield* attempt(() => asyncio.createSubprocessExec("echo", { limit: 0 })),
        yield* attempt(() => asyncio.getRunningLoop().subprocessExec(() => new asyncio.SubprocessProtocol(), "echo", { limit: 5 } as never)),
        yield* attempt(() => asyncio.getRunningLoop().subprocessShell(undefined as never, "echo")),
      ].map((e) => `${(e as Error).name}: ${(e as Error).message}`);
    })());
    expect(errors).toEqual([
      "TypeError: createSubprocessExec(): argument 2 must be a string, got 42",
      "TypeError: createSubprocessExec(): the program must be a string, got null",
      "TypeError: createSubprocessExec() got an unexpected option 'stdOut' (expected stdin, stdout, stderr, cwd, env or limit)",
      "RangeError: createSubprocessExec(): stdin=STDOUT is not valid: only stderr can be sent to stdout",
      "TypeError: createSubprocessExec(): stdout must be PIPE, DEVNULL, a file descriptor (an integer >= 0) or null/undefined to inherit, got 'pipe'",
      "TypeError: createSubprocessExec(): env['A'] must be a string, got 1",
      "RangeError: createSubprocessExec(): embedded null byte in 'a\0b'",
      "TypeError: createSubprocessShell(): cmd must be a string, got an array of length 1",
      "RangeError: createSubprocessExec(): limit must be a positive number of bytes, got 0",
      "TypeError: subprocessExec() got an unexpected option 'limit' (expected stdin, stdout, stderr, cwd or env)",
      "TypeError: subprocessShell(): protocolFactory must be a function returning a SubprocessProtocol, got undefined",
    ]);
  });

  test("signals: unknown names, wrong types, and signalling after wait()", async () => {
    const errors = await asyncio.run((function* () {
      const proc = yield* asyncio.createSubprocessExec("sleep", "5");
      const out = [
        yield* attempt(function* () {
          proc.sendSignal("SIGNOPE" as never);
        }),
        yield* attempt(function* () {
          proc.sendSignal({} as never);
        }),
      ];
      proc.kill();
      yield* proc.wait();
      out.push(
        yield* attempt(function* () {
          proc.kill();
        }),
      );
      return out.map((e) => [(e as Error).name, (e as { code?: string }).code]);
    })());
    expect(errors).toEqual([
      ["OSError", "EINVAL"],
      ["TypeError", undefined],
      ["ProcessLookupError", "ESRCH"],
    ]);
  });

  test("writing to stdin after closing it drops the data, as asyncio does; communicate(input) must be bytes or a string", async () => {
    const outcome = await asyncio.run((function* () {
      const proc = yield* asyncio.createSubprocessExec("cat", { stdin: PIPE, stdout: DEVNULL });
      const badInput = yield* attempt(() => proc.communicate(42 as unknown as string));
      proc.stdin!.close();
      proc.stdin!.write("late"); // dropped, as asyncio drops it: no error
      yield* proc.stdin!.drain();
      yield* proc.wait();
      return [String(badInput), proc.stdin!.isClosing()];
    })());
    expect(outcome).toEqual(["TypeError: communicate() input must be a Uint8Array or a string, not 42", true]);
  });

  test("runSync cannot wait for a child process and says to use asyncio.run", () => {
    let pid = 0;
    expect(() =>
      asyncio.runSync((function* () {
        const proc = yield* asyncio.createSubprocessExec("sleep", "0.2");
        pid = proc.pid;
        yield* proc.wait();
      })()),
    ).toThrow(/use asyncio\.run/);
    if (pid > 0) {
      try {
        process.kill(pid, "SIGKILL");
      } catch {
        // already gone
      }
    }
  });
});

describe("no leaks", () => {
  const dir = mkdtempSync(join(tmpdir(), "asyncio-ts-subprocess-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  /** Builds `source` (importing "asyncio-ts") and runs it in a fresh node; at most 10 s. */
  async function runProgram(name: string, source: string) {
    writeFileSync(join(dir, `${name}.ts`), source);
    await build({
      entryPoints: [join(dir, `${name}.ts`)],
      outfile: join(dir, `${name}.mjs`),
      bundle: true,
      platform: "node",
      format: "esm",
      target: "node20",
      alias: { "asyncio-ts": resolve(import.meta.dirname, "../../src/index.ts") },
      logLevel: "error",
    });
    const started = performance.now();
    const result = await new Promise<{ code: number | null; stdout: string; stderr: string }>((done) => {
      const child = spawn(process.execPath, [join(dir, `${name}.mjs`)], { stdio: ["ignore", "pipe", "pipe"] });
      let stdout = "";
      let stderr = "";
      child.stdout.on("data", (d) => (stdout += d));
      child.stderr.on("data", (d) => (stderr += d));
      const timer = setTimeout(() => child.kill("SIGKILL"), 10_000);
      child.on("close", (code) => {
        clearTimeout(timer);
        done({ code, stdout, stderr });
      });
    });
    return { ...result, seconds: (performance.now() - started) / 1000 };
  }

  test("a program that spawns, reads, cancels, kills and fails to spawn exits by itself with no handle left", async () => {
    const source = `
import * as asyncio from "asyncio-ts";
const { PIPE, STDOUT } = asyncio.subprocess;
function* main() {
  for (let i = 0; i < 20; i++) {
    const p = yield* asyncio.createSubprocessExec("sh", "-c", "echo out; echo err >&2", { stdin: PIPE, stdout: PIPE, stderr: STDOUT });
    yield* p.communicate();
  }
  const sleeper = yield* asyncio.createSubprocessExec("sleep", "5", { stdin: PIPE, stdout: PIPE, stderr: PIPE });
  const waiting = asyncio.createTask(sleeper.communicate());
  yield* asyncio.sleep(0.05);
  waiting.cancel();
  try { yield* waiting; } catch (e) { if (!(e instanceof asyncio.CancelledError)) throw e; }
  sleeper.kill();
  yield* sleeper.wait();
  const reader = yield* asyncio.createSubprocessExec("yes", { stdout: PIPE });
  yield* reader.stdout!.readexactly(100000);
  reader.terminate();
  // Its unread output fills the pipe: read it to the end while waiting, as in Python.
  yield* asyncio.gather(reader.stdout!.read(), reader.wait());
  try { yield* asyncio.createSubprocessExec("no-such-program-here"); } catch (e) { if (!(e instanceof asyncio.FileNotFoundError)) throw e; }
  const loop = asyncio.getRunningLoop();
  const [transport] = yield* loop.subprocessExec(() => new asyncio.SubprocessProtocol(), "sleep", "5");
  transport.close();
  yield* asyncio.sleep(0.1);
}
await asyncio.run(main());
setImmediate(() => {
  // Handles and requests (children, pipes, sockets), apart from this process's own
  // stdio, which Node opens when a child inherits it; and timers.
  const own = [process.stdin, process.stdout, process.stderr];
  const proc = process as unknown as { _getActiveHandles(): object[]; _getActiveRequests(): object[] };
  const handles = proc._getActiveHandles().filter((h) => !own.includes(h as never)).map((h) => h.constructor.name);
  const requests = proc._getActiveRequests().map((r) => r.constructor.name);
  const timers = process.getActiveResourcesInfo().filter((r) => r === "Timeout" || r === "Immediate");
  console.log(JSON.stringify({ handles, requests, timers }));
});
`;
    const result = await runProgram("leak", source);
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    // No child, pipe, timer or immediate left (the report runs in the last immediate).
    expect(JSON.parse(result.stdout)).toEqual({ handles: [], requests: [], timers: [] });
    // The 5 s sleepers were killed, not waited for.
    expect(result.seconds).toBeLessThan(5);
  }, 15_000);

  test("children nobody waited for are killed when asyncio.run closes its loop, so the program ends", async () => {
    const source = `
import * as asyncio from "asyncio-ts";
function* main() {
  const a = yield* asyncio.createSubprocessExec("sleep", "30");
  const b = yield* asyncio.createSubprocessShell("exec sleep 30", { stdin: asyncio.subprocess.PIPE, stdout: asyncio.subprocess.PIPE });
  console.log(JSON.stringify([a.pid, b.pid]));
}
await asyncio.run(main());
`;
    const result = await runProgram("unwaited", source);
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    expect(result.seconds).toBeLessThan(5);
    for (const pid of JSON.parse(result.stdout) as number[]) {
      expect(() => process.kill(pid, 0), `pid ${pid} still exists`).toThrow(/ESRCH/);
    }
  }, 15_000);
});

describe("options", () => {
  test("stdin and stdout may be file descriptors of this process", async () => {
    const dir = mkdtempSync(join(tmpdir(), "asyncio-ts-fd-"));
    try {
      const input = join(dir, "in.txt");
      const output = join(dir, "out.txt");
      writeFileSync(input, "from a file\n");
      const inFd = openSync(input, "r");
      const outFd = openSync(output, "w");
      const rc = await asyncio.run((function* () {
        const proc = yield* asyncio.createSubprocessExec("tr", "a-z", "A-Z", { stdin: inFd, stdout: outFd });
        return yield* proc.wait();
      })());
      closeSync(inFd);
      closeSync(outFd);
      expect(rc).toBe(0);
      expect(readFileSync(output, "utf8")).toBe("FROM A FILE\n");
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test("limit bounds the lines of stdout and stderr", async () => {
    const outcome = await asyncio.run((function* () {
      const proc = yield* asyncio.createSubprocessShell("echo short; echo this line is longer than the limit", { stdout: PIPE, limit: 16 });
      const first = text(yield* proc.stdout!.readline());
      const second = yield* caught(() => proc.stdout!.readline());
      yield* proc.communicate();
      return [first, (second as Error).name, proc.stdout!.limit];
    })());
    expect(outcome).toEqual(["short\n", "RangeError", 16]);
  });

  test("on a VirtualClock, time does not jump past a child that is being waited for", async () => {
    const outcome = await asyncio.run(
      (function* () {
        const proc = yield* asyncio.createSubprocessExec("sleep", "0.2");
        const rc = yield* asyncio.waitFor(proc.wait(), 5);
        return rc;
      })(),
      { clock: new asyncio.VirtualClock() },
    );
    expect(outcome).toBe(0);
  });
});
