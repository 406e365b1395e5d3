/**
 * Streams (Python's `asyncio/streams.py`), the host-free part: StreamReader and
 * StreamWriter over a transport, StreamReaderProtocol between the two, and how
 * `open_connection` and `start_server` set them up over any transport. The functions
 * that connect them to sockets (openConnection, startServer, …) are in node/streams.ts;
 * over a simulated network (`asyncio-ts/testing`) they are in networks.ts.
 */
import type { Coroutine } from "./coroutines";
import { isCoroutine } from "./coroutines";
import { type EventLoop, _getRunningLoop, getEventLoop, getRunningLoop } from "./events";
import { IncompleteReadError, LimitOverrunError, RuntimeError, StopAsyncIteration } from "./exceptions";
import { Future } from "./futures";
import { ConnectionResetError } from "./oserrors";
import { type BaseTransport, Protocol, type ReadTransport, type WriteTransport } from "./protocols";
import { keywordArguments } from "./keywords";
import { OperationWaiter } from "./waiters";
import { describe } from "./repr";
import type { Task } from "./tasks";
import type { ExtraInfo, ExtraInfoOr } from "./extrainfo";

/** The default `limit` of a StreamReader: 64 KiB (Python's `_DEFAULT_LIMIT`). */
export const DEFAULT_LIMIT = 2 ** 16;

const EMPTY = new Uint8Array(0);
const encoder = new TextEncoder();

/** @internal Bytes of a `Uint8Array` or UTF-8 bytes of a string. */
export function toBytes(data: Uint8Array | string, what: string): Uint8Array {
  if (typeof data === "string") return encoder.encode(data);
  if (data instanceof Uint8Array) return data;
  throw new TypeError(`${what} must be a Uint8Array or a string, not ${describe(data)}`);
}

/** What a StreamReader needs from its transport: pausing and resuming reading. */
export type ReaderTransport = Pick<ReadTransport, "pauseReading" | "resumeReading">;

/**
 * A buffer of received bytes with the reading coroutines (Python's
 * `asyncio.StreamReader`). A protocol feeds it (`feedData`, `feedEof`,
 * `setException`); tasks read from it. When more than 2 × `limit` bytes wait unread
 * it pauses its transport's reading, and resumes it once at most `limit` are left, so
 * a fast sender cannot fill memory.
 *
 * Only one task may wait for data at a time. Cancelling a read leaves the buffer as it
 * was: the next read gets the data.
 *
 * Line by line (Python's `async for line in reader`), with `asyncFor`; each line keeps
 * its `\n`, and the loop ends at end of file:
 *
 * @example
 * function* lines(reader: asyncio.StreamReader) {
 *   const seen: string[] = [];
 *   for (const it = asyncio.asyncFor(reader); yield* it.next(); ) seen.push(new TextDecoder().decode(it.value));
 *   return seen;
 * }
 * const reader = new asyncio.StreamReader();
 * reader.feedData("one\ntwo\nthree");
 * reader.feedEof();
 * console.assert(asyncio.runSync(lines(reader)).join("|") === "one\n|two\n|three");
 */
export class StreamReader {
  /** @internal */ _limit: number;
  /** @internal The loop of the waiter futures; null: the loop running when a read waits. */
  _loop: EventLoop | null;
  /** @internal Bytes [_start, _end) of _buf are unread. */
  _buf: Uint8Array;
  /** @internal */ _start: number;
  /** @internal */ _end: number;
  /** @internal */ _eof: boolean;
  /** @internal */ _waiter: Future<undefined> | null;
  /** @internal */ _exception: unknown;
  /** @internal */ _transport: ReaderTransport | null;
  /** @internal */ _paused: boolean;

  /**
   * A reader whose lines and chunks may be at most `limit` bytes (Python's
   * `StreamReader(limit, loop)`; its keyword form, `StreamReader(limit=8)`, is
   * `new StreamReader({ limit: 8 })`), bound to `loop`, else to the running loop (if
   * any), else to the loop running when a read first waits.
   *
   * @throws RangeError if `limit` is not a positive number; TypeError for an option
   * other than `limit` and `loop`.
   */
  constructor(limit: number | { limit?: number; loop?: EventLoop } = DEFAULT_LIMIT, loop?: EventLoop) {
    const options = keywordArguments("StreamReader", limit, ["limit", "loop"]);
    if (options !== undefined) {
      loop ??= options.loop as EventLoop | undefined;
      limit = (options.limit ?? DEFAULT_LIMIT) as number;
    }
    if (typeof limit !== "number" || !(limit > 0)) throw new RangeError(`Limit cannot be <= 0, got ${describe(limit)}`);
    this._limit = limit;
    this._loop = loop ?? _getRunningLoop();
    this._buf = EMPTY;
    this._start = 0;
    this._end = 0;
    this._eof = false;
    this._waiter = null;
    this._exception = undefined;
    this._transport = null;
    this._paused = false;
  }

  /** The most bytes a line or a `readuntil` chunk may have. */
  get limit(): number {
    return this._limit;
  }

  /** The error set with `setException`, or undefined (Python's `exception()`). */
  exception(): unknown {
    return this._exception;
  }

  /** Makes every later read throw `exc`, and wakes a waiting reader with it (Python's `set_exception`). */
  setException(exc: unknown): void {
    this._exception = exc;
    const waiter = this._waiter;
    if (waiter !== null) {
      this._waiter = null;
      if (!waiter.cancelled()) waiter.setException(exc);
    }
  }

  /**
   * The transport to pause and resume (Python's `set_transport`).
   *
   * @throws RuntimeError if a transport is already set.
   */
  setTransport(transport: ReaderTransport): void {
    if (this._transport !== null) throw new RuntimeError("Transport already set");
    this._transport = transport;
  }

  /**
   * Marks end of file: reads return what is left, then empty (Python's `feed_eof`).
   * A protocol calls it when the peer closes; a test calls it to end a reader made by
   * hand (see `feedData`).
   *
   * @example
   * const reader = new asyncio.StreamReader();
   * reader.feedData("last line, no newline");
   * reader.feedEof();
   * function* readAll() {
   *   return [yield* reader.readline(), yield* reader.readline()];
   * }
   * const [line, after] = asyncio.runSync(readAll());
   * console.assert(new TextDecoder().decode(line) === "last line, no newline");
   * console.assert(after!.length === 0 && reader.atEof()); // b"" at end of file
   */
  feedEof(): void {
    this._eof = true;
    this._wakeupWaiter();
  }

  /** True at end of file with nothing left unread (Python's `at_eof`). */
  atEof(): boolean {
    return this._eof && this._start === this._end;
  }

  /**
   * Appends received bytes (a string as UTF-8) (Python's `feed_data`). A protocol calls
   * it with what arrives; a test calls it to give canned input to code that reads a
   * stream, without a socket, as Python tests do with `reader.feed_data(b"...")`.
   *
   * @example
   * // The code under test reads "key: value" lines up to an empty line.
   * function* readHeaders(reader: asyncio.StreamReader) {
   *   const headers = new Map<string, string>();
   *   for (;;) {
   *     const line = new TextDecoder().decode(yield* reader.readline()).trim();
   *     if (line === "") return headers;
   *     const [key, value] = line.split(": ");
   *     headers.set(key!, value!);
   *   }
   * }
   * const reader = new asyncio.StreamReader();
   * reader.feedData("Host: example.org\r\nAccept: text/plain\r\n");
   * reader.feedData(new TextEncoder().encode("\r\nbody"));
   * reader.feedEof();
   * const headers = asyncio.runSync(readHeaders(reader));
   * console.assert(headers.get("Host") === "example.org" && headers.size === 2);
   *
   * @throws RuntimeError after `feedEof`.
   */
  feedData(data: Uint8Array | string): void {
    if (this._eof) throw new RuntimeError("feedData() after feedEof()");
    const bytes = typeof data === "string" ? encoder.encode(data) : data;
    const n = bytes.length;
    if (n === 0) return;
    let buf = this._buf;
    if (this._end + n > buf.length) buf = this._makeRoom(n);
    buf.set(bytes, this._end);
    this._end += n;
    this._wakeupWaiter();
    if (this._transport !== null && !this._paused && this._end - this._start > 2 * this._limit) {
      this._paused = true;
      this._transport.pauseReading();
    }
  }

  /** Bytes waiting unread. */
  get buffered(): number {
    return this._end - this._start;
  }

  /**
   * Reads up to `n` bytes; with `n < 0` (the default) reads until end of file
   * (Python's `read`). Gives an empty array at end of file.
   *
   * @throws the error set with `setException` (e.g. a ConnectionResetError).
   */
  *read(n = -1): Coroutine<Uint8Array> {
    if (this._exception !== undefined) throw this._exception;
    if (n === 0) return EMPTY.slice();
    if (n < 0) {
      const blocks: Uint8Array[] = [];
      let total = 0;
      for (;;) {
        const block = yield* this.read(this._limit);
        if (block.length === 0) break;
        blocks.push(block);
        total += block.length;
      }
      return concat(blocks, total);
    }
    if (this._start === this._end && !this._eof) yield* this._waitForData("read");
    return this._take(Math.min(n, this._end - this._start));
  }

  /**
   * Reads one line, up to and including `\n` (Python's `readline`). At end of file
   * gives what is left (maybe empty, never an error).
   *
   * @throws RangeError when the line is longer than the limit (the line, or the
   * buffered part of it, is dropped, as in Python); the error set with `setException`.
   */
  *readline(): Coroutine<Uint8Array> {
    // Fast path, without the generator layers of readuntil: wait until a line within
    // the limit is buffered. End of file, errors and overlong lines take readuntil's
    // path below, which behaves as Python's.
    let searched = 0;
    while (this._exception === undefined) {
      const start = this._start;
      const end = this._end;
      const nl = this._searchable().indexOf(NEWLINE_BYTE, start + searched);
      if (nl !== -1 && nl < end) {
        if (nl - start <= this._limit) return this._take(nl + 1 - start);
        break;
      }
      if (this._eof || end - start > this._limit) break;
      searched = end - start;
      const waiter = this._newWaiter("readuntil");
      try {
        yield* waiter;
      } finally {
        this._waiter = null;
      }
    }
    try {
      return yield* this.readuntil(NEWLINE);
    } catch (error) {
      if (error instanceof IncompleteReadError) return error.partial;
      if (error instanceof LimitOverrunError) {
        if (this._startsWith(NEWLINE_BYTE, error.consumed)) this._start += error.consumed + 1;
        else this._start = this._end;
        this._maybeResumeTransport();
        throw new RangeError(error.message);
      }
      throw error;
    }
  }

  /** Python's `__aiter__`: a reader iterates its lines (see the class example). */
  aiter(): this {
    return this;
  }

  /**
   * Python's `__anext__`: the next line, with its `\n`.
   *
   * @throws StopAsyncIteration at end of file; as `readline`.
   */
  *anext(): Coroutine<Uint8Array> {
    const line = yield* this.readline();
    if (line.length === 0) throw new StopAsyncIteration();
    return line;
  }

  /**
   * The next line, or `undefined` at end of file: a loop without `asyncFor`,
   * `while ((line = yield* reader.nextLine()) !== undefined)`.
   *
   * @throws as `readline`.
   */
  *nextLine(): Coroutine<Uint8Array | undefined> {
    const line = yield* this.readline();
    return line.length === 0 ? undefined : line;
  }

  /**
   * Reads exactly `n` bytes (Python's `readexactly`).
   *
   * @throws IncompleteReadError (with `partial`, what was left, and `expected`) when
   * the stream ends first; RangeError for a negative `n`; the error set with
   * `setException`.
   */
  *readexactly(n: number): Coroutine<Uint8Array> {
    if (!(n >= 0)) throw new RangeError("readexactly size can not be less than zero");
    if (this._exception !== undefined) throw this._exception;
    if (n === 0) return EMPTY.slice();
    while (this._end - this._start < n) {
      if (this._eof) throw new IncompleteReadError(this._take(this._end - this._start), n);
      yield* this._waitForData("readexactly");
    }
    return this._take(n);
  }

  /**
   * Reads up to and including `separator` (Python's `readuntil`). The separator is
   * bytes or a string (UTF-8), or an array of them (Python 3.13's tuple): the
   * earliest match wins.
   *
   * @throws IncompleteReadError at end of file before a separator (the buffer is
   * emptied into `partial`); LimitOverrunError when no separator is found within the
   * limit, or the chunk is longer than the limit (the data stays in the buffer;
   * `consumed` says how much may be consumed); RangeError for an empty separator; the
   * error set with `setException`.
   */
  *readuntil(separator: Uint8Array | string | readonly (Uint8Array | string)[] = NEWLINE): Coroutine<Uint8Array> {
    const separators = separatorList(separator);
    const minLen = separators[0]!.length;
    const maxLen = separators[separators.length - 1]!.length;
    if (this._exception !== undefined) throw this._exception;
    // Where the search resumes: bytes before it were already searched.
    let offset = 0;
    let matchStart = -1;
    let matchEnd = -1;
    for (;;) {
      const buflen = this._end - this._start;
      if (buflen - offset >= minLen) {
        for (let i = 0; i < separators.length; i++) {
          const sep = separators[i]!;
          const found = this._find(sep, offset);
          if (found !== -1 && (matchEnd === -1 || found + sep.length < matchEnd)) {
            matchEnd = found + sep.length;
            matchStart = found;
          }
        }
        if (matchEnd !== -1) break;
        offset = Math.max(0, buflen + 1 - maxLen);
        if (offset > this._limit) throw new LimitOverrunError("Separator is not found, and chunk exceed the limit", offset);
      }
      if (this._eof) throw new IncompleteReadError(this._take(buflen), null);
      yield* this._waitForData("readuntil");
    }
    if (matchStart > this._limit) throw new LimitOverrunError("Separator is found, but chunk is longer than limit", matchStart);
    return this._take(matchEnd);
  }

  /**
   * An endless iterable of line reads, for `for … of` (Python's `async for`): each
   * item is a coroutine giving the next line or `undefined` at end of file; stop there.
   *
   * @example
   * function* count(reader: asyncio.StreamReader) {
   *   let n = 0;
   *   for (const next of reader.lines()) {
   *     const line = yield* next;
   *     if (line === undefined) break;
   *     n++;
   *   }
   *   return n;
   * }
   * const reader = new asyncio.StreamReader();
   * reader.feedData("a\nb\n");
   * reader.feedEof();
   * console.assert(asyncio.runSync(count(reader)) === 2);
   */
  *lines(): Generator<Coroutine<Uint8Array | undefined>, void, unknown> {
    for (;;) yield this.nextLine();
  }

  toString(): string {
    const info = [`${this._end - this._start} bytes`];
    if (this._eof) info.push("eof");
    if (this._limit !== DEFAULT_LIMIT) info.push(`limit=${this._limit}`);
    if (this._waiter !== null) info.push("waiter");
    if (this._exception !== undefined) info.push(`exception=${describe(this._exception)}`);
    if (this._paused) info.push("paused");
    return `<StreamReader ${info.join(" ")}>`;
  }

  // ---- internals ----

  /** @internal Wakes the task waiting in `_waitForData`. */
  _wakeupWaiter(): void {
    const waiter = this._waiter;
    if (waiter !== null) {
      this._waiter = null;
      if (!waiter.cancelled()) waiter.setResult(undefined);
    }
  }

  /** @internal Waits until data, end of file or an error arrives. */
  *_waitForData(funcName: string): Coroutine<void> {
    const waiter = this._newWaiter(funcName);
    try {
      yield* waiter;
    } finally {
      this._waiter = null;
    }
  }

  /** @internal The future that the next feedData, feedEof or setException completes. */
  _newWaiter(funcName: string): Future<undefined> {
    if (this._waiter !== null) {
      throw new RuntimeError(`${funcName}() called while another coroutine is already waiting for incoming data`);
    }
    if (this._eof) throw new RuntimeError(`_waitForData after EOF (in ${funcName}())`);
    if (this._paused) {
      this._paused = false;
      this._transport!.resumeReading();
    }
    const waiter = new OperationWaiter<undefined>((this._loop ??= getRunningLoop()), this, "to read from {}");
    this._waiter = waiter;
    return waiter;
  }

  /** @internal Resumes the transport once at most `limit` bytes wait. */
  _maybeResumeTransport(): void {
    if (this._paused && this._end - this._start <= this._limit) {
      this._paused = false;
      this._transport!.resumeReading();
    }
  }

  /** Removes the first `n` buffered bytes and returns a copy of them. */
  private _take(n: number): Uint8Array {
    const start = this._start;
    const chunk = this._buf.slice(start, start + n);
    this._start = start + n;
    if (this._start === this._end) {
      this._start = this._end = 0;
      // Let go of a buffer that a burst grew far past the limit.
      if (this._buf.length > 4 * this._limit) this._buf = EMPTY;
    }
    this._maybeResumeTransport();
    return chunk;
  }

  /** Compacts or grows the buffer so that `n` more bytes fit after `_end`. */
  private _makeRoom(n: number): Uint8Array {
    const used = this._end - this._start;
    let buf = this._buf;
    if (used + n <= buf.length && this._start >= used) {
      buf.copyWithin(0, this._start, this._end);
    } else {
      let size = Math.max(buf.length * 2, 1024);
      while (size < used + n) size *= 2;
      const grown = new Uint8Array(size);
      grown.set(buf.subarray(this._start, this._end));
      buf = this._buf = grown;
    }
    this._start = 0;
    this._end = used;
    return buf;
  }

  /**
   * The buffer to search with `indexOf`: `_buf` itself while its spare room past `_end`
   * is small, else a view of it that ends at `_end`. `indexOf` has no end bound, and
   * after the buffer doubled the spare room can be as large as the data: scanning it
   * again on every arrival made reading a long line quadratic. Indexes are `_buf`'s
   * either way; a match at or past `_end` is no match.
   */
  private _searchable(): Uint8Array {
    const buf = this._buf;
    return buf.length - this._end <= SPARE_SCAN ? buf : buf.subarray(0, this._end);
  }

  /** Index (relative to the unread data) of `sep` at or after `from`, or -1. */
  private _find(sep: Uint8Array, from: number): number {
    const buf = this._searchable();
    const first = sep[0]!;
    const last = this._end - sep.length;
    let i = this._start + from;
    while (i <= last) {
      const at = buf.indexOf(first, i);
      if (at === -1 || at > last) return -1;
      let k = 1;
      while (k < sep.length && buf[at + k] === sep[k]) k++;
      if (k === sep.length) return at - this._start;
      i = at + 1;
    }
    return -1;
  }

  private _startsWith(byte: number, offset: number): boolean {
    const at = this._start + offset;
    return at < this._end && this._buf[at] === byte;
  }
}

const NEWLINE_BYTE = 10;
/** Spare bytes past the data that a search may scan rather than make a view (see `_searchable`). */
const SPARE_SCAN = 1024;
const NEWLINE = new Uint8Array([NEWLINE_BYTE]);
const NEWLINE_LIST: readonly Uint8Array[] = [NEWLINE];

function separatorList(separator: Uint8Array | string | readonly (Uint8Array | string)[]): readonly Uint8Array[] {
  if (separator === NEWLINE) return NEWLINE_LIST;
  let list: Uint8Array[];
  if (Array.isArray(separator)) {
    list = separator.map((s) => toBytes(s, "readuntil() separator"));
    list.sort((a, b) => a.length - b.length);
  } else {
    list = [toBytes(separator as Uint8Array | string, "readuntil() separator")];
  }
  if (list.length === 0) throw new RangeError("Separator should contain at least one element");
  if (list[0]!.length === 0) throw new RangeError("Separator should be at least one-byte string");
  return list;
}

function concat(blocks: Uint8Array[], total: number): Uint8Array {
  if (blocks.length === 1) return blocks[0]!;
  const out = new Uint8Array(total);
  let at = 0;
  for (const block of blocks) {
    out.set(block, at);
    at += block.length;
  }
  return out;
}

/**
 * The protocol side of StreamWriter: waiting for the write buffer to drain and for the
 * connection to close. FlowControlMixin implements it; a pipe protocol can too.
 */
export interface StreamWriterProtocol {
  /** @internal Waits while writing is paused (Python's `_drain_helper`). */
  _drainHelper(): Coroutine<void>;
  /** @internal The future that completes when the connection is closed (Python's `_get_close_waiter`). */
  _getCloseWaiter(stream: StreamWriter): Future<undefined>;
}

/**
 * A protocol that turns `pauseWriting` / `resumeWriting` into a waitable drain
 * (Python's `asyncio.streams.FlowControlMixin`). Subclasses give the close waiter.
 */
export class FlowControlMixin extends Protocol implements StreamWriterProtocol {
  /** @internal */ _loop: EventLoop;
  /** @internal */ _paused: boolean;
  /** @internal */ _drainWaiters: Future<undefined>[];
  /** @internal */ _connectionLost: boolean;

  constructor(loop?: EventLoop) {
    super();
    this._loop = loop ?? getEventLoop();
    this._paused = false;
    this._drainWaiters = [];
    this._connectionLost = false;
  }

  override pauseWriting(): void {
    if (this._paused) throw new RuntimeError("pauseWriting() called while already paused");
    this._paused = true;
  }

  override resumeWriting(): void {
    if (!this._paused) throw new RuntimeError("resumeWriting() called while not paused");
    this._paused = false;
    for (const waiter of this._drainWaiters) if (!waiter.done()) waiter.setResult(undefined);
  }

  override connectionLost(exc: Error | undefined): void {
    this._connectionLost = true;
    if (!this._paused) return;
    for (const waiter of this._drainWaiters) {
      if (waiter.done()) continue;
      if (exc === undefined) waiter.setResult(undefined);
      else waiter.setException(exc);
    }
  }

  /** @internal */
  *_drainHelper(): Coroutine<void> {
    if (this._connectionLost) throw new ConnectionResetError("Connection lost");
    if (!this._paused) return;
    const waiter = new OperationWaiter<undefined>(this._loop, this, "for the writes of {} to drain");
    this._drainWaiters.push(waiter);
    try {
      yield* waiter;
    } finally {
      const i = this._drainWaiters.indexOf(waiter);
      if (i !== -1) this._drainWaiters.splice(i, 1);
    }
  }

  /** @internal */
  _getCloseWaiter(_stream: StreamWriter): Future<undefined> {
    throw new RuntimeError(`${this.constructor.name} has no close waiter`);
  }
}

/**
 * A function `startServer` calls with each connection's reader and writer; it may be a
 * coroutine function. `I` types the writer's `getExtraInfo` (`TcpExtraInfo` for
 * `startServer`, `UnixExtraInfo` for `startUnixServer`).
 */
export type ClientConnectedCallback<I extends object = ExtraInfo> = (reader: StreamReader, writer: StreamWriter<I>) => Coroutine<unknown> | unknown;

/**
 * The protocol between a transport and a StreamReader (Python's
 * `asyncio.StreamReaderProtocol`): it feeds the reader, and for servers calls
 * `clientConnected(reader, writer)` on each connection (a coroutine it returns
 * becomes a task; if that task fails the error goes to the loop's exception handler
 * and the transport is closed, as in Python 3.13).
 */
export class StreamReaderProtocol extends FlowControlMixin {
  /** @internal */ _streamReader: StreamReader | null;
  /** @internal */ _clientConnectedCb: ClientConnectedCallback | null;
  /** @internal */ _task: Task<unknown> | null;
  /** @internal */ _transport: (ReadTransport & WriteTransport) | null;
  /** @internal */ _overSsl: boolean;
  /** @internal */ _closed: Future<undefined>;

  constructor(streamReader: StreamReader | null, clientConnectedCb: ClientConnectedCallback | null = null, loop?: EventLoop) {
    super(loop ?? streamReader?._loop ?? undefined);
    this._streamReader = streamReader;
    this._clientConnectedCb = clientConnectedCb;
    this._task = null;
    this._transport = null;
    this._overSsl = false;
    this._closed = new OperationWaiter<undefined>(this._loop, this, "for {} to close");
  }

  override connectionMade(transport: BaseTransport): void {
    const stream = transport as ReadTransport & WriteTransport;
    this._transport = stream;
    const reader = this._streamReader;
    if (reader !== null) reader.setTransport(stream);
    this._overSsl = transport.getExtraInfo("sslcontext") !== undefined;
    const callback = this._clientConnectedCb;
    if (callback === null) return;
    const writer = new StreamWriter<ExtraInfo>(stream, this, reader, this._loop);
    const result = callback(reader!, writer);
    if (isCoroutine(result)) {
      const loop = this._loop;
      const task = loop.createTask(result);
      this._task = task;
      task.addDoneCallback((t) => {
        if (t.cancelled()) {
          transport.close();
          return;
        }
        const exc = t.exception();
        if (exc !== undefined) {
          loop.callExceptionHandler({ message: "Unhandled exception in client_connected_cb", exception: exc, transport });
          transport.close();
        }
      });
    }
  }

  override connectionLost(exc: Error | undefined): void {
    const reader = this._streamReader;
    if (reader !== null) {
      if (exc === undefined) reader.feedEof();
      else reader.setException(exc);
    }
    if (!this._closed.done()) {
      if (exc === undefined) this._closed.setResult(undefined);
      else {
        this._closed.setException(exc);
        // Like Python's __del__, which retrieves it: nobody has to wait for the close.
        this._closed._markRetrieved();
      }
    }
    super.connectionLost(exc);
    this._streamReader = null;
    this._task = null;
    this._transport = null;
  }

  /** @internal It copies the data into its reader, so the transport need not make a view of Node's Buffer. */
  get _copiesData(): boolean {
    return true;
  }

  override dataReceived(data: Uint8Array): void {
    const reader = this._streamReader;
    if (reader !== null) reader.feedData(data);
  }

  override eofReceived(): boolean {
    const reader = this._streamReader;
    if (reader !== null) reader.feedEof();
    // Over TLS, end of file means the connection is closing.
    return !this._overSsl;
  }

  /** @internal */
  override _getCloseWaiter(_stream: StreamWriter): Future<undefined> {
    return this._closed;
  }
}

/**
 * What a StreamWriter needs from its transport (Python's `WriteTransport`, as a socket
 * or a pipe transport offers it).
 */
export type WriterTransport = Pick<
  WriteTransport,
  "write" | "writelines" | "writeEof" | "canWriteEof" | "close" | "isClosing" | "getExtraInfo" | "abort" | "getWriteBufferSize"
>;

/**
 * The writing side of a stream (Python's `asyncio.StreamWriter`): `write` queues bytes
 * without waiting, `drain()` waits while the transport's buffer is above its
 * high-water mark, so `write(); yield* drain()` in a loop is back-pressured.
 *
 * `I` types `getExtraInfo`: `openConnection` and `startServer` give a
 * `StreamWriter<TcpExtraInfo>` (`peername` is `[host, port]`), the Unix ones a
 * `StreamWriter<UnixExtraInfo>` (a path), a Process's `stdin` a
 * `StreamWriter<WritePipeExtraInfo>`. Plain `StreamWriter` accepts them all and types
 * each name with all it may give (`ExtraInfo`): annotate a server's handler with
 * `StreamWriter<TcpExtraInfo>` to get `[host, port]`.
 */
export class StreamWriter<I extends object = ExtraInfo> {
  /** @internal */ _transport: WriterTransport;
  /** @internal */ _protocol: StreamWriterProtocol;
  /** @internal */ _reader: StreamReader | null;
  /** @internal */ _loop: EventLoop;

  constructor(transport: WriterTransport, protocol: StreamWriterProtocol, reader: StreamReader | null, loop: EventLoop) {
    this._transport = transport;
    this._protocol = protocol;
    this._reader = reader;
    this._loop = loop;
  }

  /** The transport underneath. */
  get transport(): WriterTransport {
    return this._transport;
  }

  /**
   * Queues `data` (a string as UTF-8) for sending (Python's `write`). Once the stream is
   * closing (closed, or its connection lost) the write is dropped, as Python drops it, and
   * the next `drain()` raises.
   *
   * @throws RuntimeError after `writeEof` on a socket stream (a pipe drops that write too).
   */
  write(data: Uint8Array | string): void {
    this._transport.write(data);
  }

  /** Queues each item of `list` (Python's `writelines`). @throws as `write`. */
  writelines(list: Iterable<Uint8Array | string>): void {
    this._transport.writelines(list);
  }

  /** Half-closes: sends end of file after the buffered data (Python's `write_eof`). */
  writeEof(): void {
    this._transport.writeEof();
  }

  /** True if `writeEof` is supported (not over TLS). */
  canWriteEof(): boolean {
    return this._transport.canWriteEof();
  }

  /** Closes the stream after sending what is buffered (Python's `close`); see `waitClosed`. */
  close(): void {
    this._transport.close();
  }

  /** True once the stream is closing or closed. */
  isClosing(): boolean {
    return this._transport.isClosing();
  }

  /**
   * Waits until the connection is closed (Python's `wait_closed`).
   *
   * @throws the error that closed the connection, if any.
   */
  *waitClosed(): Coroutine<void> {
    yield* this._protocol._getCloseWaiter(this);
  }

  /**
   * Information about the connection, or `defaultValue`, as the transport's
   * `getExtraInfo` (Python's `get_extra_info`): `'peername'`, `'sockname'`, `'socket'`,
   * and over TLS `'peercert'`, `'cipher'`, `'sslcontext'`, `'sslobject'`. The result
   * type is `I`'s for the name (see `TcpExtraInfo`), `unknown` for another name.
   *
   * @example
   * function* main() {
   *   const server = yield* asyncio.startServer(function* (reader, writer) {
   *     const [host] = writer.getExtraInfo("peername")!; // [host, port]: a string and a number
   *     writer.write(`${host}\n`);
   *     writer.close();
   *   }, "127.0.0.1", 0);
   *   const [, port] = server.sockets[0]!.getsockname();
   *   const [reader, writer] = yield* asyncio.openConnection("127.0.0.1", port);
   *   const [, myPort] = writer.getExtraInfo("sockname")!;
   *   const seen = new TextDecoder().decode(yield* reader.readline());
   *   writer.close();
   *   server.close();
   *   yield* server.waitClosed();
   *   return [seen, typeof myPort, writer.getExtraInfo("peercert", "no TLS")];
   * }
   * console.assert(JSON.stringify(await asyncio.run(main())) === '["127.0.0.1\\n","number","no TLS"]');
   */
  getExtraInfo<K extends keyof I & string>(name: K): I[K];
  getExtraInfo<K extends keyof I & string, D>(name: K, defaultValue: D): ExtraInfoOr<I, K, D>;
  getExtraInfo(name: string, defaultValue?: unknown): unknown;
  getExtraInfo(name: string, defaultValue?: unknown): unknown {
    return this._transport.getExtraInfo(name, defaultValue);
  }

  /**
   * Waits until the write buffer is below its low-water mark (Python's `drain`):
   * at once when it already is.
   *
   * @throws the reader's error (e.g. ConnectionResetError) if the connection failed;
   * ConnectionResetError("Connection lost") once it is closed.
   */
  *drain(): Coroutine<void> {
    const reader = this._reader;
    if (reader !== null && reader._exception !== undefined) throw reader._exception;
    // One loop turn first, so that connectionLost can run and a write-drain loop on a
    // closing connection sees the error (as Python's `await sleep(0)` here).
    if (this._transport.isClosing()) yield;
    yield* this._protocol._drainHelper();
  }

  toString(): string {
    const info = [`transport=${String(this._transport)}`];
    if (this._reader !== null) info.push(`reader=${String(this._reader)}`);
    return `<StreamWriter ${info.join(" ")}>`;
  }
}

/**
 * @internal The body of Python's `open_connection`, whatever carries the bytes: a reader
 * and its protocol, connected by `connect` (the loop's sockets, a simulated network), and
 * the writer over the transport it made.
 */
export function* _openStreams<I extends object>(
  loop: EventLoop,
  limit: number | undefined,
  connect: (protocolFactory: () => StreamReaderProtocol) => Coroutine<readonly [WriterTransport, unknown]>,
): Coroutine<[StreamReader, StreamWriter<I>]> {
  const reader = new StreamReader(limit, loop);
  const protocol = new StreamReaderProtocol(reader, null, loop);
  const [transport] = yield* connect(() => protocol);
  return [reader, new StreamWriter<I>(transport, protocol, reader, loop)];
}

/**
 * @internal The protocol factory of Python's `start_server`: for each connection, a
 * StreamReaderProtocol with a reader of its own, which calls `clientConnected(reader,
 * writer)`.
 *
 * @throws TypeError when `clientConnected` is not a function (`method` names the caller).
 */
export function _streamServerFactory(loop: EventLoop, limit: number | undefined, clientConnected: unknown, method: string): () => StreamReaderProtocol {
  if (typeof clientConnected !== "function") throw new TypeError(`${method}() clientConnected must be a function or a coroutine function, got ${describe(clientConnected)}`);
  const callback = clientConnected as ClientConnectedCallback;
  return () => new StreamReaderProtocol(new StreamReader(limit, loop), callback, loop);
}
