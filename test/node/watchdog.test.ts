/**
 * Debug mode names the code that held the loop: a slow callback or task step is
 * reported as CPython reports it, then with the function it was blocked in and its
 * callers, at the lines of the source (src/node/watchdog.ts).
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { build } from "esbuild";
import { afterAll, expect, test } from "vitest";

const dir = mkdtempSync(join(tmpdir(), "asyncio-ts-watchdog-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

interface Run {
  source: string;
  file: string;
  stdout: string;
  stderr: string;
}

/**
 * Bundles `body` with asyncio-ts, with an inline source map, and runs it in debug mode
 * unless `debug` is false. Node's own source maps stay off: the report maps anyway.
 */
async function runScript(body: string, debug = true): Promise<Run> {
  const source = `import * as asyncio from "asyncio-ts";\n${body}`;
  const file = join(dir, `entry-${Math.random().toString(36).slice(2)}.ts`);
  writeFileSync(file, source);
  const out = `${file}.mjs`;
  await build({
    entryPoints: [file],
    outfile: out,
    bundle: true,
    platform: "node",
    format: "esm",
    sourcemap: "inline",
    alias: { "asyncio-ts": resolve(import.meta.dirname, "..", "..", "src", "index.ts") },
    logLevel: "error",
  });
  const env = { ...process.env, ASYNCIO_TS_DEBUG: debug ? "1" : "" };
  const child = spawnSync(process.execPath, [out], { env, cwd: dir, timeout: 20_000 });
  return { source, file, stdout: child.stdout.toString(), stderr: child.stderr.toString() };
}

/** `name (file:line:column)` of the first `text` in the script, at its `at` (1-based, as the report shows it). */
function frame(run: Run, name: string, text: string, at = text): string {
  const index = run.source.indexOf(text);
  expect(index).toBeGreaterThanOrEqual(0);
  const before = run.source.slice(0, index + text.indexOf(at));
  const line = before.split("\n").length;
  const column = before.length - before.lastIndexOf("\n");
  return `${name} (${join(run.file).slice(dir.length + 1)}:${line}:${column})`;
}

// The seed's first program (test/diff/core_seed_blocking.ts), with 0.2 s sleeps and a
// 0.05 s threshold: each task's one step runs through all its sleeps.
const SEED_BLOCKING = `
function timeSleep(seconds: number) {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, seconds * 1000);
}

function* customSleep() {
  console.log("SLEEP");
  timeSleep(0.2);
}

function* factorial(name: string, number: number) {
  let f = 1;
  for (let i = 2; i < number + 1; i++) {
    console.log(\`Task \${name}: Compute factorial(\${i})\`);
    yield* customSleep();
    f *= i;
  }
  console.log(\`Task \${name}: factorial(\${number}) is \${f}\`);
}

const loop = asyncio.newEventLoop();
loop.slowCallbackDuration = 0.05;
const tasks = [loop.createTask(factorial("A", 3)), loop.createTask(factorial("B", 4))];
loop.runUntilCompleteSync(asyncio.wait(tasks));
loop.close();
`;

test("the seed's blocking program in debug mode names factorial and the line of the blocking call", async () => {
  const run = await runScript(SEED_BLOCKING);
  const culprit =
    `it was blocked in ${frame(run, "timeSleep", "Atomics.wait(", "wait")}, ` +
    `called from ${frame(run, "customSleep", "timeSleep(0.2)")}, ${frame(run, "factorial", "customSleep();")}`;
  const reports = run.stderr.split("\n").filter((line) => line.startsWith("Executing "));
  expect(reports).toHaveLength(2);
  expect(reports[0]).toMatch(/^Executing <Task finished name='Task-1' .*> took 0\.\d{3} seconds; /);
  expect(reports[1]).toMatch(/^Executing <Task finished name='Task-2' .*> took 0\.\d{3} seconds; /);
  for (const report of reports) expect(report.slice(report.indexOf("; ") + 2)).toBe(culprit);
  // The program's own output is untouched.
  expect(run.stdout).toContain("Task B: factorial(4) is 24");
});

test("a callback that busy-loops under asyncio.run is named with its caller", async () => {
  const run = await runScript(`
function spin(seconds: number) {
  const end = Date.now() + seconds * 1000;
  while (Date.now() < end);
}

function onTick() {
  spin(0.2);
}

function* main() {
  const loop = asyncio.getRunningLoop();
  loop.slowCallbackDuration = 0.05;
  loop.callSoon(onTick);
  yield* asyncio.sleep(0.01);
}

await asyncio.run(main());
`);
  const reports = run.stderr.split("\n").filter((line) => line.startsWith("Executing "));
  expect(reports).toHaveLength(1);
  expect(reports[0]).toMatch(/^Executing <Handle onTick\(\)> took 0\.\d{3} seconds; it was blocked in spin \(/);
  // Date.now() is native (no frame of its own): the pause lands on the loop's line.
  expect(reports[0]).toMatch(/it was blocked in spin \(entry-\w+\.ts:5:\d+\), called from onTick \(entry-\w+\.ts:9:3\)$/);
});

test("callbacks and steps faster than slowCallbackDuration are not reported", async () => {
  const run = await runScript(`
function* main() {
  const loop = asyncio.getRunningLoop();
  loop.slowCallbackDuration = 0.5;
  for (let i = 0; i < 50; i++) yield* asyncio.sleep(0.001);
}
await asyncio.run(main());
`);
  expect(run.stderr).not.toContain("Executing");
});

/** The threads of this process, where the host shows them (Linux); null elsewhere. */
const THREADS = `
import { readFileSync } from "node:fs";
function threads(): number | null {
  try {
    return Number(/^Threads:\\s+(\\d+)/m.exec(readFileSync("/proc/self/status", "utf8"))![1]);
  } catch {
    return null;
  }
}
function* whileRunning() {
  yield* asyncio.sleep(0.3);
  return [threads(), (asyncio.getRunningLoop() as unknown as { _slowWatch: unknown })._slowWatch !== null];
}
const before = threads();
const [during, watched] = await asyncio.run(whileRunning());
let after = threads();
for (let i = 0; i < 100 && after !== before; i++) {
  await new Promise((resolve) => setTimeout(resolve, 20));
  after = threads();
}
console.log(JSON.stringify({ before, during, after, watched }));
`;

test("outside debug mode no watchdog is started", async () => {
  const run = await runScript(THREADS, false);
  const { before, during, after, watched } = JSON.parse(run.stdout);
  expect(watched).toBe(false);
  if (existsSync("/proc/self/status")) {
    expect(during).toBe(before);
    expect(after).toBe(before);
  }
});

test("in debug mode the watchdog thread runs while the loop runs, and ends soon after", async () => {
  const run = await runScript(THREADS);
  const { before, during, after, watched } = JSON.parse(run.stdout);
  expect(watched).toBe(true);
  if (existsSync("/proc/self/status")) {
    expect(during).toBeGreaterThan(before);
    expect(after).toBe(before);
  }
});
