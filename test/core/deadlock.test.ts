/**
 * A host-driven run that can never make progress fails with a clear error instead of
 * letting Node exit with the run's promise unsettled, or Bun spin and Deno wait forever
 * on the top-level `await asyncio.run(…)`. The report says what each task waits on,
 * through `asyncio.wait` and `asCompleted` too, and so do the live task tables.
 */
import { type ChildProcessWithoutNullStreams, execFileSync, spawn } from "node:child_process";
import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import * as asyncio from "asyncio-ts";
import { build } from "esbuild";
import { afterAll, expect, test } from "vitest";

const dir = mkdtempSync(join(tmpdir(), "asyncio-ts-deadlock-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const root = resolve(import.meta.dirname, "..", "..");

/** The other hosts, from their npm platform packages (dev dependencies). */
const hosts = [
  { name: "bun", binary: join(root, "node_modules", "@oven", "bun-linux-x64", "bin", "bun"), args: [] as string[] },
  { name: "deno", binary: join(root, "node_modules", "@deno", "linux-x64-glibc", "deno"), args: ["run", "-A"] },
];

async function bundle(body: string): Promise<string> {
  const entry = join(dir, `entry-${Math.random().toString(36).slice(2)}.ts`);
  writeFileSync(entry, `import * as asyncio from "asyncio-ts";\n${body}`);
  const out = `${entry}.mjs`;
  await build({
    entryPoints: [entry],
    outfile: out,
    bundle: true,
    platform: "node",
    format: "esm",
    alias: { "asyncio-ts": resolve(root, "src", "index.ts") },
    logLevel: "error",
  });
  return out;
}

async function runScript(body: string): Promise<string> {
  return execFileSync(process.execPath, [await bundle(body)], { timeout: 20_000 }).toString();
}

const futureNobodyCompletes = `
function* main() {
  try { yield* asyncio.getRunningLoop().createFuture(); } finally { console.log("cleanup ran"); }
}
try { await asyncio.run(main()); console.log("settled"); } catch (e) { console.log(e.name + ": " + e.message); }
`;
const futureNobodyCompletesReport =
  "cleanup ran\nRuntimeError: the event loop can never finish: no callback is ready, no timer is scheduled and the host has nothing left that could wake it (a task waits on a future nobody will complete)\n" +
  "waiting tasks:\n  Task-1 waits on <Future pending> that nothing will complete\n";

test("a main task waiting on a future nobody completes fails the run, after its cleanup ran", async () => {
  expect(await runScript(futureNobodyCompletes)).toBe(futureNobodyCompletesReport);
});

const lockOrderInversion = `
const a = new asyncio.Lock(), b = new asyncio.Lock();
function* worker(first, second) {
  yield* asyncio.asyncWith(first, function* () {
    yield* asyncio.sleep(0.01);
    yield* asyncio.asyncWith(second, function* () {});
  });
}
function* main() { yield* asyncio.gather(worker(a, b), worker(b, a)); }
try { await asyncio.run(main()); } catch (e) { console.log(e.message); }
`;
const lockOrderInversionReport =
  "the event loop can never finish: no callback is ready, no timer is scheduled and the host has nothing left that could wake it\n" +
  "deadlock: Task-2 waits to acquire Lock#1, held by Task-3; Task-3 waits to acquire Lock#2, held by Task-2\n" +
  "waiting tasks:\n" +
  "  Task-1 waits for gather(Task-2, Task-3)\n" +
  "  Task-2 waits to acquire Lock#1, held by Task-3\n" +
  "  Task-3 waits to acquire Lock#2, held by Task-2\n";

test("a lock-order inversion under asyncio.run is reported as exactly that: who holds which lock, who wants it", async () => {
  expect(await runScript(lockOrderInversion)).toBe(lockOrderInversionReport);
});

test("a wrapped promise that never settles is named as the cause", async () => {
  const out = await runScript(`
function* main() { yield* asyncio.wrapPromise(new Promise(() => {})); }
try { await asyncio.run(main()); } catch (e) { console.log(e.message); }
`);
  expect(out).toMatch(/can never finish.*\(1 wrapped promise never settles\)/);
});

const wokenByTheHost = `
function* main() {
  const loop = asyncio.getRunningLoop();
  const f = loop.createFuture();
  setTimeout(() => loop.callSoonThreadsafe(() => f.setResult("woken by the host")), 50);
  return yield* f;
}
console.log(await asyncio.run(main()));
`;

test("host work that is still pending keeps the run alive", async () => {
  expect(await runScript(wokenByTheHost)).toBe("woken by the host\n");
});

// A long wait (longer than the idle probe's backoff reaches) and a wrapped host promise.
const wokenLater = `
function* main() {
  const loop = asyncio.getRunningLoop();
  const f = loop.createFuture();
  setTimeout(() => loop.callSoonThreadsafe(() => f.setResult("woken later")), 1500);
  const wrapped = yield* asyncio.wrapPromise(new Promise((resolve) => setTimeout(() => resolve("wrapped"), 300)));
  return wrapped + ", " + (yield* f);
}
console.log(await asyncio.run(main()));
`;

test("a long host wait and a wrapped promise keep the run alive", async () => {
  expect(await runScript(wokenLater)).toBe("wrapped, woken later\n");
});

// Deno's stdin read, unwrapped: completes the main task's future from outside the loop.
// Then a long sleep that only Ctrl-C (sent by the test) ends.
const wokenByStdinThenInterrupted = `
function* main() {
  const loop = asyncio.getRunningLoop();
  const f = loop.createFuture();
  const buffer = new Uint8Array(64);
  console.log("reading");
  Deno.stdin.read(buffer).then((n) => loop.callSoonThreadsafe(() => f.setResult(new TextDecoder().decode(buffer.subarray(0, n)))));
  console.log("read: " + (yield* f).trim());
  try {
    console.log("waiting for ^C");
    yield* asyncio.sleep(30);
  } catch (e) {
    console.log("cancelled by ^C");
    throw e;
  }
}
try { await asyncio.run(main()); } catch (e) { console.log(e.name); }
`;

// A stdin read nobody writes to, wrapped: the run waits on it until Ctrl-C.
const waitingOnWrappedRead = `
function* main() {
  try {
    console.log("reading");
    yield* asyncio.wrapPromise(Deno.stdin.read(new Uint8Array(64)));
  } finally {
    console.log("cleanup ran");
  }
}
try { await asyncio.run(main()); } catch (e) { console.log(e.name); }
`;

for (const host of hosts) {
  const missing = existsSync(host.binary) ? null : `${host.binary} is not installed (npm install)`;
  if (missing !== null) console.log(`skipping the ${host.name} deadlock tests: ${missing}`);
  const run = async (body: string): Promise<string> =>
    execFileSync(host.binary, [...host.args, await bundle(body)], { timeout: 20_000, env: { ...process.env, NO_COLOR: "1" } }).toString();

  // Deno cannot show every pending host operation, so there only a cycle of tasks (which no
  // host work could break) fails the run; a lone waiting task is left to wait (below).
  if (host.name !== "deno") {
    test.skipIf(missing !== null)(`on ${host.name}, a main task waiting on a future nobody completes fails the top-level awaited run`, async () => {
      expect(await run(futureNobodyCompletes)).toBe(futureNobodyCompletesReport);
    });
  } else {
    // Left to wait, but not for ever: once the host looks idle the library stops holding
    // Deno (its probe's timer, its Ctrl-C listener), and Deno ends the program itself.
    test.skipIf(missing !== null)("on deno, a main task waiting on a future nobody completes ends the program, as Deno ends a top-level await that can never settle", async () => {
      const script = await bundle(futureNobodyCompletes);
      let failure: { status: number | null; stdout: Buffer; stderr: Buffer } | undefined;
      const started = performance.now();
      try {
        execFileSync(host.binary, [...host.args, script], { timeout: 20_000, env: { ...process.env, NO_COLOR: "1" }, stdio: "pipe" });
      } catch (error) {
        failure = error as typeof failure;
      }
      expect(failure?.status).toBe(1);
      expect(failure!.stderr.toString()).toMatch(/^error: Top-level await promise never resolved\n/);
      expect(failure!.stdout.toString()).toBe("");
      expect(performance.now() - started).toBeLessThan(15_000);
    });

    /**
     * Runs `body` on the host and returns its stdout once it exits, calling `react` with
     * the stdout so far after each chunk (to write its stdin or send it a signal), and
     * killing it after 15 s.
     */
    const converse = async (body: string, react: (stdout: string, child: ChildProcessWithoutNullStreams) => void): Promise<string> => {
      const script = await bundle(body);
      return new Promise<string>((done, fail) => {
        const child = spawn(host.binary, [...host.args, script], { env: { ...process.env, NO_COLOR: "1" } });
        let stdout = "";
        child.stdout.on("data", (chunk: Buffer) => {
          stdout += chunk.toString();
          react(stdout, child);
        });
        child.on("error", fail);
        child.on("exit", () => done(stdout));
        setTimeout(() => child.kill("SIGKILL"), 15_000);
      });
    };

    // A stdin read is work Deno does not list: the run must wait for it, and when the
    // line comes it wakes the loop, which listens for Ctrl-C again.
    test.skipIf(missing !== null)("on deno, host work it cannot list keeps the run alive, and Ctrl-C is watched again once the loop wakes", async () => {
      let written = false;
      let interrupted = false;
      const output = await converse(wokenByStdinThenInterrupted, (stdout, child) => {
        // The line comes well after the probe has found the host idle (its first look
        // is at 10 ms), counted from the read, not from the start: a loaded machine
        // may take longer than that to start Deno.
        if (!written && stdout.includes("reading")) {
          written = true;
          setTimeout(() => child.stdin.end("a line\n"), 300);
        }
        // Once: a second Ctrl-C ends the process, as it does under Python.
        if (!interrupted && stdout.includes("waiting for ^C")) {
          interrupted = true;
          child.kill("SIGINT");
        }
      });
      expect(output).toBe("reading\nread: a line\nwaiting for ^C\ncancelled by ^C\nKeyboardInterrupt\n");
    });

    // A wrapped promise pending (a fetch, a read): Ctrl-C cancels the main task, its
    // cleanup runs, as anywhere else.
    test.skipIf(missing !== null)("on deno, a run waiting on a wrapped promise the host does not list still turns Ctrl-C into a cancellation", async () => {
      let interrupted = false;
      const output = await converse(waitingOnWrappedRead, (stdout, child) => {
        // Well after the probe has found the host idle (its first look is at 10 ms),
        // counted from the read.
        if (!interrupted && stdout.includes("reading")) {
          interrupted = true;
          setTimeout(() => child.kill("SIGINT"), 300);
        }
        // The read, cancelled only in the loop, still holds Deno: end it.
        if (stdout.includes("KeyboardInterrupt")) child.stdin.end();
      });
      expect(output).toBe("reading\ncleanup ran\nKeyboardInterrupt\n");
    });
  }

  test.skipIf(missing !== null)(`on ${host.name}, a lock-order inversion fails the top-level awaited run with the deadlock`, async () => {
    expect(await run(lockOrderInversion)).toBe(lockOrderInversionReport);
  });

  test.skipIf(missing !== null)(`on ${host.name}, host work that is still pending keeps the run alive`, async () => {
    expect(await run(wokenByTheHost)).toBe("woken by the host\n");
    expect(await run(wokenLater)).toBe("wrapped, woken later\n");
  });
}

// ---- asyncio.wait and asCompleted: what they wait for, live and stuck ----

const lockHeldAcrossWait = `
const lock = new asyncio.Lock();
function* worker() { yield* asyncio.asyncWith(lock, function* () {}); }
function* main() {
  yield* asyncio.asyncWith(lock, function* () {
    const a = asyncio.createTask(worker(), { name: "a" });
    const b = asyncio.createTask(worker(), { name: "b" });
    yield* asyncio.wait([a, b], { returnWhen: asyncio.FIRST_COMPLETED });
  });
}
try { await asyncio.run(main()); } catch (e) { console.log(e.message); }
`;

/** What a script prints for a run that can never finish: the error's message, then the report's lines. */
function neverFinishes(...report: string[]): string {
  return ["the event loop can never finish: no callback is ready, no timer is scheduled and the host has nothing left that could wake it", ...report, ""].join("\n");
}

test("a task waiting in asyncio.wait for workers that need the lock it holds is a deadlock through wait()", async () => {
  expect(await runScript(lockHeldAcrossWait)).toBe(
    neverFinishes(
      "deadlock: Task-1 waits for wait(a, b; FIRST_COMPLETED); a waits to acquire Lock#1, held by Task-1",
      "waiting tasks:",
      "  Task-1 waits for wait(a, b; FIRST_COMPLETED)",
      "  a waits to acquire Lock#1, held by Task-1",
      "  b waits to acquire Lock#1, held by Task-1",
    ),
  );
});

const asCompletedCycle = `
let collector = null;
function* main() {
  const quick = asyncio.createTask(asyncio.sleep(0.5), { name: "quick" });
  const partner = asyncio.createTask((function* () { yield* asyncio.sleep(1); yield* collector; })(), { name: "partner" });
  collector = asyncio.createTask((function* () {
    for (const next of asyncio.asCompleted([quick, partner])) yield* next;
  })(), { name: "collector" });
  yield* collector;
}
try { await asyncio.run(main()); } catch (e) { console.log(e.message); }
`;

test("a cycle through an asCompleted item is found too, and only the awaitables not yet finished are named", async () => {
  expect(await runScript(asCompletedCycle)).toBe(
    neverFinishes(
      "deadlock: collector waits for asCompleted(partner); partner waits for collector to finish",
      "waiting tasks:",
      "  Task-1 waits for collector to finish",
      "  partner waits for collector to finish",
      "  collector waits for asCompleted(partner)",
    ),
  );
});

test("a live task table says what wait(), asCompleted and shield wait for, with their timeouts, and never that nothing will complete", () => {
  const table = asyncio.runSync(
    (function* () {
      const loop = asyncio.getRunningLoop();
      const slow = asyncio.createTask(asyncio.sleep(10), { name: "slow" });
      const future = loop.createFuture();
      const tasks = [
        asyncio.createTask(asyncio.wait([slow, future], { returnWhen: asyncio.FIRST_COMPLETED }), { name: "first" }),
        asyncio.createTask(asyncio.wait([slow], { timeout: 5, returnWhen: asyncio.FIRST_EXCEPTION }), { name: "errors" }),
        asyncio.createTask(
          (function* () {
            for (const next of asyncio.asCompleted([slow, asyncio.sleep(20)], { timeout: 30 })) yield* next;
          })(),
          { name: "collector" },
        ),
        asyncio.createTask(asyncio.waitFor(slow, 3), { name: "waitFor" }),
        asyncio.createTask(
          (function* () {
            yield* future;
          })(),
          { name: "bare" },
        ),
        asyncio.createTask(
          (function* () {
            yield* asyncio.shield(slow);
          })(),
          { name: "shielded" },
        ),
      ];
      yield* asyncio.sleep(1);
      const rows = asyncio.taskTable().map((row) => `${row.name}: ${row.waitsOn}`);
      for (const task of [...tasks, slow]) task.cancel();
      yield* asyncio.wait(tasks);
      return rows;
    })(),
    { clock: new asyncio.VirtualClock() },
  );
  expect(table.map((row) => row.replace(/Task-\d+/g, "Task-N"))).toEqual([
    "Task-N: is running",
    "slow: sleeps until t=10.0",
    "first: waits for wait(slow, a Future; FIRST_COMPLETED)",
    "errors: waits for wait(slow; FIRST_EXCEPTION, timeout at t=5.0)",
    "collector: waits for asCompleted(slow, Task-N; timeout at t=30.0)",
    "waitFor: waits for slow to finish; times out at t=3.0",
    "bare: waits on <Future pending>",
    "shielded: waits for shield(slow)",
    "Task-N: sleeps until t=20.0",
  ]);
});
