/**
 * Pipe transports over Node streams (Python's `_UnixReadPipeTransport` and
 * `_UnixWritePipeTransport` of `asyncio/unix_events.py`): the plumbing between a child
 * process's stdio pipes and the protocols of subprocess.ts.
 *
 * Every Node event reaches the protocol through the loop's ready queue, one callback
 * per event and in the order Node emitted them, so protocol methods always run inside
 * a loop iteration, as they do in asyncio.
 */
import type { Readable, Writable } from "node:stream";
import { constants as osConstants } from "node:os";
import type { EventLoop } from "../core/events";
import { BrokenPipeError, ConnectionResetError, osError } from "./oserrors";
import type { ExtraInfoOr, ReadPipeExtraInfo, WritePipeExtraInfo } from "./extrainfo";
import type { BaseProtocol, Protocol, ReadTransport, WriteTransport } from "./protocols";
import { toBytes } from "../core/streams";
import { RuntimeError } from "../core/exceptions";

/** @internal True for the errors `communicate` ignores: BrokenPipeError and ConnectionResetError. */
export function isBrokenPipe(error: unknown): boolean {
  return error instanceof BrokenPipeError || error instanceof ConnectionResetError;
}

/** @internal Runs `fn(...args)` on the loop's next iteration; dropped once the loop is closed. */
export function post(loop: EventLoop, fn: (...args: never[]) => void, ...args: unknown[]): void {
  if (!loop._closed) loop._callSoon(fn as (...a: unknown[]) => void, args, null);
}

function toOSError(error: unknown): Error {
  const converted = osError(error);
  return converted instanceof Error ? converted : new Error(String(converted));
}

// ---- reading ----

/**
 * Bytes a read pipe holds for the loop before it stops reading from Node: large enough
 * that Node keeps reading while the loop catches up (64 KiB cost a third of the
 * throughput), and bounded. Pausing a reader is not affected: paused, nothing is delivered.
 */
const HOST_READ_BUFFER = 1024 * 1024;
/** The most bytes given to `dataReceived` at once (`max_size` of asyncio's read pipe). */
const MAX_DELIVERY = 256 * 1024;

/**
 * The parent's end of a child's stdout or stderr (Python's `_UnixReadPipeTransport`):
 * delivers data, then end of file, then connection lost. After `pauseReading` no data
 * is delivered until `resumeReading`, and the pipe is not read (the child blocks once
 * the OS pipe is full).
 *
 * Node emits data in host turns, between loop iterations; the chunks wait in a small
 * queue for the loop, and Node is paused while that queue is full, so a fast child
 * cannot get ahead of the loop either.
 */
export class ReadPipeTransport implements ReadTransport {
  /** @internal */ _loop: EventLoop;
  /** @internal */ _stream: Readable;
  /** @internal */ _protocol: Protocol;
  /** @internal */ _closing: boolean;
  /** @internal */ _lost: boolean;
  /** @internal Paused by pauseReading. */
  _paused: boolean;
  /** @internal Chunks from Node not yet delivered, and their size. */
  _queue: Buffer[];
  /** @internal */ _queued: number;
  /** @internal True while a delivery is scheduled on the loop. */
  _scheduled: boolean;
  /** @internal Node said end of file (or closed the pipe) after the queued chunks. */
  _ended: boolean;
  /** @internal The Node stream is paused because the queue is full or reading is paused. */
  _hostPaused: boolean;
  /** @internal */ _extra: Record<string, unknown>;

  /** @internal */
  constructor(loop: EventLoop, stream: Readable, protocol: Protocol, extra: Record<string, unknown> = {}) {
    this._loop = loop;
    this._stream = stream;
    this._protocol = protocol;
    this._closing = false;
    this._lost = false;
    this._paused = false;
    this._queue = [];
    this._queued = 0;
    this._scheduled = false;
    this._ended = false;
    this._hostPaused = false;
    this._extra = { pipe: stream, ...extra };
    stream.on("data", (chunk: Buffer) => {
      this._queue.push(chunk);
      this._queued += chunk.length;
      if (this._queued >= HOST_READ_BUFFER) this._pauseHost();
      this._schedule();
    });
    // A pipe closed without end of file (torn down by Node) ends the same way.
    const ended = (): void => {
      this._ended = true;
      this._schedule();
    };
    stream.on("end", ended);
    stream.on("close", ended);
    stream.on("error", (error: unknown) => post(loop, this._onError, error));
  }

  /** Information about the transport: `pipe` is the Node stream (Python's `get_extra_info`). */
  getExtraInfo<K extends keyof ReadPipeExtraInfo>(name: K): ReadPipeExtraInfo[K];
  getExtraInfo<K extends keyof ReadPipeExtraInfo, D>(name: K, defaultValue: D): ExtraInfoOr<ReadPipeExtraInfo, K, D>;
  getExtraInfo(name: string, defaultValue?: unknown): unknown;
  getExtraInfo(name: string, defaultValue?: unknown): unknown {
    return name in this._extra ? this._extra[name] : defaultValue;
  }

  /** The protocol that receives the data. */
  getProtocol(): Protocol {
    return this._protocol;
  }

  /** Makes `protocol` receive the data from now on. */
  setProtocol(protocol: Protocol): void {
    this._protocol = protocol;
  }

  /** True once the transport is closing or closed. */
  isClosing(): boolean {
    return this._closing;
  }

  /** True while data is being read (not paused, not closing). */
  isReading(): boolean {
    return !this._paused && !this._closing;
  }

  /** Stops reading until `resumeReading` (Python's `pause_reading`); a no-op when closing or paused. */
  pauseReading(): void {
    if (this._closing || this._paused) return;
    this._paused = true;
    this._pauseHost();
  }

  /** Reads again after `pauseReading` (Python's `resume_reading`). */
  resumeReading(): void {
    if (this._closing || !this._paused) return;
    this._paused = false;
    if (this._queue.length > 0 || this._ended) this._schedule();
    else this._resumeHost();
  }

  /** Stops reading and closes the pipe; the protocol's `connectionLost(undefined)` follows. */
  close(): void {
    if (!this._closing) this._close(undefined);
  }

  toString(): string {
    const state = this._lost ? "closed" : this._closing ? "closing" : this._paused ? "paused" : "open";
    return `<ReadPipeTransport ${state}>`;
  }

  private _pauseHost(): void {
    if (this._hostPaused) return;
    this._hostPaused = true;
    this._stream.pause();
  }

  private _resumeHost(): void {
    if (!this._hostPaused) return;
    this._hostPaused = false;
    this._stream.resume();
  }

  private _schedule(): void {
    if (this._scheduled || this._closing) return;
    this._scheduled = true;
    post(this._loop, this._deliver);
  }

  private _deliver = (): void => {
    this._scheduled = false;
    const queue = this._queue;
    // One chunk per loop iteration, as asyncio reads once per iteration: a protocol
    // that passes the data on with callSoon (the subprocess transport does) pauses
    // reading before the next chunk comes.
    if (queue.length > 0 && !this._paused && !this._closing) {
      let chunk = queue[0]!;
      if (chunk.length > MAX_DELIVERY) {
        // Node hands over all it buffered at once after a resume; deliver it in pieces
        // of at most what asyncio reads at once, so that a pause takes effect between them.
        queue[0] = chunk.subarray(MAX_DELIVERY);
        chunk = chunk.subarray(0, MAX_DELIVERY);
      } else {
        queue.shift();
      }
      this._queued -= chunk.length;
      this._protocol.dataReceived(chunk);
      if (queue.length > 0) {
        this._schedule();
        return;
      }
    }
    if (this._closing || this._paused || queue.length > 0) return;
    if (this._ended) {
      // As _UnixReadPipeTransport at end of file: eof_received, then connection_lost.
      this._closing = true;
      this._protocol.eofReceived();
      post(this._loop, this._callConnectionLost, undefined);
      return;
    }
    this._resumeHost();
  };

  private _close(exc: Error | undefined): void {
    this._closing = true;
    this._queue.length = 0;
    this._queued = 0;
    this._stream.destroy();
    post(this._loop, this._callConnectionLost, exc);
  }

  /** @internal */
  _callConnectionLost = (exc: Error | undefined): void => {
    if (this._lost) return;
    this._lost = true;
    this._protocol.connectionLost(exc);
  };

  private _onError = (error: unknown): void => {
    if (this._closing) return;
    this._close(toOSError(error));
  };
}

// ---- writing ----

const DEFAULT_HIGH_WATER = 64 * 1024;

/**
 * The parent's end of a child's stdin (Python's `_UnixWritePipeTransport`): `write`
 * never blocks; above the high-water mark of buffered bytes it calls the protocol's
 * `pauseWriting`, and `resumeWriting` once the buffer is back under the low-water mark.
 * When the child closes its end (it exits), the transport is lost: with
 * BrokenPipeError if data was still buffered.
 */
export class WritePipeTransport implements WriteTransport {
  /** @internal */ _loop: EventLoop;
  /** @internal */ _stream: Writable;
  /** @internal */ _protocol: BaseProtocol;
  /** @internal */ _closing: boolean;
  /** @internal */ _lost: boolean;
  /** @internal Writes dropped because the pipe was closed (Python's `_conn_lost`). */
  _connLost: number;
  /** @internal Bytes handed to Node and not yet written to the pipe. */
  _buffered: number;
  /** @internal */ _high: number;
  /** @internal */ _low: number;
  /** @internal */ _protocolPaused: boolean;
  /** @internal */ _extra: Record<string, unknown>;

  /** @internal */
  constructor(loop: EventLoop, stream: Writable, protocol: BaseProtocol, extra: Record<string, unknown> = {}) {
    this._loop = loop;
    this._stream = stream;
    this._protocol = protocol;
    this._closing = false;
    this._lost = false;
    this._connLost = 0;
    this._buffered = 0;
    this._high = DEFAULT_HIGH_WATER;
    this._low = DEFAULT_HIGH_WATER / 4;
    this._protocolPaused = false;
    this._extra = { pipe: stream, ...extra };
    stream.on("error", (error: unknown) => post(loop, this._onError, error));
    stream.on("close", () => post(loop, this._onClose));
  }

  /** Information about the transport: `pipe` is the Node stream (Python's `get_extra_info`). */
  getExtraInfo<K extends keyof WritePipeExtraInfo>(name: K): WritePipeExtraInfo[K];
  getExtraInfo<K extends keyof WritePipeExtraInfo, D>(name: K, defaultValue: D): ExtraInfoOr<WritePipeExtraInfo, K, D>;
  getExtraInfo(name: string, defaultValue?: unknown): unknown;
  getExtraInfo(name: string, defaultValue?: unknown): unknown {
    return name in this._extra ? this._extra[name] : defaultValue;
  }

  /** The protocol told about flow control and loss. */
  getProtocol(): BaseProtocol {
    return this._protocol;
  }

  /** Makes `protocol` receive the callbacks from now on. */
  setProtocol(protocol: BaseProtocol): void {
    this._protocol = protocol;
  }

  /** True once the transport is closing or closed. */
  isClosing(): boolean {
    return this._closing;
  }

  /** Bytes buffered and not yet written to the pipe (Python's `get_write_buffer_size`). */
  getWriteBufferSize(): number {
    return this._buffered;
  }

  /** `[low, high]` water marks of the write buffer, in bytes. */
  getWriteBufferLimits(): [number, number] {
    return [this._low, this._high];
  }

  /**
   * Sets the water marks for flow control (Python's `set_write_buffer_limits`): high
   * defaults to 64 KiB (or 4 × low), low to high / 4.
   *
   * @throws RangeError unless high >= low >= 0.
   */
  setWriteBufferLimits(high?: number, low?: number): void {
    if (high === undefined || high === null) high = low === undefined || low === null ? DEFAULT_HIGH_WATER : 4 * low;
    if (low === undefined || low === null) low = Math.floor(high / 4);
    if (!(high >= low && low >= 0)) throw new RangeError(`high (${high}) must be >= low (${low}) must be >= 0`);
    this._high = high;
    this._low = low;
    this._maybePauseProtocol();
  }

  /**
   * Writes `data` (bytes, or a string as UTF-8) without blocking (Python's `write`).
   * Once the pipe is closing (`close()`, `writeEof()`, `abort()`, or the child closed
   * its end), the data is dropped, as asyncio drops it (`drain()` then reports a loss).
   *
   * @throws TypeError if `data` is neither bytes nor a string.
   */
  write(data: Uint8Array | string): void {
    const bytes = toBytes(data, "data");
    if (bytes.length === 0) return;
    if (this._lost || this._closing) {
      // As asyncio: drop the data, and from the fifth such write on, say so.
      if (++this._connLost >= 5) console.warn(`pipe closed by peer or os.write(pipe, data) raised exception. (${this}: a write after the pipe was closed is dropped)`);
      return;
    }
    this._buffered += bytes.length;
    const length = bytes.length;
    // A failed write is reported by the error and close events; only data that left
    // counts as written (else a dying child would look like a drained buffer).
    this._stream.write(bytes, (error?: unknown) => {
      if (!error) post(this._loop, this._onWritten, length);
    });
    this._maybePauseProtocol();
  }

  /** Writes each chunk in turn (Python's `writelines`). */
  writelines(list: Iterable<Uint8Array | string>): void {
    for (const data of list) this.write(data);
  }

  /** Pipes can be half-closed: always true. */
  canWriteEof(): boolean {
    return true;
  }

  /** Closes the pipe once the buffered data is written (Python's `write_eof`). */
  writeEof(): void {
    // After the child closed its end, closing is bookkeeping (the stream protocol does
    // it), not a user's decision: later writes are dropped as asyncio drops them.
    if (this._lost) return;
    if (this._closing) return;
    this._closing = true;
    // An error (the pipe was destroyed first) is reported by the error and close events.
    this._stream.end((error?: unknown) => {
      if (!error) post(this._loop, this._finish, undefined);
    });
  }

  /** Closes the pipe after flushing what is buffered (Python's `close`). */
  close(): void {
    this.writeEof();
  }

  /** Closes the pipe at once, dropping buffered data (Python's `abort`). */
  abort(): void {
    this._closing = true;
    this._stream.destroy();
    post(this._loop, this._finish, undefined);
  }

  toString(): string {
    const state = this._lost ? "closed" : this._closing ? "closing" : "open";
    return `<WritePipeTransport ${state} bufsize=${this._buffered}>`;
  }

  private _maybePauseProtocol(): void {
    if (this._protocolPaused || this._buffered <= this._high) return;
    this._protocolPaused = true;
    try {
      this._protocol.pauseWriting();
    } catch (error) {
      this._loop.callExceptionHandler({ message: "protocol.pauseWriting() failed", exception: error, transport: this });
    }
  }

  private _maybeResumeProtocol(): void {
    if (!this._protocolPaused || this._buffered > this._low) return;
    this._protocolPaused = false;
    try {
      this._protocol.resumeWriting();
    } catch (error) {
      this._loop.callExceptionHandler({ message: "protocol.resumeWriting() failed", exception: error, transport: this });
    }
  }

  private _onWritten = (length: number): void => {
    if (this._lost) return;
    this._buffered -= length;
    this._maybeResumeProtocol();
  };

  private _onError = (error: unknown): void => {
    if (this._lost) return;
    const exc = toOSError(error);
    if (!isBrokenPipe(exc)) {
      this._loop.callExceptionHandler({ message: "Fatal write error on pipe transport", exception: exc, transport: this });
    }
    this._closing = true;
    this._stream.destroy();
    this._finish(exc);
  };

  private _onClose = (): void => {
    // The child closed its end (Node tears the pipe down when the child exits): as
    // _UnixWritePipeTransport._read_ready, lost with BrokenPipeError if data was pending.
    if (this._lost) return;
    this._closing = true;
    this._finish(this._buffered > 0 ? new BrokenPipeError(`[Errno ${osConstants.errno.EPIPE}] Broken pipe`, osConstants.errno.EPIPE, "EPIPE") : undefined);
  };

  /** @internal */
  _finish = (exc: Error | undefined): void => {
    if (this._lost) return;
    this._lost = true;
    this._buffered = 0;
    this._protocol.connectionLost(exc);
  };
}
