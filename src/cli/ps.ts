/**
 * `npx asyncio-ts ps PID` and `pstree PID`: the task table or tree of another Node
 * process that uses asyncio-ts, read from outside as CPython 3.14's `python -m asyncio ps
 * PID` does. A JavaScript heap cannot be read from outside, so this asks the process
 * through what Node offers: SIGUSR1 opens its inspector (127.0.0.1:9229 unless it was
 * started with another `--inspect-port`), a `Runtime.evaluate` calls the function
 * src/node/psdump.ts leaves on its global object, and a second one closes the inspector
 * again, so the process is left as it was. An inspector that was already open is used
 * as it is and left open.
 *
 * The inspector protocol runs over a WebSocket. Node 22 has a global `WebSocket`; Node 20
 * has it behind `--experimental-websocket`. So the exchange is a small script run by a
 * child Node (`process.execPath`), given the flag when this process has no `WebSocket`:
 * one code path on every Node version, no WebSocket client of our own.
 */
import { spawn } from "node:child_process";
import { readdir, readFile, readlink } from "node:fs/promises";
import { basename } from "node:path";
import process from "node:process";

/** The inspector's port when the process was not given another. */
const DEFAULT_PORT = 9229;
/** How long the inspector may take to open after SIGUSR1. */
const OPEN_TIMEOUT_MS = 3_000;
/** How long one inspector session may take (the process may be paused in a debugger). */
const SESSION_TIMEOUT_MS = 10_000;

/**
 * The child's script: connects to the WebSocket URL in argv[1], evaluates each expression
 * of the JSON array in argv[2] in turn, and prints the replies as a JSON array (null for
 * one the target did not answer because it closed the connection: closing its inspector
 * does that).
 */
const SESSION_SCRIPT = `
const [url, expressions] = [process.argv[1], JSON.parse(process.argv[2])];
const ws = new WebSocket(url);
const pending = new Map();
let closed = false;
await new Promise((resolve, reject) => {
  ws.onopen = resolve;
  ws.onerror = () => reject(new Error("cannot connect to " + url));
});
ws.onmessage = (event) => {
  const message = JSON.parse(event.data);
  pending.get(message.id)?.(message);
  pending.delete(message.id);
};
ws.onclose = () => {
  closed = true;
  for (const resolve of pending.values()) resolve(null);
};
const replies = [];
for (const [i, expression] of expressions.entries()) {
  if (closed) break;
  replies.push(await new Promise((resolve) => {
    pending.set(i + 1, resolve);
    ws.send(JSON.stringify({ id: i + 1, method: "Runtime.evaluate",
      params: { expression, returnByValue: true, includeCommandLineAPI: true } }));
  }));
}
if (!closed) ws.close();
process.stdout.write(JSON.stringify(replies));
`;

/** A `Runtime.evaluate` reply, as far as we read it. */
interface Reply {
  error?: { message: string };
  result?: { result?: { value?: unknown }; exceptionDetails?: { exception?: { description?: string }; text?: string } };
}

/** What the tables expression returns: the process it ran in, and the text (null: no asyncio-ts there). */
interface Tables {
  pid: number;
  text: string | null;
}

class PsError extends Error {
  override name = "PsError";
}

/**
 * Prints the `ps` table or the `pstree` tree of every asyncio-ts loop running in process
 * `pid` to stdout — the command `npx asyncio-ts ps PID` / `pstree PID`, CPython 3.14's
 * `python -m asyncio ps PID` / `pstree PID`.
 *
 * @returns the exit code: 0, or 1 after a message on stderr when the process does not
 * exist, is not Node, has not loaded asyncio-ts, or its inspector cannot be opened.
 */
export async function runPs(pid: number, kind: "ps" | "pstree"): Promise<number> {
  try {
    const tables = await readTables(pid, kind);
    if (tables.text === null) {
      throw new PsError(`process ${pid} has not loaded asyncio-ts (or a version without \`asyncio-ts ps\`)`);
    }
    if (tables.text === "") process.stderr.write(`asyncio-ts ${kind}: no asyncio-ts event loop is running in process ${pid}\n`);
    else process.stdout.write(tables.text.endsWith("\n") ? tables.text : `${tables.text}\n`);
    return 0;
  } catch (error) {
    if (!(error instanceof PsError)) throw error;
    process.stderr.write(`asyncio-ts ${kind}: ${error.message}\n`);
    return 1;
  }
}

async function readTables(pid: number, kind: "ps" | "pstree"): Promise<Tables> {
  if (!Number.isSafeInteger(pid) || pid <= 0) throw new PsError(`not a process id: ${pid}`);
  if (process.platform === "win32") throw new PsError("reading another process's tasks needs SIGUSR1, which Windows does not have");
  checkAlive(pid);
  await checkNode(pid);
  const tablesExpression = `(() => { const tables = globalThis[Symbol.for("asyncio-ts.ps")]; return JSON.stringify({ pid: process.pid, text: typeof tables === "function" ? tables(${JSON.stringify(kind)}) : null }); })()`;
  const closeExpression = `process.pid === ${pid} && require("node:inspector").close()`;

  // An inspector that is already open: use it, and leave it open.
  const portsBefore = await listeningPorts(pid);
  const probed = new Set<number>();
  let otherPid: number | null = null;
  // Only the default port is asked (a port the process serves may not be an inspector),
  // unless its command line or NODE_OPTIONS asks for an inspector on a port of its own.
  const before = portsBefore === null ? [DEFAULT_PORT] : (await mentionsInspect(pid)) ? portsBefore : portsBefore.filter((port) => port === DEFAULT_PORT);
  for (const port of before) {
    probed.add(port);
    const found = await ask(port, [tablesExpression]);
    if (found !== null && found.pid === pid) return found;
    if (found !== null) otherPid = found.pid;
  }

  // Open it (Node's SIGUSR1), ask, and close it again.
  process.kill(pid, "SIGUSR1");
  const deadline = Date.now() + OPEN_TIMEOUT_MS;
  while (Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 50));
    checkAlive(pid, "after SIGUSR1");
    const portsNow = await listeningPorts(pid);
    const candidates = portsNow === null ? [DEFAULT_PORT] : portsNow.filter((port) => !portsBefore!.includes(port));
    for (const port of candidates) {
      const found = await ask(port, [tablesExpression, closeExpression]);
      if (found !== null && found.pid === pid) return found;
      if (found !== null) otherPid = found.pid;
    }
  }
  // No new port: the inspector may have been open already, on a port of its own.
  for (const port of portsBefore ?? []) {
    if (probed.has(port)) continue;
    const found = await ask(port, [tablesExpression]);
    if (found !== null && found.pid === pid) return found;
  }
  throw new PsError(
    otherPid !== null
      ? `cannot open the inspector of process ${pid}: port ${DEFAULT_PORT} is taken by the inspector of process ${otherPid}`
      : `cannot open the inspector of process ${pid}: none answered within ${OPEN_TIMEOUT_MS / 1000} s of SIGUSR1 ` +
          `(was it started with --disable-sigusr1, or is port ${DEFAULT_PORT} taken?)`,
  );
}

function checkAlive(pid: number, when = ""): void {
  try {
    process.kill(pid, 0);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "ESRCH") throw new PsError(when === "" ? `no process with id ${pid}` : `process ${pid} ended ${when}`);
    if (code === "EPERM") throw new PsError(`not permitted to signal process ${pid} (it belongs to another user)`);
    throw error;
  }
}

/** SIGUSR1 ends a process that does not handle it: send it only to Node. */
async function checkNode(pid: number): Promise<void> {
  const executable = await executableOf(pid);
  if (executable === null) throw new PsError(`cannot tell whether process ${pid} is a Node process`);
  const name = basename(executable);
  if (!/^node(js)?(\d+)?(\.exe)?$/i.test(name) && name !== basename(process.execPath)) {
    throw new PsError(`process ${pid} is not a Node process (it runs ${name})`);
  }
}

async function executableOf(pid: number): Promise<string | null> {
  if (process.platform === "linux") return readlink(`/proc/${pid}/exe`).catch(() => null);
  const { stdout, code } = await run("ps", ["-o", "comm=", "-p", String(pid)], 5_000);
  return code === 0 && stdout.trim() !== "" ? stdout.trim() : null;
}

/** Whether process `pid` (Linux) was started with an `--inspect…` flag, on its command line or in NODE_OPTIONS. */
async function mentionsInspect(pid: number): Promise<boolean> {
  const cmdline = await readFile(`/proc/${pid}/cmdline`, "utf8").catch(() => "");
  const environ = await readFile(`/proc/${pid}/environ`, "utf8").catch(() => "");
  const nodeOptions = environ.split("\0").find((entry) => entry.startsWith("NODE_OPTIONS=")) ?? "";
  return /(^|\0|\s)--inspect/.test(cmdline) || nodeOptions.includes("--inspect");
}

/**
 * The TCP ports process `pid` listens on, from /proc (Linux; null elsewhere): the port its
 * inspector opens on is the one that appears after SIGUSR1, whatever `--inspect-port` says.
 */
async function listeningPorts(pid: number): Promise<number[] | null> {
  if (process.platform !== "linux") return null;
  let fds: string[];
  try {
    fds = await readdir(`/proc/${pid}/fd`);
  } catch {
    return null;
  }
  const sockets = new Set<string>();
  for (const fd of fds) {
    const link = await readlink(`/proc/${pid}/fd/${fd}`).catch(() => "");
    const match = /^socket:\[(\d+)\]$/.exec(link);
    if (match !== null) sockets.add(match[1]!);
  }
  const ports: number[] = [];
  for (const table of ["tcp", "tcp6"]) {
    const text = await readFile(`/proc/${pid}/net/${table}`, "utf8").catch(() => "");
    for (const line of text.split("\n").slice(1)) {
      // sl local_address rem_address st … inode: st 0A is LISTEN.
      const fields = line.trim().split(/\s+/);
      if (fields[3] === "0A" && sockets.has(fields[9]!)) ports.push(Number.parseInt(fields[1]!.split(":")[1]!, 16));
    }
  }
  return ports;
}

/**
 * Runs `expressions` in the Node process whose inspector listens on `port`; the first one
 * returns the tables. Null when no inspector answers there.
 */
async function ask(port: number, expressions: string[]): Promise<Tables | null> {
  const url = await webSocketUrl(port);
  if (url === null) return null;
  const flags = typeof (globalThis as { WebSocket?: unknown }).WebSocket === "function" ? [] : ["--experimental-websocket"];
  const env = { ...process.env };
  delete env.NODE_OPTIONS; // an --inspect there would open the child's own inspector
  const child = await run(process.execPath, [...flags, "--input-type=module", "-e", SESSION_SCRIPT, url, JSON.stringify(expressions)], SESSION_TIMEOUT_MS, env);
  if (child.code !== 0) {
    throw new PsError(`the inspector session on port ${port} failed: ${child.stderr.trim().split("\n").at(-1) ?? `exit code ${child.code}`}`);
  }
  const [reply] = JSON.parse(child.stdout) as (Reply | null)[];
  if (reply === undefined || reply === null) throw new PsError(`the inspector on port ${port} closed without answering`);
  if (reply.error !== undefined) throw new PsError(`the inspector on port ${port} refused: ${reply.error.message}`);
  const exception = reply.result?.exceptionDetails;
  if (exception !== undefined) {
    throw new PsError(`reading the tables failed in the process: ${exception.exception?.description ?? exception.text ?? "an exception"}`);
  }
  return JSON.parse(String(reply.result?.result?.value)) as Tables;
}

/** The WebSocket URL of the Node inspector listening on `port`, or null. */
async function webSocketUrl(port: number): Promise<string | null> {
  try {
    const response = await fetch(`http://127.0.0.1:${port}/json/list`, { signal: AbortSignal.timeout(1_000) });
    if (!response.ok) return null;
    const targets = (await response.json()) as { type?: string; webSocketDebuggerUrl?: string }[];
    const target = Array.isArray(targets) ? targets.find((t) => t.type === "node" && typeof t.webSocketDebuggerUrl === "string") : undefined;
    return target?.webSocketDebuggerUrl ?? null;
  } catch {
    return null;
  }
}

function run(
  file: string,
  args: string[],
  timeoutMs: number,
  env: NodeJS.ProcessEnv = process.env,
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(file, args, { env, stdio: ["ignore", "pipe", "pipe"], timeout: timeoutMs });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    child.on("error", (error) => resolve({ code: null, stdout, stderr: String(error) }));
    child.on("close", (code) => resolve({ code, stdout, stderr }));
  });
}
