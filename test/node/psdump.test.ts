/**
 * A program running in debug mode prints its task table and tree on SIGUSR2, without a
 * change to its code (issue 13, item 3); outside debug mode the signal is not taken.
 */
import { spawn } from "node:child_process";
import { resolve } from "node:path";
import { expect, test } from "vitest";

const root = resolve(import.meta.dirname, "..", "..");
/** Holds a lock in one task while another waits for it. */
const program = resolve(root, "test", "fixtures", "lock-holder.ts");

function runUntilReady(env: NodeJS.ProcessEnv): Promise<{ stderr: string; signal: string | null }> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(process.execPath, ["--import", "tsx", program], { cwd: root, env });
    let stderr = "";
    child.stderr.on("data", (chunk: Buffer) => {
      stderr += chunk.toString();
      // The dump (a table, then a tree, then a blank line) is written at once; end the program after it.
      if (stderr.includes("── ") && stderr.endsWith("\n\n")) child.kill("SIGTERM");
    });
    child.stdout.on("data", (chunk: Buffer) => {
      if (chunk.toString().includes("ready")) child.kill("SIGUSR2");
    });
    const guard = setTimeout(() => child.kill("SIGKILL"), 20_000);
    child.on("error", reject);
    child.on("exit", (_code, signal) => {
      clearTimeout(guard);
      resolvePromise({ stderr, signal });
    });
  });
}

test("in debug mode, SIGUSR2 prints the running loop's task table and tree to stderr", async () => {
  const { stderr } = await runUntilReady({ ...process.env, ASYNCIO_TS_DEBUG: "1" });
  expect(stderr).toMatch(/asyncio-ts: the tasks of <EventLoop #\d+ running debug=true> at t=\d+\.\d{3}\n/);
  expect(stderr).toMatch(/\nholder +waiting +\d\.\d{3} s ago +.*worker .*sleeps until t=/);
  expect(stderr).toMatch(/\nwaiter +waiting +\d\.\d{3} s ago +.*worker .*waits to acquire Lock#1, held by holder/);
  expect(stderr).toMatch(/\n(├|└)── waiter worker \(.*\): waits to acquire Lock#1, held by holder/);
}, 30_000);

test("outside debug mode SIGUSR2 keeps its default: it ends the process", async () => {
  const env = { ...process.env };
  delete env.ASYNCIO_TS_DEBUG;
  const { stderr, signal } = await runUntilReady(env);
  expect(signal).toBe("SIGUSR2");
  expect(stderr).not.toMatch(/asyncio-ts: the tasks/);
}, 30_000);
