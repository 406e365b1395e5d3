/**
 * The stream transport of the simulated network (network.ts), and the one-way pipe that
 * carries each direction of a connection. A transport keeps the protocol contract of
 * CPython's `_SelectorSocketTransport`: `connectionMade` first and `connectionLost` last,
 * each once; one read (`dataReceived` or `eofReceived`) per loop iteration; the write
 * buffer's water marks drive `pauseWriting` / `resumeWriting`.
 *
 * What a socket leaves to the kernel is modelled like this: a write goes onto the wire as
 * far as the receiver's window allows (its receive buffer, `receiveBuffer` bytes, less
 * what is in flight or arrived unread), the rest waits in the transport's buffer
 * (`getWriteBufferSize`). The window opens when the receiving transport hands data to
 * its protocol, so a peer that pauses reading (a StreamReader nobody reads) fills it,
 * then the sender's buffer, and `drain()` blocks.
 */
import {
  type BaseProtocol,
  BufferedProtocol,
  type BufferedProtocolLike,
  Protocol as StreamBase,
  type ProtocolLike,
  _completeProtocol,
  _isBufferedProtocol,
  type Context,
  ConnectionResetError,
  type EventLoop,
  type Future,
  type InetAddress,
  type Protocol,
  RuntimeError,
  type TimerHandle,
  type Transport,
  _feedProtocol,
  _waterMarks,
} from "../index.browser";

/** @internal What a transport needs from its network (network.ts's Network): timing, randomness and partitions. */
export interface Wire {
  /** When a segment of `n` bytes put on `link` now arrives (latency, bandwidth, jitter, loss). */
  _timing(link: Pipe, n: number): number;
  /** True while the hosts of `link` cannot reach each other. */
  _cut(link: Pipe): boolean;
  /** Bytes a receiver buffers (the window). */
  readonly _receiveBuffer: number;
  /** Largest segment put on the wire at once. */
  readonly _mss: number;
}

const DATA = 0;
const FIN = 1;
const RST = 2;
const ACK = 3;
type Kind = typeof DATA | typeof FIN | typeof RST | typeof ACK;

interface Segment {
  at: number;
  kind: Kind;
  data: Uint8Array | null;
}

// asyncio reads at most 256 KiB at a time (selector_events' max_size).
const MAX_READ = 256 * 1024;
// CPython's constants.LOG_THRESHOLD_FOR_CONNLOST_WRITES: the first writes after a loss are dropped quietly.
const LOG_THRESHOLD_FOR_CONNLOST_WRITES = 5;
const encoder = new TextEncoder();

/** @internal The errno and text of a reset, as Linux and Python give them. */
export function connectionReset(): ConnectionResetError {
  return new ConnectionResetError("[Errno 104] Connection reset by peer", 104, "ECONNRESET");
}

/**
 * @internal One direction of a connection: segments on their way from one host to another, in
 * order (TCP's), each with its arrival time. One timer at a time, for the first segment.
 * While the hosts are partitioned, arrivals wait here until they are healed.
 */
export class Pipe {
  /** @internal */ _wire: Wire;
  /** @internal */ _loop: EventLoop;
  /** @internal Host names of the two ends. */
  readonly from: string;
  readonly to: string;
  /** @internal */ _receiver: NetworkTransport | null;
  /** @internal */ _queue: Segment[];
  /** @internal */ _head: number;
  /** @internal Data bytes on their way. */
  _inFlight: number;
  /** @internal When the link finishes sending what it was given (bandwidth). */
  _busyUntil: number;
  /** @internal */ _timer: TimerHandle | null;
  /** @internal */ _arrive: () => void;

  constructor(wire: Wire, loop: EventLoop, from: string, to: string) {
    this._wire = wire;
    this._loop = loop;
    this.from = from;
    this.to = to;
    this._receiver = null;
    this._queue = [];
    this._head = 0;
    this._inFlight = 0;
    this._busyUntil = 0;
    this._timer = null;
    this._arrive = () => this._onTimer();
    // What runTest's report of a leftover timer shows: data still on its way.
    Object.defineProperty(this._arrive, "name", { value: `network segment ${from}→${to}` });
  }

  /** @internal Puts a segment on the wire. */
  _send(kind: Kind, data: Uint8Array | null): void {
    const n = data === null ? 0 : data.length;
    // A segment whose jitter would make it overtake the one before waits for it: the
    // queue is delivered in order (see _onTimer).
    this._queue.push({ at: this._wire._timing(this, n), kind, data });
    this._inFlight += n;
    this._arm();
  }

  /** @internal A reset overtakes what is queued: the sender's kernel drops it. */
  _sendReset(): void {
    this._drop();
    this._send(RST, null);
  }

  /** @internal Forgets every segment on the way (the connection is gone). */
  _drop(): void {
    this._queue.length = 0;
    this._head = 0;
    this._inFlight = 0;
    this._disarm();
  }

  /** @internal Re-times held segments after a partition heals: they arrive one trip from `now` at the earliest. */
  _heal(): void {
    if (this._head === this._queue.length || this._timer !== null) return;
    const soonest = this._wire._timing(this, 0);
    for (let i = this._head; i < this._queue.length; i++) {
      const segment = this._queue[i]!;
      if (segment.at < soonest) segment.at = soonest;
    }
    this._arm();
  }

  /** @internal */
  _arm(): void {
    if (this._timer !== null || this._head === this._queue.length || this._loop.isClosed()) return;
    this._timer = this._loop._callAt(this._queue[this._head]!.at, this._arrive, [], null);
  }

  /** @internal */
  _disarm(): void {
    this._timer?.cancel();
    this._timer = null;
  }

  /**
   * @internal The first segment is due: it arrives, and so does each one after it that is
   * due by then (in order, whatever its own time), unless the hosts are partitioned.
   */
  _onTimer(): void {
    this._timer = null;
    if (this._wire._cut(this)) return; // held until heal() re-times them
    const queue = this._queue;
    const due = Math.max(queue[this._head]!.at, this._loop.time());
    while (this._head < queue.length && queue[this._head]!.at <= due) {
      const segment = queue[this._head]!;
      queue[this._head++] = undefined as unknown as Segment;
      if (segment.data !== null) this._inFlight -= segment.data.length;
      const receiver = this._receiver;
      if (receiver !== null) receiver._segmentArrived(segment.kind, segment.data);
      if (this._head === 0) return; // the receiver dropped the queue (a reset)
    }
    if (this._head === queue.length) {
      queue.length = 0;
      this._head = 0;
    } else if (this._head >= 1024 && this._head * 2 >= queue.length) {
      // A stream that never lets the queue empty: drop the delivered front now and then.
      queue.splice(0, this._head);
      this._head = 0;
    }
    this._arm();
  }
}

/**
 * A stream transport over the simulated network (Python's `Transport`, as
 * `_SelectorSocketTransport` implements it over a socket): user code gets it through
 * `connectionMade` or a StreamWriter's `transport`, and never constructs one.
 *
 * `getExtraInfo` answers `'peername'` and `'sockname'` (`[address, port]`); there is no
 * `'socket'`.
 *
 * @example
 * class Greeter extends asyncio.Protocol {
 *   override connectionMade(transport: asyncio.BaseTransport) {
 *     (transport as NetworkTransport).write(`hello ${transport.getExtraInfo("peername")}`);
 *     transport.close();
 *   }
 * }
 * function* main() {
 *   const loop = asyncio.getRunningLoop();
 *   const server = yield* loop.createServer(() => new Greeter(), "127.0.0.1", 25);
 *   const [reader, writer] = yield* asyncio.openConnection("127.0.0.1", 25);
 *   const greeting = new TextDecoder().decode(yield* reader.read());
 *   const transport = writer.transport as NetworkTransport;
 *   writer.close();
 *   server.close();
 *   yield* server.waitClosed();
 *   return [greeting, transport instanceof NetworkTransport, transport.getWriteBufferSize()];
 * }
 * const result = await runTest(main, { network: new Network() });
 * console.assert(JSON.stringify(result) === '["hello 127.0.0.1,49152",true,0]', result);
 */
export class NetworkTransport implements Transport {
  /** @internal */ _wire: Wire;
  /** @internal */ _loop: EventLoop;
  /** @internal Where protocol callbacks run: the context of the host's code (its host name). */
  _context: Context;
  /** @internal Null until the connection is accepted (server side). */
  _protocol: BaseProtocol | null;
  /** @internal */ _peer: NetworkTransport | null;
  /** @internal The pipe to the peer. */
  _out: Pipe;
  /** @internal The pipe from the peer. */
  _in: Pipe;
  /** @internal */ _extra: { peername: InetAddress; sockname: InetAddress };
  /** @internal Called once connectionLost ran (the server detaches it, the host frees its port). */
  _onLost: ((transport: NetworkTransport) => void) | null;
  /** @internal Called when the handshake's last segment arrives (server side): the server accepts it. */
  _onAccept: ((transport: NetworkTransport) => void) | null;
  /** @internal */ _waiter: Future<undefined> | null;
  /** @internal connectionMade ran (or is running). */
  _made: boolean;
  /** @internal */ _closing: boolean;
  /** @internal connectionLost is scheduled or ran. */
  _connLost: boolean;
  /** @internal The socket is closed: arrivals are answered with a reset. */
  _socketClosed: boolean;
  /** @internal Writes dropped because the transport was closing. */
  _droppedWrites: number;
  /** @internal */ _lostError: Error | undefined;
  /** @internal */ _readingPaused: boolean;
  /** @internal */ _protocolPaused: boolean;
  /** @internal writeEof was called. */
  _eof: boolean;
  /** @internal */ _finSent: boolean;
  /** @internal */ _high: number;
  /** @internal */ _low: number;
  /** @internal Written, not yet on the wire. */
  _buffer: Uint8Array[];
  /** @internal */ _bufferSize: number;
  /** @internal Arrived, not yet given to the protocol. */
  _received: Uint8Array[];
  /** @internal */ _receivedSize: number;
  /** @internal */ _finReceived: boolean;
  /** @internal */ _eofDelivered: boolean;
  /** @internal */ _readScheduled: boolean;
  /** @internal */ _writeScheduled: boolean;
  /** @internal */ _read: () => void;
  /** @internal */ _writeReady: () => void;

  /** @internal */
  constructor(wire: Wire, loop: EventLoop, context: Context, out: Pipe, incoming: Pipe, sockname: InetAddress, peername: InetAddress) {
    this._wire = wire;
    this._loop = loop;
    this._context = context;
    this._protocol = null;
    this._peer = null;
    this._out = out;
    this._in = incoming;
    incoming._receiver = this;
    this._extra = { peername, sockname };
    this._onLost = null;
    this._onAccept = null;
    this._waiter = null;
    this._made = false;
    this._closing = false;
    this._connLost = false;
    this._socketClosed = false;
    this._droppedWrites = 0;
    this._lostError = undefined;
    this._readingPaused = false;
    this._protocolPaused = false;
    this._eof = false;
    this._finSent = false;
    [this._high, this._low] = _waterMarks(undefined, undefined);
    this._buffer = [];
    this._bufferSize = 0;
    this._received = [];
    this._receivedSize = 0;
    this._finReceived = false;
    this._eofDelivered = false;
    this._readScheduled = false;
    this._writeScheduled = false;
    this._read = () => this._doRead();
    this._writeReady = () => this._doWriteReady();
  }

  /**
   * `'peername'` and `'sockname'`: `[address, port]` of the other end and of this one
   * (Python's `get_extra_info`); any other name gives `defaultValue`.
   */
  getExtraInfo(name: string, defaultValue?: unknown): unknown {
    return name === "peername" || name === "sockname" ? [...this._extra[name]] : defaultValue;
  }

  isClosing(): boolean {
    return this._closing;
  }

  setProtocol(protocol: ProtocolLike | BufferedProtocolLike): void {
    this._protocol = completed(protocol);
  }

  getProtocol(): BaseProtocol {
    return this._protocol!;
  }

  isReading(): boolean {
    return !this._readingPaused && !this._closing;
  }

  pauseReading(): void {
    if (this._closing || this._readingPaused) return;
    this._readingPaused = true;
  }

  resumeReading(): void {
    if (this._closing || !this._readingPaused) return;
    this._readingPaused = false;
    this._scheduleRead();
  }

  setWriteBufferLimits(high?: number, low?: number): void {
    [this._high, this._low] = _waterMarks(high, low);
    this._maybePauseProtocol();
  }

  getWriteBufferLimits(): [low: number, high: number] {
    return [this._low, this._high];
  }

  getWriteBufferSize(): number {
    return this._bufferSize;
  }

  /**
   * Sends `data` (a string as UTF-8) as far as the receiver's window allows and buffers
   * the rest (Python's `write`).
   *
   * Once the transport is closing (`close()`, `abort()`, a reset) a write is dropped, as
   * CPython drops it: the next `drain()` raises.
   *
   * @throws TypeError for data that is not bytes or a string; RuntimeError after `writeEof()`.
   */
  write(data: Uint8Array | string): void {
    if (typeof data !== "string" && !(data instanceof Uint8Array)) {
      throw new TypeError(`data argument must be a bytes-like object (Uint8Array) or a string, not ${data === null ? "null" : typeof data}`);
    }
    if (this._eof) throw new RuntimeError("Cannot call write() after writeEof()");
    if (data.length === 0) return;
    if (this._closing) {
      this._dropWrite();
      return;
    }
    this._buffer.push(typeof data === "string" ? encoder.encode(data) : data.slice());
    this._bufferSize += this._buffer[this._buffer.length - 1]!.length;
    this._flush();
    this._maybePauseProtocol();
  }

  writelines(list: Iterable<Uint8Array | string>): void {
    if (this._eof) throw new RuntimeError("Cannot call writelines() after writeEof()");
    for (const data of list) this.write(data);
  }

  writeEof(): void {
    if (this._closing || this._eof) return;
    this._eof = true;
    if (this._bufferSize === 0) this._sendFin();
  }

  canWriteEof(): boolean {
    return true;
  }

  /**
   * Stops reading at once, sends what is buffered, then closes: `connectionLost(undefined)`
   * follows (Python's `close`). Data that arrived and was never read makes the close a
   * reset for the peer, as a socket's does.
   */
  close(): void {
    if (this._closing) return;
    this._closing = true;
    if (this._bufferSize === 0) this._lose(undefined);
  }

  /** Closes at once, dropping the buffer (Python's `abort`); `connectionLost(undefined)` follows. */
  abort(): void {
    this._forceClose(undefined);
  }

  toString(): string {
    const state = this._connLost ? "closed" : this._closing ? "closing" : "open";
    const [host, port] = this._extra.peername;
    return `<NetworkTransport ${state} peer=${JSON.stringify([host, port])} buffer=${this._bufferSize}>`;
  }

  // ---- internals ----

  /** @internal Schedules `fn` on the loop, in this end's context. */
  _soon(fn: () => void): void {
    if (!this._loop.isClosed()) this._loop._callSoon(fn, [], this._context);
  }

  /** @internal The protocol is there (client: at once; server: when accepted): connectionMade next. */
  _start(protocol: ProtocolLike | BufferedProtocolLike, waiter: Future<undefined> | null): void {
    this._protocol = completed(protocol);
    this._waiter = waiter;
    this._soon(() => {
      if (this._connLost) return;
      this._made = true;
      try {
        this._protocol!.connectionMade(this);
      } finally {
        const waiter = this._waiter;
        this._waiter = null;
        if (waiter !== null && !waiter.done()) waiter.setResult(undefined);
      }
      // Reading starts on the next iteration, as asyncio's call_soon(_add_reader).
      this._scheduleRead();
    });
  }

  /**
   * @internal A write once the transport is closing is dropped, as CPython's transports
   * (and asyncio-ts's socket transport) drop it: the next drain() tells; from the fifth
   * on, each says so as CPython logs it.
   */
  _dropWrite(): void {
    this._droppedWrites++;
    if (this._droppedWrites >= LOG_THRESHOLD_FOR_CONNLOST_WRITES) console.warn(`socket.send() raised exception. (${this}: a write after the connection was closed or lost is dropped)`);
  }

  /** @internal Moves buffered bytes onto the wire while the peer's window has room. */
  _flush(): void {
    if (this._socketClosed) return;
    const wire = this._wire;
    const peer = this._peer;
    let room = wire._receiveBuffer - this._out._inFlight - (peer === null || peer._socketClosed ? 0 : peer._receivedSize);
    const buffer = this._buffer;
    while (this._bufferSize > 0 && room > 0) {
      const first = buffer[0]!;
      const n = Math.min(room, wire._mss, first.length);
      if (n === first.length) buffer.shift();
      else buffer[0] = first.subarray(n);
      this._bufferSize -= n;
      room -= n;
      this._out._send(DATA, n === first.length ? first : first.subarray(0, n));
    }
    if (this._bufferSize > 0) return;
    if (this._closing && !this._connLost) this._lose(undefined);
    else if (this._eof) this._sendFin();
  }

  /** @internal */
  _sendFin(): void {
    if (this._finSent || this._socketClosed) return;
    this._finSent = true;
    this._out._send(FIN, null);
  }

  /** @internal The peer's window opened: flush on the next iteration (Python's `_write_ready`). */
  _scheduleWrite(): void {
    if (this._writeScheduled || this._bufferSize === 0 || this._connLost) return;
    this._writeScheduled = true;
    this._soon(this._writeReady);
  }

  /** @internal */
  _doWriteReady(): void {
    this._writeScheduled = false;
    if (this._connLost) return;
    this._flush();
    if (this._protocolPaused && this._bufferSize <= this._low) {
      this._protocolPaused = false;
      this._callProtocol("resume_writing", () => this._protocol!.resumeWriting());
    }
  }

  /** @internal */
  _maybePauseProtocol(): void {
    if (this._protocolPaused || this._bufferSize <= this._high || this._connLost) return;
    this._protocolPaused = true;
    this._callProtocol("pause_writing", () => this._protocol!.pauseWriting());
  }

  /** @internal Python reports a failing pause_writing / resume_writing and goes on. */
  _callProtocol(name: string, call: () => void): void {
    try {
      call();
    } catch (error) {
      this._loop.callExceptionHandler({ message: `protocol.${name}() failed`, exception: error, transport: this, protocol: this._protocol });
    }
  }

  /** @internal A segment from the peer arrived. */
  _segmentArrived(kind: Kind, data: Uint8Array | null): void {
    if (kind === RST) {
      this._reset();
      return;
    }
    if (this._socketClosed) {
      // Data for a closed socket: the kernel answers with a reset.
      if (kind === DATA) this._out._sendReset();
      return;
    }
    if (kind === ACK) {
      this._onAccept?.(this);
      return;
    }
    if (kind === FIN) this._finReceived = true;
    else {
      this._received.push(data!);
      this._receivedSize += data!.length;
    }
    this._scheduleRead();
  }

  /** @internal */
  _scheduleRead(): void {
    if (this._readScheduled || this._readingPaused || this._closing || !this._made) return;
    if (this._receivedSize === 0 && !(this._finReceived && !this._eofDelivered)) return;
    this._readScheduled = true;
    this._soon(this._read);
  }

  /** @internal One read, as one wake-up of asyncio's reader callback: data, or end of file. */
  _doRead(): void {
    this._readScheduled = false;
    if (this._readingPaused || this._closing) return;
    if (this._receivedSize > 0) {
      const data = this._take(MAX_READ);
      this._peer?._scheduleWrite(); // the window opened
      this._deliverData(data);
      this._scheduleRead();
      return;
    }
    if (this._finReceived && !this._eofDelivered) {
      this._eofDelivered = true;
      let keepOpen: unknown;
      try {
        keepOpen = (this._protocol as Protocol).eofReceived();
      } catch (error) {
        this._fatalError(error, "Fatal error: protocol.eof_received() call failed.");
        return;
      }
      if (!keepOpen) this.close();
    }
  }

  /** @internal Up to `max` received bytes, in one array. */
  _take(max: number): Uint8Array {
    const received = this._received;
    const first = received[0]!;
    if (first.length >= max || received.length === 1) {
      const n = Math.min(first.length, max);
      if (n === first.length) received.shift();
      else received[0] = first.subarray(n);
      this._receivedSize -= n;
      return n === first.length ? first : first.slice(0, n);
    }
    const n = Math.min(this._receivedSize, max);
    const out = new Uint8Array(n);
    let at = 0;
    while (at < n) {
      const chunk = received[0]!;
      const k = Math.min(chunk.length, n - at);
      out.set(k === chunk.length ? chunk : chunk.subarray(0, k), at);
      if (k === chunk.length) received.shift();
      else received[0] = chunk.subarray(k);
      at += k;
    }
    this._receivedSize -= n;
    return out;
  }

  /** @internal */
  _deliverData(data: Uint8Array): void {
    const protocol = this._protocol!;
    const buffered = _isBufferedProtocol(protocol);
    try {
      _feedProtocol(protocol, buffered, data, this);
    } catch (error) {
      this._fatalError(error, `Fatal error: protocol.${buffered ? "buffer_updated" : "data_received"}() call failed.`);
    }
  }

  /** @internal Python's `_fatal_error`: report the error, then close with it. */
  _fatalError(error: unknown, message: string): void {
    this._loop.callExceptionHandler({ message, exception: error, transport: this, protocol: this._protocol });
    this._forceClose(error instanceof Error ? error : new RuntimeError(String(error)));
  }

  /** @internal Python's `_force_close`: drop the buffer, connectionLost(exc) next. */
  _forceClose(exc: Error | undefined): void {
    if (this._connLost) return;
    this._buffer.length = 0;
    this._bufferSize = 0;
    this._closing = true;
    this._lose(exc);
  }

  /** @internal connectionLost(exc) on the next iteration; then the socket closes. */
  _lose(exc: Error | undefined): void {
    if (this._connLost) return;
    this._connLost = true;
    this._closing = true;
    this._lostError = exc;
    const waiter = this._waiter;
    if (waiter !== null) {
      this._waiter = null;
      if (!waiter.done()) waiter.setException(exc ?? connectionReset());
    }
    if (!this._made || this._loop.isClosed()) {
      this._closeSocket();
      this._onLost?.(this);
      return;
    }
    this._soon(() => {
      try {
        this._protocol!.connectionLost(exc);
      } finally {
        this._closeSocket();
        this._onLost?.(this);
      }
    });
  }

  /**
   * @internal The socket closes (Python's `sock.close()` after connection_lost): a FIN
   * after what is on the wire, or a reset if received data was never read.
   */
  _closeSocket(): void {
    if (this._socketClosed) return;
    this._socketClosed = true;
    if (this._receivedSize > 0) {
      this._received.length = 0;
      this._receivedSize = 0;
      this._out._sendReset();
    } else if (!this._finSent) {
      this._finSent = true;
      this._out._send(FIN, null);
    }
    this._forgetIfGone();
  }

  /** @internal Once both sockets are closed nothing more can be seen: what is on its way is dropped, its timers cancelled. */
  _forgetIfGone(): void {
    const peer = this._peer;
    if (!this._socketClosed || (peer !== null && !peer._socketClosed)) return;
    this._in._drop();
    this._out._drop();
  }

  /**
   * @internal This end answers with a reset and is gone (a listening socket closed with
   * the connection not yet accepted).
   */
  _resetPeer(): void {
    if (this._socketClosed) return;
    this._socketClosed = true;
    this._finSent = true;
    this._in._drop();
    this._received.length = 0;
    this._receivedSize = 0;
    this._out._sendReset();
    this._forgetIfGone();
    this._forceClose(undefined);
  }

  /**
   * @internal A reset arrived, or the network reset the connection: what is on its way
   * either way is gone, and connectionLost(ConnectionResetError) follows.
   */
  _reset(): void {
    if (this._socketClosed) return;
    this._socketClosed = true;
    this._finSent = true;
    this._in._drop();
    this._out._drop();
    this._received.length = 0;
    this._receivedSize = 0;
    this._forceClose(connectionReset());
  }
}

/** @internal Sends the handshake's last segment, after which the server accepts. */
export function sendAck(pipe: Pipe): void {
  pipe._send(ACK, null);
}

/** A protocol written without its base class answers every method the transport calls. */
function completed(protocol: ProtocolLike | BufferedProtocolLike): BaseProtocol {
  return _completeProtocol(protocol, _isBufferedProtocol(protocol) ? BufferedProtocol : StreamBase) as BaseProtocol;
}
