/**
 * Child processes at the transport level (Python's `asyncio/base_subprocess.py` with
 * the POSIX parts of `unix_events.py`): `loop.subprocessExec` and `loop.subprocessShell`
 * spawn a child with `node:child_process`, connect its stdio pipes as pipe transports
 * (pipes.ts) and give a `SubprocessTransport` to a `SubprocessProtocol`.
 *
 * The order of events is asyncio's: `connectionMade`, then `pipeDataReceived` and
 * `pipeConnectionLost` per pipe and `processExited` (in the order they happen), and
 * `connectionLost` last, once the process has exited and every pipe is closed. That is
 * also when a pending `wait` returns.
 *
 * POSIX only (as asyncio's subprocess support outside the Proactor loop): shells are
 * `/bin/sh -c`, and `stderr: STDOUT` with `stdout: PIPE` is done by the shell (`2>&1`)
 * because Node cannot hand one pipe to two of the child's descriptors.
 *
 * One difference from asyncio: a child that closes its stdin while it keeps running is
 * noticed at the next write to it (BrokenPipeError) or when it exits, not at once
 * (asyncio watches the pipe's write end for that; Node offers no way to).
 */
import { type ChildProcess, spawn } from "node:child_process";
import { accessSync, constants as fsConstants, statSync } from "node:fs";
import { constants as osConstants } from "node:os";
import { delimiter, join, resolve } from "node:path";
import type { Readable, Writable } from "node:stream";
import { fileURLToPath } from "node:url";
import { type Coroutine } from "../core/coroutines";
import { EventLoop, _addLoopHooks } from "../core/events";
import { type Future, wrapPromise } from "../core/futures";
import { describe } from "../core/repr";
import { FileNotFoundError, NotADirectoryError, OSError, PermissionError, ProcessLookupError } from "./oserrors";
import type { ExtraInfoOr, SubprocessExtraInfo } from "./extrainfo";
import { post, ReadPipeTransport, WritePipeTransport } from "./pipes";
import { Protocol, SubprocessProtocol, type SubprocessProtocolLike, _completeProtocol } from "./protocols";

/** Connect the stream to a new pipe (Python's `subprocess.PIPE`). */
export const PIPE = -1;
/** For `stderr`: send it where `stdout` goes (Python's `subprocess.STDOUT`). */
export const STDOUT = -2;
/** Connect the stream to `/dev/null` (Python's `subprocess.DEVNULL`). */
export const DEVNULL = -3;

/**
 * Where a child's stdin, stdout or stderr goes: `PIPE`, `DEVNULL`, `STDOUT` (stderr
 * only), a file descriptor of this process (a non-negative integer), or
 * `null`/`undefined` to inherit this process's own.
 */
export type StdioTarget = number | null | undefined;

/** Options of `loop.subprocessExec` and `loop.subprocessShell` (Python's keyword arguments). */
export interface SubprocessTransportOptions {
  /** The child's stdin; default `PIPE` (`createSubprocessExec` defaults to inheriting). */
  stdin?: StdioTarget;
  /** The child's stdout; default `PIPE`. */
  stdout?: StdioTarget;
  /** The child's stderr; default `PIPE`; `STDOUT` merges it into stdout. */
  stderr?: StdioTarget;
  /** The working directory of the child. */
  cwd?: string | URL;
  /** The child's whole environment (not added to this process's); default: this process's. */
  env?: Record<string, string>;
}

// ---- errors ----

// Python's OSError subclass and strerror text for the errors spawning can meet.
const SPAWN_ERRORS: Record<string, [new (message: string, errno?: number, code?: string, options?: { cause?: unknown }) => OSError, string]> = {
  ENOENT: [FileNotFoundError, "No such file or directory"],
  EACCES: [PermissionError, "Permission denied"],
  EPERM: [PermissionError, "Operation not permitted"],
  ENOTDIR: [NotADirectoryError, "Not a directory"],
  ENOEXEC: [OSError, "Exec format error"],
  E2BIG: [OSError, "Argument list too long"],
  EMFILE: [OSError, "Too many open files"],
  ENFILE: [OSError, "Too many open files in system"],
  ENOMEM: [OSError, "Cannot allocate memory"],
  EAGAIN: [OSError, "Resource temporarily unavailable"],
};

/**
 * The error Python's `subprocess.Popen` raises for `code` about `filename`, e.g.
 * `FileNotFoundError: [Errno 2] No such file or directory: 'prog'`; `filename` is kept
 * as `filename` and `path`.
 */
function spawnError(code: string, filename: string, cause?: unknown): OSError {
  const errno = (osConstants.errno as Record<string, number>)[code];
  const [ErrorClass, text] = SPAWN_ERRORS[code] ?? [OSError, (cause as Error)?.message ?? code];
  const error = new ErrorClass(`[Errno ${errno ?? "?"}] ${text}: ${pyRepr(filename)}`, errno, code, cause === undefined ? undefined : { cause });
  Object.assign(error, { filename, path: filename, syscall: "spawn" });
  return error;
}

function pyRepr(text: string): string {
  if (text.includes("'") && !text.includes('"')) return `"${text}"`;
  return `'${text.replaceAll("\\", "\\\\").replaceAll("'", "\\'")}'`;
}

// ---- the transport ----

/**
 * The pipe protocol between one pipe transport and the subprocess transport (Python's
 * `ReadSubprocessPipeProto` / `WriteSubprocessPipeProto`): it tells the subprocess
 * transport about data and loss on pipe `fd`.
 */
class SubprocessPipeProto extends Protocol {
  proc: SubprocessTransport | null;
  readonly fd: number;
  pipe: ReadPipeTransport | WritePipeTransport | null;
  disconnected: boolean;

  constructor(proc: SubprocessTransport, fd: number) {
    super();
    this.proc = proc;
    this.fd = fd;
    this.pipe = null;
    this.disconnected = false;
  }

  override connectionLost(exc: Error | undefined): void {
    this.disconnected = true;
    this.proc!._pipeConnectionLost(this.fd, exc);
    this.proc = null;
  }

  override pauseWriting(): void {
    this.proc!._protocol?.pauseWriting();
  }

  override resumeWriting(): void {
    this.proc!._protocol?.resumeWriting();
  }

  override dataReceived(data: Uint8Array): void {
    this.proc!._pipeDataReceived(this.fd, data);
  }
}

type PendingCall = [fn: (...args: never[]) => void, args: unknown[]];

/**
 * A child process as a transport (Python's `asyncio.SubprocessTransport`, as
 * `BaseSubprocessTransport` implements it).
 */
export class SubprocessTransport {
  /** @internal */ _loop: EventLoop;
  /** @internal */ _protocol: SubprocessProtocol | null;
  /** @internal Null once the transport finished (Python clears `_proc` then). */
  _child: ChildProcess | null;
  /** @internal */ _pid: number;
  /** @internal */ _returncode: number | undefined;
  /** @internal */ _exitWaiters: Future<number>[] | null;
  /** @internal Calls held back until `connectionMade` has been scheduled. */
  _pendingCalls: PendingCall[] | null;
  /** @internal */ _pipes: Map<number, SubprocessPipeProto>;
  /** @internal */ _finished: boolean;
  /** @internal */ _closed: boolean;
  /** @internal */ _extra: Record<string, unknown>;

  /** @internal */
  constructor(loop: EventLoop, protocol: SubprocessProtocolLike, child: ChildProcess) {
    this._loop = loop;
    this._protocol = _completeProtocol(protocol, SubprocessProtocol) as SubprocessProtocol;
    this._child = child;
    this._pid = child.pid!;
    this._returncode = undefined;
    this._exitWaiters = [];
    this._pendingCalls = [];
    this._pipes = new Map();
    this._finished = false;
    this._closed = false;
    this._extra = { subprocess: child };
    let live = liveTransports.get(loop);
    if (live === undefined) liveTransports.set(loop, (live = new Set()));
    live.add(this);
    child.on("exit", (code: number | null, signal: NodeJS.Signals | null) => {
      // As Python: the exit status, or minus the number of the signal that killed it.
      const returncode = code ?? -((osConstants.signals as Record<string, number>)[signal!] ?? 0);
      post(loop, this._processExited, returncode);
    });
    // Failing to signal a child that is gone is not an error for asyncio (see sendSignal).
    child.on("error", () => {});
    const stdio: [number, Readable | Writable | null][] = [
      [0, child.stdin],
      [1, child.stdout],
      [2, child.stderr],
    ];
    for (const [fd, stream] of stdio) {
      if (stream === null) continue;
      const proto = new SubprocessPipeProto(this, fd);
      proto.pipe = fd === 0 ? new WritePipeTransport(loop, stream as Writable, proto) : new ReadPipeTransport(loop, stream as Readable, proto);
      this._pipes.set(fd, proto);
    }
  }

  /** @internal Python's `_connect_pipes`: `connectionMade`, then what happened meanwhile. */
  _connect(waiter: Future<void>): void {
    const loop = this._loop;
    post(loop, () => {
      loop._callSoon(this._protocol!.connectionMade.bind(this._protocol), [this], null);
      for (const [fn, args] of this._pendingCalls!) loop._callSoon(fn as (...a: unknown[]) => void, args, null);
      this._pendingCalls = null;
      if (!waiter.done()) waiter.setResult(undefined);
    });
  }

  /** Information about the transport: `subprocess` is the Node `ChildProcess` (Python's `get_extra_info`). */
  getExtraInfo<K extends keyof SubprocessExtraInfo>(name: K): SubprocessExtraInfo[K];
  getExtraInfo<K extends keyof SubprocessExtraInfo, D>(name: K, defaultValue: D): ExtraInfoOr<SubprocessExtraInfo, K, D>;
  getExtraInfo(name: string, defaultValue?: unknown): unknown;
  getExtraInfo(name: string, defaultValue?: unknown): unknown {
    return name in this._extra ? this._extra[name] : defaultValue;
  }

  /** The protocol (null once the transport finished). */
  getProtocol(): SubprocessProtocol {
    return this._protocol!;
  }

  /** Makes `protocol` receive the callbacks from now on. */
  setProtocol(protocol: SubprocessProtocolLike): void {
    this._protocol = _completeProtocol(protocol, SubprocessProtocol) as SubprocessProtocol;
  }

  /** True once `close()` was called. */
  isClosing(): boolean {
    return this._closed;
  }

  /** The child's process id (Python's `get_pid`). */
  getPid(): number {
    return this._pid;
  }

  /**
   * The exit status: `undefined` while the child runs (Python's None), minus the
   * signal number if a signal ended it (Python's `get_returncode`).
   */
  getReturncode(): number | undefined {
    return this._returncode;
  }

  /**
   * The pipe transport of the child's `fd` (0: stdin, 1: stdout, 2: stderr), or
   * `undefined` when that stream is not a pipe (Python's `get_pipe_transport`).
   */
  getPipeTransport(fd: 0): WritePipeTransport | undefined;
  getPipeTransport(fd: 1 | 2): ReadPipeTransport | undefined;
  getPipeTransport(fd: number): ReadPipeTransport | WritePipeTransport | undefined;
  getPipeTransport(fd: number): ReadPipeTransport | WritePipeTransport | undefined {
    return this._pipes.get(fd)?.pipe ?? undefined;
  }

  /**
   * Sends signal `sig` (a number or a name like `'SIGINT'`) to the child (Python's
   * `send_signal`). A no-op once the child is known to have exited, as
   * `subprocess.Popen.send_signal`.
   *
   * @throws ProcessLookupError once the transport has finished (the child exited and
   * its pipes closed: `wait()` has returned), as asyncio does; TypeError for a signal
   * that is neither a number nor a name; OSError (EINVAL) for an unknown one.
   */
  sendSignal(sig: number | NodeJS.Signals): void {
    const child = this._checkProc();
    if (typeof sig !== "number" && typeof sig !== "string") {
      throw new TypeError(`sendSignal() needs a signal number or name like 'SIGTERM', got ${describe(sig)}`);
    }
    if (typeof sig === "string" && !(sig in osConstants.signals)) {
      throw new OSError(`[Errno ${osConstants.errno.EINVAL}] Invalid argument: unknown signal ${describe(sig)}`, osConstants.errno.EINVAL, "EINVAL");
    }
    // Popen polls first: a child already known to be dead is not signalled (its pid
    // may belong to another process by now).
    if (this._returncode !== undefined || child.exitCode !== null || child.signalCode !== null) return;
    try {
      process.kill(this._pid, sig);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === "ESRCH") return; // it died meanwhile, as Popen ignores
      if (code === "EINVAL" || code === "ERR_UNKNOWN_SIGNAL") {
        throw new OSError(`[Errno ${osConstants.errno.EINVAL}] Invalid argument: signal ${describe(sig)}`, osConstants.errno.EINVAL, "EINVAL", { cause: error });
      }
      throw error;
    }
  }

  /** Sends SIGTERM (Python's `terminate`). @throws ProcessLookupError as `sendSignal`. */
  terminate(): void {
    this.sendSignal("SIGTERM");
  }

  /** Sends SIGKILL (Python's `kill`). @throws ProcessLookupError as `sendSignal`. */
  kill(): void {
    this.sendSignal("SIGKILL");
  }

  /**
   * Closes the pipes and kills the child if it still runs (Python's `close`).
   * Closing twice is a no-op.
   */
  close(): void {
    if (this._closed) return;
    this._closed = true;
    for (const proto of this._pipes.values()) proto.pipe?.close();
    const child = this._child;
    if (child !== null && this._returncode === undefined && child.exitCode === null && child.signalCode === null) {
      try {
        child.kill("SIGKILL");
      } catch {
        // Gone already: nothing to kill.
      }
    }
  }

  toString(): string {
    const info = ["SubprocessTransport"];
    if (this._closed) info.push("closed");
    info.push(`pid=${this._pid}`);
    info.push(this._returncode !== undefined ? `returncode=${this._returncode}` : "running");
    return `<${info.join(" ")}>`;
  }

  /**
   * @internal Python's `_wait`: the return code, at once if the child already
   * exited, else once the transport finished (exit and every pipe closed).
   */
  *_wait(): Coroutine<number> {
    if (this._returncode !== undefined) return this._returncode;
    const waiter = this._loop.createFuture<number>();
    this._exitWaiters!.push(waiter);
    // The exit is host I/O that may take real time: a VirtualClock must not jump
    // past it while someone waits for it.
    const loop = this._loop;
    loop._hostPending++;
    try {
      return yield* waiter;
    } finally {
      loop._hostPending--;
    }
  }

  /** @internal */
  _checkProc(): ChildProcess {
    if (this._child === null) {
      throw new ProcessLookupError(
        `[Errno ${osConstants.errno.ESRCH}] No such process: the child exited and wait() has returned; there is nothing left to signal`,
        osConstants.errno.ESRCH,
        "ESRCH",
      );
    }
    return this._child;
  }

  /** @internal */
  _call(fn: (...args: never[]) => void, ...args: unknown[]): void {
    if (this._pendingCalls !== null) this._pendingCalls.push([fn, args]);
    else this._loop._callSoon(fn as (...a: unknown[]) => void, args, null);
  }

  /** @internal */
  _pipeConnectionLost(fd: number, exc: Error | undefined): void {
    const protocol = this._protocol!;
    this._call(protocol.pipeConnectionLost.bind(protocol), fd, exc);
    this._tryFinish();
  }

  /** @internal */
  _pipeDataReceived(fd: number, data: Uint8Array): void {
    const protocol = this._protocol!;
    this._call(protocol.pipeDataReceived.bind(protocol), fd, data);
  }

  /** @internal */
  _processExited = (returncode: number): void => {
    if (this._returncode !== undefined) return;
    if (this._loop.getDebug()) console.info(`${this} exited with return code ${returncode}`);
    this._returncode = returncode;
    const protocol = this._protocol!;
    this._call(protocol.processExited.bind(protocol));
    this._tryFinish();
  };

  private _tryFinish(): void {
    if (this._finished || this._returncode === undefined) return;
    for (const proto of this._pipes.values()) if (!proto.disconnected) return;
    this._finished = true;
    this._call(this._callConnectionLost, undefined);
  }

  private _callConnectionLost = (exc: Error | undefined): void => {
    try {
      this._protocol!.connectionLost(exc);
    } finally {
      // Wake up the wait()s; from now on the child is gone for sendSignal.
      for (const waiter of this._exitWaiters!) if (!waiter.cancelled()) waiter.setResult(this._returncode!);
      this._exitWaiters = null;
      this._child = null;
      this._protocol = null;
      liveTransports.get(this._loop)?.delete(this);
    }
  };
}

// Transports whose child has not finished, per loop. Closing the loop closes them (so
// their children are killed), as the garbage collector does in Python (a transport's
// __del__ closes it): a program that did not wait for a child ends instead of
// waiting for the child.
const liveTransports = new WeakMap<EventLoop, Set<SubprocessTransport>>();

_addLoopHooks({
  closed(loop: EventLoop): void {
    const live = liveTransports.get(loop);
    if (live === undefined) return;
    liveTransports.delete(loop);
    for (const transport of live) transport.close();
  },
});

// ---- spawning ----

/** @internal What `spawnSubprocess` was asked to run. */
interface SpawnRequest {
  method: string;
  /** The program and its arguments, or for a shell the command line. */
  argv: string[];
  shell: boolean;
  options: SubprocessTransportOptions;
}

function checkStdio(value: unknown, name: "stdin" | "stdout" | "stderr", method: string): StdioTarget {
  if (value === undefined || value === null) return value;
  if (value === PIPE || value === DEVNULL) return value;
  if (value === STDOUT) {
    if (name === "stderr") return value;
    throw new RangeError(`${method}(): ${name}=STDOUT is not valid: only stderr can be sent to stdout`);
  }
  if (typeof value === "number" && Number.isInteger(value) && value >= 0) return value;
  throw new TypeError(
    `${method}(): ${name} must be PIPE, DEVNULL${name === "stderr" ? ", STDOUT" : ""}, a file descriptor (an integer >= 0) or null/undefined to inherit, got ${describe(value)}`,
  );
}

function nodeStdio(value: StdioTarget): "pipe" | "ignore" | "inherit" | number {
  if (value === PIPE) return "pipe";
  if (value === DEVNULL) return "ignore";
  if (value === undefined || value === null) return "inherit";
  return value;
}

/**
 * Python's search for a program along PATH (`os.get_exec_path` and execvpe): null if
 * it can be run, else the error code (EACCES if some candidate was not executable).
 */
function findProgram(program: string, cwd: string, env: Record<string, string | undefined>): string | null {
  const candidates = program.includes("/")
    ? [resolve(cwd, program)]
    : (env.PATH ?? "/bin:/usr/bin").split(delimiter).map((dir) => join(resolve(cwd, dir || "."), program));
  let failure = "ENOENT";
  for (const candidate of candidates) {
    try {
      const stats = statSync(candidate);
      if (stats.isDirectory()) {
        failure = "EACCES";
        continue;
      }
      accessSync(candidate, fsConstants.X_OK);
      return null;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === "EACCES") failure = "EACCES";
    }
  }
  return failure;
}

const TRANSPORT_OPTIONS = new Set(["stdin", "stdout", "stderr", "cwd", "env"]);

/** @internal Spawns the child for `loop.subprocessExec/Shell`; throws what Popen raises. */
function* spawnSubprocess(loop: EventLoop, protocol: SubprocessProtocolLike, request: SpawnRequest): Coroutine<SubprocessTransport> {
  const { method, argv, shell, options } = request;
  for (const key of Object.keys(options)) {
    if (!TRANSPORT_OPTIONS.has(key)) throw new TypeError(`${method}() got an unexpected option ${describe(key)} (expected stdin, stdout, stderr, cwd or env)`);
  }
  const stdin = checkStdio(options.stdin, "stdin", method);
  const stdout = checkStdio(options.stdout, "stdout", method);
  const stderr = checkStdio(options.stderr, "stderr", method);
  let cwd: string | undefined;
  if (options.cwd !== undefined && options.cwd !== null) {
    if (options.cwd instanceof URL) cwd = fileURLToPath(options.cwd);
    else if (typeof options.cwd === "string") cwd = options.cwd;
    else throw new TypeError(`${method}(): cwd must be a string or a file: URL, got ${describe(options.cwd)}`);
  }
  let env: Record<string, string> | undefined;
  if (options.env !== undefined && options.env !== null) {
    if (typeof options.env !== "object") throw new TypeError(`${method}(): env must be an object of strings, got ${describe(options.env)}`);
    env = {};
    for (const [key, value] of Object.entries(options.env)) {
      if (typeof value !== "string") throw new TypeError(`${method}(): env[${describe(key)}] must be a string, got ${describe(value)}`);
      env[key] = value;
    }
  }
  for (const text of [...argv, ...Object.entries(env ?? {}).flat(), cwd ?? ""]) {
    if (text.includes("\0")) throw new RangeError(`${method}(): embedded null byte in ${describe(text)}`);
  }
  // Popen changes directory first and reports a missing one by its own name.
  if (cwd !== undefined) {
    let isDirectory: boolean;
    try {
      isDirectory = statSync(cwd).isDirectory();
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code ?? "ENOENT";
      throw spawnError(code, cwd, error);
    }
    if (!isDirectory) throw spawnError("ENOTDIR", cwd);
  }

  let file: string;
  let args: string[];
  const merge = stderr === STDOUT && stdout === PIPE;
  if (shell) {
    file = "/bin/sh";
    args = ["-c", merge ? `exec 2>&1\n${argv[0]!}` : argv[0]!];
  } else {
    const program = argv[0]!;
    const failure = program === "" ? "ENOENT" : merge ? findProgram(program, cwd ?? process.cwd(), env ?? process.env) : null;
    if (failure !== null) throw spawnError(failure, program);
    if (merge) {
      // One pipe for both: the shell points its stderr at its stdout and becomes the
      // program (exec), so the pid is the program's.
      file = "/bin/sh";
      args = ["-c", 'exec 2>&1; exec "$0" "$@"', ...argv];
    } else {
      file = program;
      args = argv.slice(1);
    }
  }
  const stdoutTarget = nodeStdio(stdout);
  const stdio = [nodeStdio(stdin), stdoutTarget, stderr === STDOUT ? (merge ? "inherit" : stdoutTarget === "inherit" ? 1 : stdoutTarget) : nodeStdio(stderr)];

  let child: ChildProcess;
  try {
    child = spawn(file, args, { stdio: stdio as ("pipe" | "ignore" | "inherit" | number)[], cwd, env, windowsHide: true });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (typeof code === "string" && (osConstants.errno as Record<string, number>)[code] !== undefined) throw spawnError(code, argv[0]!, error);
    throw error;
  }
  if (child.pid === undefined) {
    // Node reports a failed exec (ENOENT, EACCES, …) on the next tick.
    const failed = wrapPromise(new Promise<unknown>((resolveError) => child.once("error", resolveError)), loop);
    for (const stream of [child.stdin, child.stdout, child.stderr]) stream?.destroy();
    const error = yield* failed;
    const code = (error as NodeJS.ErrnoException).code ?? "ENOENT";
    throw spawnError(code, shell ? file : argv[0]!, error);
  }
  const transport = new SubprocessTransport(loop, protocol, child);
  const waiter = loop.createFuture<void>();
  transport._connect(waiter);
  try {
    yield* waiter;
  } catch (error) {
    // Cancelled while connecting: as asyncio, do not leave the child running.
    transport.close();
    yield* transport._wait();
    throw error;
  }
  if (loop.getDebug()) console.debug(`${method}: ${transport}`);
  return transport;
}

function splitOptions<O>(rest: unknown[]): [args: unknown[], options: O | undefined] {
  const last = rest[rest.length - 1];
  if (rest.length > 0 && typeof last === "object" && last !== null && !Array.isArray(last) && !(last instanceof Uint8Array)) {
    return [rest.slice(0, -1), last as O];
  }
  return [rest, undefined];
}

/** @internal Checks the program and arguments of an exec; what Popen accepts is strings. */
export function _execArgv(method: string, program: unknown, args: unknown[]): string[] {
  const argv = [program, ...args];
  argv.forEach((value, i) => {
    if (typeof value !== "string") {
      const what = i === 0 ? "the program" : `argument ${i}`;
      throw new TypeError(`${method}(): ${what} must be a string, got ${describe(value)}`);
    }
  });
  return argv as string[];
}

/** @internal Checks the command of a shell. */
export function _shellArgv(method: string, cmd: unknown): string[] {
  // Python: ValueError("cmd must be a string").
  if (typeof cmd !== "string") throw new TypeError(`${method}(): cmd must be a string, got ${describe(cmd)}`);
  return [cmd];
}

/** @internal */
export { splitOptions as _splitOptions };

/** @internal Shared by the loop methods and createSubprocessExec/Shell. */
export function* _subprocess<P extends SubprocessProtocolLike>(
  loop: EventLoop,
  method: string,
  protocolFactory: () => P,
  argv: string[],
  shell: boolean,
  options: SubprocessTransportOptions,
): Coroutine<[SubprocessTransport, P]> {
  if (typeof protocolFactory !== "function") {
    throw new TypeError(`${method}(): protocolFactory must be a function returning a SubprocessProtocol, got ${describe(protocolFactory)}`);
  }
  const protocol = protocolFactory();
  const transport = yield* spawnSubprocess(loop, protocol, { method, argv, shell, options });
  return [transport, protocol];
}

// ---- loop methods ----

/** The subprocess methods Node adds to `EventLoop` (Python's `loop.subprocess_exec` and `subprocess_shell`). */
export interface SubprocessLoopMethods {
  /**
   * Runs `program` with `args` in a child process and connects it to a protocol from
   * `protocolFactory` (Python's `loop.subprocess_exec`); stdin, stdout and stderr
   * default to `PIPE`. The final argument may be the options.
   *
   * @throws TypeError for an argument that is not a string; FileNotFoundError,
   * PermissionError, … when the program cannot be run (as Python).
   */
  subprocessExec<P extends SubprocessProtocolLike>(
    protocolFactory: () => P,
    program: string,
    ...args: [...args: string[], options: SubprocessTransportOptions] | string[]
  ): Coroutine<[SubprocessTransport, P]>;
  /**
   * Runs `cmd` with `/bin/sh -c` and connects it to a protocol from `protocolFactory`
   * (Python's `loop.subprocess_shell`); stdin, stdout and stderr default to `PIPE`.
   *
   * @throws TypeError if `cmd` is not a string.
   */
  subprocessShell<P extends SubprocessProtocolLike>(protocolFactory: () => P, cmd: string, options?: SubprocessTransportOptions): Coroutine<[SubprocessTransport, P]>;
}

const PIPES: SubprocessTransportOptions = { stdin: PIPE, stdout: PIPE, stderr: PIPE };

function withPipeDefaults(options: SubprocessTransportOptions | undefined): SubprocessTransportOptions {
  if (options === undefined) return PIPES;
  return { ...options, stdin: "stdin" in options ? options.stdin : PIPE, stdout: "stdout" in options ? options.stdout : PIPE, stderr: "stderr" in options ? options.stderr : PIPE };
}

const loopMethods: SubprocessLoopMethods & ThisType<EventLoop> = {
  *subprocessExec<P extends SubprocessProtocolLike>(this: EventLoop, protocolFactory: () => P, program: string, ...rest: unknown[]) {
    const [args, options] = splitOptions<SubprocessTransportOptions>(rest);
    const argv = _execArgv("subprocessExec", program, args);
    return yield* _subprocess(this, "subprocessExec", protocolFactory, argv, false, withPipeDefaults(options));
  },
  *subprocessShell<P extends SubprocessProtocolLike>(this: EventLoop, protocolFactory: () => P, cmd: string, options?: SubprocessTransportOptions) {
    const argv = _shellArgv("subprocessShell", cmd);
    return yield* _subprocess(this, "subprocessShell", protocolFactory, argv, true, withPipeDefaults(options));
  },
};

Object.assign(EventLoop.prototype, loopMethods);
