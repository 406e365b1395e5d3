/**
 * Subprocesses with streams (Python's `asyncio/subprocess.py`): `createSubprocessExec`
 * and `createSubprocessShell` give a `Process` whose `stdin` is a StreamWriter and
 * whose `stdout` and `stderr` are StreamReaders, over the transport of
 * basesubprocess.ts.
 *
 * Errors, as Python raises them (classes of oserrors.ts and basesubprocess.ts, each
 * with Node's `code`): a program that cannot be found is a `FileNotFoundError`
 * (`code` 'ENOENT', message `[Errno 2] No such file or directory: 'prog'`, `filename`
 * the program), one that is not executable a `PermissionError` ('EACCES'); a missing
 * `cwd` a `FileNotFoundError` naming the directory; an argument that is not a string
 * a `TypeError` naming it; signalling a process that was waited for a
 * `ProcessLookupError` ('ESRCH').
 *
 * The Node entry exports this module as `asyncio.subprocess` (Python's
 * `asyncio.subprocess`: `asyncio.subprocess.PIPE`, `.Process`, …) and its two
 * functions at the root as well.
 */
import type { Coroutine } from "../core/coroutines";
import { type EventLoop, getRunningLoop } from "../core/events";
import { Future } from "../core/futures";
import { describe } from "../core/repr";
import { gather } from "../core/waiting";
import {
  type SubprocessTransport,
  type SubprocessTransportOptions,
  _execArgv,
  _shellArgv,
  _splitOptions,
  _subprocess,
} from "./basesubprocess";
import { isBrokenPipe } from "./pipes";
import type { BaseTransport } from "./protocols";
import type { WritePipeExtraInfo } from "./extrainfo";
import { DEFAULT_LIMIT, FlowControlMixin, StreamReader, StreamWriter, toBytes } from "../core/streams";

/** Options of `createSubprocessExec` and `createSubprocessShell` (Python's keyword arguments). */
export interface SubprocessOptions extends SubprocessTransportOptions {
  /** The `limit` of the stdout and stderr StreamReaders; default 64 KiB. */
  limit?: number;
}

export { PIPE, STDOUT, DEVNULL, type StdioTarget } from "./basesubprocess";

const OPTION_NAMES = new Set(["stdin", "stdout", "stderr", "cwd", "env", "limit"]);

/**
 * The protocol between a subprocess transport and the streams of a Process (Python's
 * `asyncio.subprocess.SubprocessStreamProtocol`): it feeds stdout and stderr to their
 * StreamReaders and gives stdin's StreamWriter its flow control.
 */
export class SubprocessStreamProtocol extends FlowControlMixin {
  /** The child's stdin, once connected; null when it is not a pipe. */
  stdin: StreamWriter<WritePipeExtraInfo> | null;
  /** The child's stdout, once connected; null when it is not a pipe. */
  stdout: StreamReader | null;
  /** The child's stderr, once connected; null when it is not a pipe. */
  stderr: StreamReader | null;
  /** @internal */ _limit: number;
  /** @internal */ _transport: SubprocessTransport | null;
  /** @internal */ _processExited: boolean;
  /** @internal */ _pipeFds: number[];
  /** @internal */ _stdinClosed: Future<undefined>;

  constructor(limit: number, loop: EventLoop) {
    super(loop);
    this._limit = limit;
    this.stdin = null;
    this.stdout = null;
    this.stderr = null;
    this._transport = null;
    this._processExited = false;
    this._pipeFds = [];
    this._stdinClosed = new Future<undefined>(loop);
  }

  override connectionMade(transport: BaseTransport | SubprocessTransport): void {
    const proc = transport as SubprocessTransport;
    this._transport = proc;
    const stdoutTransport = proc.getPipeTransport(1);
    if (stdoutTransport !== undefined) {
      this.stdout = new StreamReader(this._limit, this._loop);
      this.stdout.setTransport(stdoutTransport);
      this._pipeFds.push(1);
    }
    const stderrTransport = proc.getPipeTransport(2);
    if (stderrTransport !== undefined) {
      this.stderr = new StreamReader(this._limit, this._loop);
      this.stderr.setTransport(stderrTransport);
      this._pipeFds.push(2);
    }
    const stdinTransport = proc.getPipeTransport(0);
    if (stdinTransport !== undefined) this.stdin = new StreamWriter<WritePipeExtraInfo>(stdinTransport, this, null, this._loop);
  }

  /** Feeds what the child wrote to the StreamReader of `fd`. */
  pipeDataReceived(fd: number, data: Uint8Array): void {
    const reader = fd === 1 ? this.stdout : fd === 2 ? this.stderr : null;
    reader?.feedData(data);
  }

  /** Pipe `fd` closed: end of file (or the error) for its reader; stdin's writer closes. */
  pipeConnectionLost(fd: number, exc: Error | undefined): void {
    if (fd === 0) {
      this.stdin?.close();
      this.connectionLost(exc);
      if (this._stdinClosed.done()) return;
      if (exc === undefined) {
        this._stdinClosed.setResult(undefined);
      } else {
        this._stdinClosed.setException(exc);
        // Nobody has to wait for stdin to close: do not report the error unseen.
        this._stdinClosed._markRetrieved();
      }
      return;
    }
    const reader = fd === 1 ? this.stdout : fd === 2 ? this.stderr : null;
    if (reader !== null) {
      if (exc === undefined) reader.feedEof();
      else reader.setException(exc);
    }
    const i = this._pipeFds.indexOf(fd);
    if (i !== -1) this._pipeFds.splice(i, 1);
    this._maybeCloseTransport();
  }

  /** The child exited. */
  processExited(): void {
    this._processExited = true;
    this._maybeCloseTransport();
  }

  /** @internal */
  override _getCloseWaiter(stream: StreamWriter): Future<undefined> {
    if (stream === this.stdin) return this._stdinClosed;
    return super._getCloseWaiter(stream);
  }

  private _maybeCloseTransport(): void {
    if (this._pipeFds.length === 0 && this._processExited && this._transport !== null) {
      this._transport.close();
      this._transport = null;
    }
  }
}

const EMPTY = new Uint8Array(0);

function concat(chunks: Uint8Array[]): Uint8Array {
  if (chunks.length === 1) return chunks[0]!;
  let total = 0;
  for (const chunk of chunks) total += chunk.length;
  const out = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    out.set(chunk, offset);
    offset += chunk.length;
  }
  return out;
}

function* noop(): Coroutine<undefined> {
  return undefined;
}

/**
 * A child process started by `createSubprocessExec` or `createSubprocessShell`
 * (Python's `asyncio.subprocess.Process`).
 */
export class Process {
  /** Writes to the child's stdin; null unless it was started with `stdin: PIPE`. */
  readonly stdin: StreamWriter<WritePipeExtraInfo> | null;
  /** Reads the child's stdout; null unless it was started with `stdout: PIPE`. */
  readonly stdout: StreamReader | null;
  /** Reads the child's stderr; null unless it was started with `stderr: PIPE`. */
  readonly stderr: StreamReader | null;
  /** The child's process id. */
  readonly pid: number;
  /** @internal */ _transport: SubprocessTransport;
  /** @internal */ _protocol: SubprocessStreamProtocol;
  /** @internal */ _loop: EventLoop;
  /** @internal What `communicate` has read so far, kept across a cancelled call. */
  _output: Map<number, Uint8Array[]>;
  /** @internal True once `communicate` wrote its input. */
  _inputSent: boolean;

  /** @internal */
  constructor(transport: SubprocessTransport, protocol: SubprocessStreamProtocol, loop: EventLoop) {
    this._transport = transport;
    this._protocol = protocol;
    this._loop = loop;
    this.stdin = protocol.stdin;
    this.stdout = protocol.stdout;
    this.stderr = protocol.stderr;
    this.pid = transport.getPid();
    this._output = new Map();
    this._inputSent = false;
  }

  /**
   * The exit status: `undefined` while the child runs (Python's None); minus the
   * signal number when a signal ended it (`-9` after `kill()`).
   */
  get returncode(): number | undefined {
    return this._transport.getReturncode();
  }

  /**
   * Waits for the child to exit and gives its return code (Python's `wait`). As in
   * Python, it can deadlock when the child fills a stdout or stderr pipe that nobody
   * reads: read them meanwhile or use `communicate`. Cancelling it leaves the child
   * running and the Process usable.
   */
  *wait(): Coroutine<number> {
    return yield* this._transport._wait();
  }

  /**
   * Sends signal `sig` (a number or a name like `'SIGINT'`) (Python's `send_signal`);
   * a no-op once the child is known to have exited.
   *
   * @throws ProcessLookupError after `wait()` returned, as Python.
   */
  sendSignal(sig: number | NodeJS.Signals): void {
    this._transport.sendSignal(sig);
  }

  /** Sends SIGTERM (Python's `terminate`). @throws ProcessLookupError as `sendSignal`. */
  terminate(): void {
    this._transport.terminate();
  }

  /** Sends SIGKILL (Python's `kill`). @throws ProcessLookupError as `sendSignal`. */
  kill(): void {
    this._transport.kill();
  }

  /**
   * Writes `input` (bytes, or a string as UTF-8) to stdin and closes it, reads stdout
   * and stderr to their end at the same time, waits for the child to exit, and gives
   * `[stdout, stderr]`: each a Uint8Array, or `undefined` for a stream that is not a
   * pipe (Python's `communicate`). A child that exits without reading its input is
   * fine (BrokenPipeError and ConnectionResetError are ignored, as in Python).
   *
   * Cancelling it returns at once and leaves the child running; what was read so far
   * is kept, and the next `communicate()` gives it along with the rest.
   *
   * @throws TypeError if `input` is neither bytes nor a string; RangeError if input is
   * given again after a cancelled call already sent its input.
   */
  *communicate(input?: Uint8Array | string | null): Coroutine<[stdout: Uint8Array | undefined, stderr: Uint8Array | undefined]> {
    const data = input === undefined || input === null ? undefined : toBytes(input, "communicate() input");
    if (data !== undefined && this._inputSent && this.stdin !== null && !this.stdin.isClosing()) {
      throw new RangeError("Cannot send input after starting communication");
    }
    const stdin = this.stdin !== null ? this._feedStdin(data) : noop();
    const stdout = this.stdout !== null ? this._readStream(1) : noop();
    const stderr = this.stderr !== null ? this._readStream(2) : noop();
    yield* gather(stdin, stdout, stderr);
    yield* this.wait();
    return [this._takeOutput(1), this._takeOutput(2)];
  }

  toString(): string {
    return `<Process ${this.pid}>`;
  }

  private *_feedStdin(input: Uint8Array | undefined): Coroutine<void> {
    const stdin = this.stdin!;
    try {
      // A closed stdin drops the input, as asyncio's pipe transport does.
      if (input !== undefined && !stdin.isClosing()) {
        stdin.write(input);
        this._inputSent = true;
        if (this._loop.getDebug()) console.debug(`${this} communicate: feed stdin (${input.length} bytes)`);
      }
      yield* stdin.drain();
    } catch (error) {
      // communicate() ignores BrokenPipeError and ConnectionResetError, as Python.
      if (!isBrokenPipe(error)) throw error;
    }
    stdin.close();
  }

  private *_readStream(fd: 1 | 2): Coroutine<void> {
    const stream = fd === 1 ? this.stdout! : this.stderr!;
    let chunks = this._output.get(fd);
    if (chunks === undefined) this._output.set(fd, (chunks = []));
    // Chunk by chunk into the Process, so that a cancelled call loses nothing.
    for (;;) {
      const chunk = yield* stream.read(stream.limit);
      if (chunk.length === 0) break;
      chunks.push(chunk);
    }
    this._transport.getPipeTransport(fd)?.close();
  }

  private _takeOutput(fd: 1 | 2): Uint8Array | undefined {
    if ((fd === 1 ? this.stdout : this.stderr) === null) return undefined;
    const chunks = this._output.get(fd);
    this._output.delete(fd);
    return chunks === undefined || chunks.length === 0 ? EMPTY.slice() : concat(chunks);
  }
}

/** The transport's options and the readers' limit. */
function checkOptions(method: string, options: SubprocessOptions | undefined): [SubprocessTransportOptions, number] {
  if (options === undefined) return [{}, DEFAULT_LIMIT];
  for (const key of Object.keys(options)) {
    if (!OPTION_NAMES.has(key)) {
      throw new TypeError(`${method}() got an unexpected option ${describe(key)} (expected stdin, stdout, stderr, cwd, env or limit)`);
    }
  }
  const limit = options.limit ?? DEFAULT_LIMIT;
  if (typeof limit !== "number" || !(limit > 0)) throw new RangeError(`${method}(): limit must be a positive number of bytes, got ${describe(limit)}`);
  const { limit: _, ...transportOptions } = options;
  return [transportOptions, limit];
}

/**
 * Runs `program` with `args` in a child process (Python's
 * `asyncio.create_subprocess_exec`): `yield* asyncio.createSubprocessExec("ls", "-l",
 * { stdout: asyncio.subprocess.PIPE })`. The final argument may be the options;
 * stdin, stdout and stderr default to inheriting this process's own.
 *
 * @throws TypeError for an argument that is not a string or an unknown option;
 * FileNotFoundError (code 'ENOENT') when the program or `cwd` does not exist;
 * PermissionError (code 'EACCES') when the program is not executable.
 *
 * @example
 * function* main() {
 *   const proc = yield* asyncio.createSubprocessExec("echo", "hi", { stdout: asyncio.subprocess.PIPE });
 *   const [out] = yield* proc.communicate();
 *   return [new TextDecoder().decode(out), proc.returncode];
 * }
 * const [text, code] = await asyncio.run(main());
 * console.assert(text === "hi\n" && code === 0);
 */
export function createSubprocessExec(program: string, ...args: [...args: string[], options: SubprocessOptions] | string[]): Coroutine<Process> {
  return createExec(program, args);
}

function* createExec(program: string, rest: unknown[]): Coroutine<Process> {
  const loop = getRunningLoop();
  const [args, maybeOptions] = _splitOptions<SubprocessOptions>(rest);
  const [options, limit] = checkOptions("createSubprocessExec", maybeOptions);
  const argv = _execArgv("createSubprocessExec", program, args);
  const [transport, protocol] = yield* _subprocess(loop, "createSubprocessExec", () => new SubprocessStreamProtocol(limit, loop), argv, false, options);
  return new Process(transport, protocol, loop);
}

/**
 * Runs the shell command `cmd` with `/bin/sh -c` (Python's
 * `asyncio.create_subprocess_shell`); stdin, stdout and stderr default to inheriting.
 * Quote what you interpolate into `cmd`: the shell interprets it.
 *
 * @throws TypeError if `cmd` is not a string or for an unknown option.
 */
export function* createSubprocessShell(cmd: string, options?: SubprocessOptions): Coroutine<Process> {
  const loop = getRunningLoop();
  const [checked, limit] = checkOptions("createSubprocessShell", options);
  const argv = _shellArgv("createSubprocessShell", cmd);
  const [transport, protocol] = yield* _subprocess(loop, "createSubprocessShell", () => new SubprocessStreamProtocol(limit, loop), argv, true, checked);
  return new Process(transport, protocol, loop);
}
