/**
 * `npx asyncio-ts ps PID` / `pstree PID` (issue 13, item 7): another Node process's task
 * table, read through its inspector, which is closed again afterwards.
 */
import { type ChildProcessWithoutNullStreams, spawn } from "node:child_process";
import { resolve } from "node:path";
import { afterEach, expect, test, vi } from "vitest";
import { runPs } from "../../src/cli/ps";

const root = resolve(import.meta.dirname, "..", "..");
/** Holds a lock in one task while another waits for it. */
const program = resolve(root, "test", "fixtures", "lock-holder.ts");

const children: ChildProcessWithoutNullStreams[] = [];
afterEach(() => {
  for (const child of children.splice(0)) child.kill("SIGKILL");
});

/** Starts `args` under Node and resolves once it prints "ready"; `stderr()` is what it wrote there so far. */
function start(args: string[], ready = "ready"): Promise<{ child: ChildProcessWithoutNullStreams; stderr: () => string }> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(process.execPath, args, { cwd: root, env: { ...process.env, ASYNCIO_TS_DEBUG: "" } });
    children.push(child);
    let stderr = "";
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    child.stdout.on("data", (chunk: Buffer) => {
      if (chunk.toString().includes(ready)) resolvePromise({ child, stderr: () => stderr });
    });
    child.on("error", reject);
    child.on("exit", (code) => reject(new Error(`child exited (${code}) before it was ready:\n${stderr}`)));
  });
}

/** What runPs writes to stdout and stderr, and its exit code. */
async function capture(pid: number, kind: "ps" | "pstree"): Promise<{ code: number; out: string; err: string }> {
  let out = "";
  let err = "";
  const stdout = vi.spyOn(process.stdout, "write").mockImplementation((chunk) => ((out += String(chunk)), true));
  const stderr = vi.spyOn(process.stderr, "write").mockImplementation((chunk) => ((err += String(chunk)), true));
  try {
    const code = await runPs(pid, kind);
    return { code, out, err };
  } finally {
    stdout.mockRestore();
    stderr.mockRestore();
  }
}

async function answers(port: number): Promise<boolean> {
  try {
    await fetch(`http://127.0.0.1:${port}/json/list`, { signal: AbortSignal.timeout(1_000) });
    return true;
  } catch {
    return false;
  }
}

function inspectorPort(stderr: string): number {
  const match = /Debugger listening on ws:\/\/[^:]+:(\d+)\//.exec(stderr);
  expect(match, stderr).not.toBeNull();
  return Number(match![1]);
}

test("ps and pstree PID print another process's tasks, and close the inspector they opened", async () => {
  const { child, stderr } = await start(["--import", "tsx", program]);
  const table = await capture(child.pid!, "ps");
  expect(table.err).toBe("");
  expect(table.code).toBe(0);
  expect(table.out).toMatch(/^asyncio-ts: the tasks of <EventLoop #\d+ running debug=false> at t=\d+\.\d{3}\n/);
  expect(table.out).toMatch(/\nholder +waiting +.*sleeps until t=/);
  expect(table.out).toMatch(/\nwaiter +waiting +.*waits to acquire Lock#1, held by holder/);
  const port = inspectorPort(stderr());
  expect(await answers(port)).toBe(false);

  const tree = await capture(child.pid!, "pstree");
  expect(tree.code).toBe(0);
  expect(tree.out).toMatch(/\n(├|└)── waiter.*: waits to acquire Lock#1, held by holder/);
  expect(await answers(port)).toBe(false);
  expect(child.exitCode).toBeNull();
  expect(child.signalCode).toBeNull();
}, 30_000);

test("an inspector that was already open is used and left open", async () => {
  const { child, stderr } = await start(["--inspect=127.0.0.1:0", "--import", "tsx", program]);
  const table = await capture(child.pid!, "ps");
  expect(table.code).toBe(0);
  expect(table.out).toMatch(/\nwaiter +waiting +.*waits to acquire Lock#1, held by holder/);
  expect(await answers(inspectorPort(stderr()))).toBe(true);
}, 30_000);

test("a Node process without asyncio-ts is reported, and its inspector closed again", async () => {
  const { child, stderr } = await start(["-e", "console.log('ready'); setInterval(() => {}, 1000);"]);
  const result = await capture(child.pid!, "ps");
  expect(result).toEqual({ code: 1, out: "", err: `asyncio-ts ps: process ${child.pid} has not loaded asyncio-ts (or a version without \`asyncio-ts ps\`)\n` });
  expect(await answers(inspectorPort(stderr()))).toBe(false);
  expect(child.exitCode).toBeNull();
}, 30_000);

test("a process that is not Node is not sent SIGUSR1", async () => {
  const child = spawn("sleep", ["30"]);
  try {
    const result = await capture(child.pid!, "ps");
    expect(result).toEqual({ code: 1, out: "", err: `asyncio-ts ps: process ${child.pid} is not a Node process (it runs sleep)\n` });
    expect(child.exitCode).toBeNull();
    expect(child.signalCode).toBeNull();
  } finally {
    child.kill("SIGKILL");
  }
});

test("a pid that does not exist gives exit code 1 and says so", async () => {
  const child = spawn(process.execPath, ["-e", ""]);
  await new Promise((resolvePromise) => child.on("exit", resolvePromise));
  const result = await capture(child.pid!, "pstree");
  expect(result).toEqual({ code: 1, out: "", err: `asyncio-ts pstree: no process with id ${child.pid}\n` });
});
