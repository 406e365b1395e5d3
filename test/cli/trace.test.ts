/**
 * `asyncio-ts trace`: the built command runs a program in a child node with its preload
 * and writes the timeline of each event loop the program ran. The programs live in a
 * project that depends on asyncio-ts through node_modules, as users' do, so they load
 * the package's builds (ESM for TypeScript and .mjs, CommonJS for .cjs), not the
 * command's own copy.
 */
import { type SpawnSyncReturns, execFileSync, spawnSync } from "node:child_process";
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterAll, beforeAll, expect, test } from "vitest";

const root = resolve(import.meta.dirname, "..", "..");
const fixtures = join(root, "test", "cli", "fixtures");
const cli = join(root, "dist", "cli.js");
let project: string;

beforeAll(() => {
  if (!existsSync(cli) || !existsSync(join(root, "dist", "cli-preload.js")) || !existsSync(join(root, "dist", "index.js"))) {
    execFileSync(process.execPath, [join(root, "node_modules", "tsup", "dist", "cli-default.js")], { cwd: root, stdio: "ignore" });
  }
  project = mkdtempSync(join(tmpdir(), "asyncio-ts-trace-"));
  mkdirSync(join(project, "node_modules"));
  symlinkSync(root, join(project, "node_modules", "asyncio-ts"), "dir");
  for (const name of ["two-tasks.ts", "two-loops.cjs"]) copyFileSync(join(fixtures, name), join(project, name));
});

afterAll(() => rmSync(project, { recursive: true, force: true }));

function run(args: string[], cwd = project): SpawnSyncReturns<string> {
  const env = { ...process.env };
  delete env.ASYNCIO_TS_DEBUG;
  delete env.ASYNCIO_TS_TRACE_OUT;
  return spawnSync(process.execPath, [cli, ...args], { cwd, env, encoding: "utf8", timeout: 60_000 });
}

interface TraceEvent {
  name: string;
  ph: string;
  args?: { name?: string };
}

function threadNames(file: string): string[] {
  const trace = JSON.parse(readFileSync(file, "utf8")) as { traceEvents: TraceEvent[] };
  expect(Array.isArray(trace.traceEvents)).toBe(true);
  return trace.traceEvents.filter((e) => e.ph === "M" && e.name === "thread_name").map((e) => e.args?.name ?? "");
}

test("trace runs a TypeScript program and writes an HTML page with a lane for each task", { timeout: 60_000 }, () => {
  const out = join(project, "ts.html");
  const result = run(["trace", "two-tasks.ts", "-o", out]);
  expect(result.stderr).toContain(`asyncio-ts trace: wrote the timeline to ${out}`);
  expect(result.status).toBe(0);
  expect(result.stdout).toBe('done A B args=[] debug=false\n');
  const html = readFileSync(out, "utf8");
  expect(html).toMatch(/^<!DOCTYPE html>/i);
  for (const label of ["alpha", "beta", "gather(alpha, beta)", "sleep until t="]) expect(html).toContain(label);
});

test("trace -o FILE.json writes Chrome trace-event JSON", { timeout: 60_000 }, () => {
  const out = join(project, "ts.json");
  const result = run(["trace", "two-tasks.ts", "-o", out]);
  expect(result.status).toBe(0);
  const names = threadNames(out);
  expect(names.some((name) => name.startsWith("alpha"))).toBe(true);
  expect(names.some((name) => name.startsWith("beta"))).toBe(true);
});

test("--debug reaches the program; its arguments after --, stdout and exit code pass through", { timeout: 60_000 }, () => {
  const result = run(["trace", "two-tasks.ts", "--debug", "-o", join(project, "debug.html"), "--", "3"]);
  expect(result.stdout).toBe('done A B args=["3"] debug=true\n');
  expect(result.status).toBe(3);
  expect(existsSync(join(project, "debug.html"))).toBe(true);
});

test("a CommonJS program is recorded through its own copy, one file per event loop", { timeout: 60_000 }, () => {
  const out = join(project, "cjs.json");
  const result = run(["trace", "two-loops.cjs", "-o", out]);
  expect(result.status).toBe(0);
  expect(result.stdout).toBe("cjs done\n");
  const second = join(project, "cjs-2.json");
  expect(result.stderr).toContain(`asyncio-ts trace: wrote the timelines of 2 event loops to ${out}, ${second}`);
  for (const file of [out, second]) {
    const names = threadNames(file);
    expect(names.some((name) => name.startsWith("alpha"))).toBe(true);
    expect(names.some((name) => name.startsWith("beta"))).toBe(true);
  }
  expect(result.stderr).not.toContain("Exception in instrument");
  expect(readFileSync(out, "utf8")).toContain("gather(alpha, beta)");
});

test("a program that runs the library's sources through tsx is recorded with the same labels", { timeout: 60_000 }, () => {
  // In this repository, tsconfig's paths send "asyncio-ts" to src/index.ts.
  const out = join(project, "sources.html");
  const result = run(["trace", join(fixtures, "two-tasks.ts"), "-o", out], root);
  expect(result.status).toBe(0);
  expect(result.stderr).not.toContain("Exception in instrument");
  const html = readFileSync(out, "utf8");
  for (const label of ["alpha", "beta", "gather(alpha, beta)", "sleep until t=", "done callbacks of task"]) expect(html).toContain(label);
});

test("a program killed by a signal still writes its timeline, and the command reports the signal", { timeout: 60_000 }, () => {
  writeFileSync(
    join(project, "forever.mjs"),
    [
      'import * as asyncio from "asyncio-ts";',
      "function* tick() { for (;;) yield* asyncio.sleep(0.02); }",
      'function* main() { yield* asyncio.createTask(tick(), { name: "ticker" }); }',
      'setTimeout(() => process.kill(process.pid, "SIGTERM"), 200);',
      "await asyncio.run(main());",
    ].join("\n"),
  );
  const out = join(project, "forever.html");
  const result = run(["trace", "forever.mjs", "-o", out]);
  expect(result.status).toBe(128 + 15);
  expect(result.stderr).toContain(`asyncio-ts trace: wrote the timeline to ${out}`);
  expect(readFileSync(out, "utf8")).toContain("ticker");
});

test("a missing program is a clear error", () => {
  const result = run(["trace", "no-such-program.ts", "-o", join(project, "never.html")]);
  expect(result.status).toBe(2);
  expect(result.stderr).toBe("asyncio-ts trace: no such file: no-such-program.ts\n");
  expect(existsSync(join(project, "never.html"))).toBe(false);
});

test("an unknown command or option is an error with the usage; no arguments print the usage", () => {
  const unknown = run(["frobnicate"]);
  expect(unknown.status).toBe(2);
  expect(unknown.stderr).toMatch(/^asyncio-ts: unknown command "frobnicate"\n\nusage: asyncio-ts/);
  const option = run(["trace", "two-tasks.ts", "--virtual"]);
  expect(option.status).toBe(2);
  expect(option.stderr).toContain("unknown option --virtual");
  const format = run(["trace", "two-tasks.ts", "-o", "out.txt"]);
  expect(format.status).toBe(2);
  expect(format.stderr).toContain("name it .html or .json");
  const usage = run([]);
  expect(usage.status).toBe(0);
  expect(usage.stdout).toMatch(/^usage: asyncio-ts <command>/);
  expect(usage.stdout).toContain("trace <script> [-o FILE] [--debug] [-- args...]");
});
