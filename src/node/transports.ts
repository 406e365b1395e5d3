/**
 * The stream transport over Node's `net` and `tls` sockets (Python's
 * `_SelectorSocketTransport`, and the TLS transport of `sslproto`), and the loop methods
 * that connect one, `loop.createConnection` and `loop.createUnixConnection` (Python's
 * `create_connection` and `create_unix_connection`). The Server is in servers.ts, the
 * datagram transport in datagram.ts; `TransportLoopMethods` names the loop methods of
 * all three.
 *
 * Node reports socket events outside the loop's turns; a transport collects them and
 * puts itself on the loop's ready queue, so protocol callbacks always run on the loop,
 * in asyncio's order: `connectionMade`, then one read per loop iteration
 * (`dataReceived` or `eofReceived`), and `connectionLost` last.
 */
import * as net from "node:net";
import * as tls from "node:tls";
import type { Coroutine } from "../core/coroutines";
import { EventLoop, type Runnable, _addLoopHooks } from "../core/events";
import { loopNetwork } from "../core/networks";
import { RuntimeError } from "../core/exceptions";
import { Future, wrapPromise } from "../core/futures";
import { describe } from "../core/repr";
import type { DatagramOptions, UdpTransport } from "./datagram";
import type { ExtraInfoOr, TcpExtraInfo, UnixExtraInfo } from "./extrainfo";
import { ConnectionResetError, osError } from "./oserrors";
import {
  type BaseProtocol,
  BufferedProtocol,
  type BufferedProtocolLike,
  type DatagramProtocolLike,
  type InetAddress,
  Protocol,
  type ProtocolLike,
  type Transport,
  _completeProtocol,
  _isBufferedProtocol,
  DEFAULT_HIGH_WATER,
  feedProtocol,
  waterMarks,
} from "./protocols";
import type { Server, ServerOptions, UnixServerOptions } from "./servers";

// streams.ts takes the Server and its options from here.
export { Server, type ServerOptions, type UnixServerOptions } from "./servers";

/**
 * TLS settings, Python's `ssl=` argument:
 * - `true`: a client that verifies the server against Node's default CAs and checks
 *   the host name (Python's `ssl.create_default_context()`);
 * - an options object, passed to `tls.connect` / `tls.createServer`: `ca`, `cert`,
 *   `key`, `rejectUnauthorized`, `requestCert`, `minVersion`, … (a server needs `cert`
 *   and `key`);
 * - for a client, a `tls.SecureContext` from `tls.createSecureContext(...)` (Python's
 *   `SSLContext`); a server takes the options object only.
 *
 * `false` or omitted: no TLS.
 */
export type SslOption = boolean | tls.SecureContext | SslOptions;

/** The TLS options an `ssl` object may hold (Node's `tls.connect` and `tls.createServer` options). */
export type SslOptions = Omit<tls.ConnectionOptions & tls.TlsOptions, "host" | "port" | "path" | "socket" | "servername">;

/** Options of `loop.createConnection` and `openConnection`. */
export interface ConnectionOptions {
  /** TLS: see `SslOption`. */
  ssl?: SslOption;
  /**
   * The host name to check the server's certificate against and to send as SNI
   * (Python's `server_hostname`); defaults to `host`. `""` turns the host name check
   * off. Only meaningful with `ssl`.
   */
  serverHostname?: string;
  /** `[host, port]` to bind the local end to (Python's `local_addr`). */
  localAddr?: [host: string, port: number];
}


/** Options of `loop.createUnixConnection` and `openUnixConnection`. */
export type UnixConnectionOptions = Omit<ConnectionOptions, "localAddr">;

/**
 * A stream protocol: what `createConnection` and `createServer` accept from their factory,
 * a `Protocol` or `BufferedProtocol`, or any object with some of their methods (a method
 * it lacks does nothing, as the base class's).
 */
export type StreamProtocol = ProtocolLike | BufferedProtocolLike;

/** The loop methods this module adds to `EventLoop` (on Node). */
export interface TransportLoopMethods {
  /**
   * Connects to `host:port` over TCP (TLS with `ssl`), then makes the protocol with
   * `protocolFactory` and gives `[transport, protocol]` once its `connectionMade` ran
   * (Python's `loop.create_connection`). On a loop with a simulated network installed
   * (`asyncio-ts/testing`'s `Network`), it connects through that network instead.
   *
   * @throws ConnectionRefusedError and the other OSErrors of connecting; SSLError /
   * SSLCertVerificationError for TLS failures; RangeError for `serverHostname`
   * without `ssl`.
   */
  createConnection<P extends StreamProtocol>(protocolFactory: () => P, host: string, port: number, options?: ConnectionOptions): Coroutine<[SocketTransport<TcpExtraInfo>, P]>;
  /**
   * Listens on `host:port` (every address of `host`; all interfaces when it is null
   * or undefined; port 0 picks a free port) and serves each connection with a new
   * protocol from `protocolFactory` (Python's `loop.create_server`). On a loop with a
   * simulated network installed, it listens on that network (and gives its
   * `NetworkServer`, an `AbstractServer` as `Server` is).
   *
   * @throws OSError (e.g. address already in use) when it cannot listen; TypeError for
   * `ssl` without a certificate.
   */
  createServer(protocolFactory: () => StreamProtocol, host: string | readonly string[] | null | undefined, port: number, options?: ServerOptions): Coroutine<Server<InetAddress>>;
  /** As `createConnection`, over the Unix socket at `path` (Python's `loop.create_unix_connection`). */
  createUnixConnection<P extends StreamProtocol>(protocolFactory: () => P, path: string, options?: UnixConnectionOptions): Coroutine<[SocketTransport<UnixExtraInfo>, P]>;
  /**
   * As `createServer`, on the Unix socket at `path`; a stale socket file there is
   * removed first (Python's `loop.create_unix_server`).
   *
   * @throws OSError when `path` exists and is not a socket, or it cannot listen.
   */
  createUnixServer(protocolFactory: () => StreamProtocol, path: string, options?: UnixServerOptions): Coroutine<Server<string>>;
  /**
   * Opens a UDP endpoint bound to `localAddr` and/or connected to `remoteAddr`, and
   * gives `[transport, protocol]` (Python's `loop.create_datagram_endpoint`).
   *
   * @throws RangeError when neither address nor a family is given; OSError when it
   * cannot bind.
   */
  createDatagramEndpoint<P extends DatagramProtocolLike>(protocolFactory: () => P, options: DatagramOptions): Coroutine<[UdpTransport, P]>;
}

// asyncio reads at most 256 KiB at a time (selector_events' max_size).
const MAX_PENDING_READ = 256 * 1024;
const LOG_PREFIX = "Fatal error: protocol";
// CPython's constants.LOG_THRESHOLD_FOR_CONNLOST_WRITES: the first writes after a loss are dropped quietly.
const LOG_THRESHOLD_FOR_CONNLOST_WRITES = 5;

/** A transport or server that closing its loop must release. */
interface LoopResource {
  _releaseOnLoopClose(): void;
}

// Open transports and servers, per loop. Closing the loop releases their sockets, as
// Python's garbage collector does (a transport's __del__ closes its socket): a program
// that forgot to close a connection or a server ends instead of hanging on it.
const liveResources = new WeakMap<EventLoop, Set<LoopResource>>();

/** @internal Registers an open transport or server of `loop`. */
export function track(loop: EventLoop, resource: LoopResource): void {
  let live = liveResources.get(loop);
  if (live === undefined) liveResources.set(loop, (live = new Set()));
  live.add(resource);
}

/** @internal The transport or server was closed: closing the loop need not release it. */
export function untrack(loop: EventLoop, resource: LoopResource): void {
  liveResources.get(loop)?.delete(resource);
}

_addLoopHooks({
  closed(loop: EventLoop): void {
    const live = liveResources.get(loop);
    if (live === undefined) return;
    liveResources.delete(loop);
    for (const resource of live) resource._releaseOnLoopClose();
  },
});

// ---- stream transports over net.Socket / tls.TLSSocket ----

/**
 * A TCP, TLS or Unix socket transport (Python's `_SelectorSocketTransport` and the TLS
 * transport of `sslproto`). Made by the loop methods; user code gets it through
 * `connectionMade` and never constructs one. `I` types `getExtraInfo`: `TcpExtraInfo`
 * from `loop.createConnection`, `UnixExtraInfo` from `loop.createUnixConnection`.
 */
export class SocketTransport<I extends TcpExtraInfo | UnixExtraInfo = TcpExtraInfo | UnixExtraInfo> implements Transport, Runnable {
  /** @internal */ _loop: EventLoop;
  /** @internal */ _sock: net.Socket;
  /** @internal The protocol, completed with the base class's no-ops (see _completeProtocol). */
  _protocol: Protocol | BufferedProtocol;
  /** @internal */ _buffered: boolean;
  /** @internal The protocol copies what it receives (a StreamReaderProtocol): it may get Node's Buffer as it is. */
  _copies: boolean;
  /** @internal */ _server: Server | null;
  /** @internal */ _waiter: Future<undefined> | null;
  /** @internal */ _tls: boolean;
  /** @internal */ _extra: Record<string, unknown>;
  /** @internal Closing by close() or abort(), or the connection is lost. */
  _closing: boolean;
  /** @internal */ _readingPaused: boolean;
  /** @internal */ _protocolPaused: boolean;
  /** @internal */ _eofWritten: boolean;
  /** @internal */ _high: number;
  /** @internal */ _low: number;
  /** @internal On the ready queue already. */
  _scheduled: boolean;
  /** @internal connectionMade is still to be called. */
  _madePending: boolean;
  /** @internal Data that arrived and is not delivered yet. */
  _chunks: Uint8Array[];
  /** @internal Bytes in _chunks. */
  _pendingBytes: number;
  /** @internal The socket is paused because _chunks is full (not by pauseReading). */
  _hostPaused: boolean;
  /** @internal */ _eofPending: boolean;
  /** @internal connectionLost is queued (with _lostError). */
  _lostQueued: boolean;
  /** @internal */ _lostError: Error | undefined;
  /** @internal connectionLost was called: nothing more is. */
  _connLost: boolean;
  /** @internal The first error Node reported on the socket. */
  _error: Error | undefined;
  /** @internal */ _resumeScheduled: boolean;
  /** @internal Writes dropped because the transport was closing. */
  _droppedWrites: number;
  /** @internal */ _onWritten: () => void;
  /** @internal */ _resumeProtocol: () => void;

  /** @internal */
  constructor(
    loop: EventLoop,
    sock: net.Socket,
    protocol: StreamProtocol,
    server: Server | null,
    waiter: Future<undefined> | null,
    sslContext: unknown,
    unixPath: string | null,
  ) {
    this._loop = loop;
    this._sock = sock;
    this._buffered = _isBufferedProtocol(protocol);
    this._protocol = _completeProtocol(protocol, this._buffered ? BufferedProtocol : Protocol) as Protocol | BufferedProtocol;
    this._copies = (protocol as { _copiesData?: boolean })._copiesData === true;
    this._server = server;
    this._waiter = waiter;
    this._tls = sock instanceof tls.TLSSocket;
    this._extra = socketExtra(sock, sslContext, unixPath, server !== null);
    this._closing = false;
    this._readingPaused = false;
    this._protocolPaused = false;
    this._eofWritten = false;
    this._high = DEFAULT_HIGH_WATER;
    this._low = DEFAULT_HIGH_WATER / 4;
    this._scheduled = false;
    this._madePending = true;
    this._chunks = [];
    this._pendingBytes = 0;
    this._hostPaused = false;
    this._eofPending = false;
    this._lostQueued = false;
    this._lostError = undefined;
    this._connLost = false;
    this._error = undefined;
    this._resumeScheduled = false;
    this._droppedWrites = 0;
    this._onWritten = () => {
      if (this._protocolPaused && this._sock.writableLength <= this._low) this._scheduleResume();
    };
    this._resumeProtocol = () => this._doResumeProtocol();
    if (server !== null) server._attach(this);
    track(loop, this);
    // asyncio enables TCP_NODELAY on every TCP socket.
    if (unixPath === null) sock.setNoDelay(true);
    sock.on("data", (chunk: Buffer) => this._onData(chunk));
    sock.on("end", () => this._onEnd());
    sock.on("error", (error: Error) => {
      this._error ??= osError(error) as Error;
    });
    sock.on("close", () => this._queueLost(this._error));
    sock.on("drain", this._onWritten);
    if (sock.destroyed) this._queueLost((sock.errored ? osError(sock.errored) : new ConnectionResetError("Connection lost")) as Error);
    this._schedule();
  }

  /**
   * Information about the connection, or `defaultValue` (Python's `get_extra_info`):
   * `'peername'` and `'sockname'` (`[host, port]` over TCP, a path over a Unix socket),
   * `'socket'` (the Node socket), and over TLS `'sslcontext'`, `'sslobject'`,
   * `'peercert'` and `'cipher'`; typed by `I` (see `TcpExtraInfo`). Another name gives
   * `defaultValue`.
   */
  getExtraInfo<K extends keyof I & string>(name: K): I[K];
  getExtraInfo<K extends keyof I & string, D>(name: K, defaultValue: D): ExtraInfoOr<I, K, D>;
  getExtraInfo(name: string, defaultValue?: unknown): unknown;
  getExtraInfo(name: string, defaultValue?: unknown): unknown {
    if (name === "socket") return this._sock;
    if (name === "sslobject") return this._tls ? this._sock : defaultValue;
    if (this._tls && (name === "peercert" || name === "cipher")) {
      const sock = this._sock as tls.TLSSocket;
      if (sock.destroyed) return defaultValue;
      if (name === "peercert") {
        const cert = sock.getPeerCertificate();
        return cert && Object.keys(cert).length > 0 ? cert : defaultValue;
      }
      const cipher = sock.getCipher();
      return [cipher.name, cipher.version];
    }
    return name in this._extra ? this._extra[name] : defaultValue;
  }

  isClosing(): boolean {
    return this._closing;
  }

  setProtocol(protocol: StreamProtocol): void {
    this._buffered = _isBufferedProtocol(protocol);
    this._protocol = _completeProtocol(protocol, this._buffered ? BufferedProtocol : Protocol) as Protocol | BufferedProtocol;
    this._copies = (protocol as { _copiesData?: boolean })._copiesData === true;
  }

  getProtocol(): BaseProtocol {
    return this._protocol;
  }

  isReading(): boolean {
    return !this._readingPaused && !this._closing;
  }

  pauseReading(): void {
    if (this._closing || this._readingPaused) return;
    this._readingPaused = true;
    this._sock.pause();
  }

  resumeReading(): void {
    if (this._closing || !this._readingPaused) return;
    this._readingPaused = false;
    if (!this._hostPaused) this._sock.resume();
    if (this._chunks.length > 0 || this._eofPending) this._schedule();
  }

  setWriteBufferLimits(high?: number, low?: number): void {
    const [h, l] = waterMarks(high, low);
    this._high = h;
    this._low = l;
    this._maybePauseProtocol();
  }

  getWriteBufferLimits(): [low: number, high: number] {
    return [this._low, this._high];
  }

  getWriteBufferSize(): number {
    return this._connLost ? 0 : this._sock.writableLength;
  }

  write(data: Uint8Array | string): void {
    if (typeof data !== "string" && !(data instanceof Uint8Array)) {
      throw new TypeError(`data argument must be a bytes-like object (Uint8Array) or a string, not ${describe(data)}`);
    }
    if (this._eofWritten) throw new RuntimeError("Cannot call write() after writeEof()");
    if (data.length === 0) return;
    if (this._closing) {
      this._dropWrite();
      return;
    }
    const sock = this._sock;
    // Only a write that may take the buffer across the low-water mark needs to tell
    // when it is flushed (that is when resumeWriting may be due).
    if (sock.writableLength + data.length > this._low) sock.write(data, this._onWritten);
    else sock.write(data);
    if (sock.errored !== null) {
      // The kernel refused the send (the peer reset the connection: EPIPE, ECONNRESET).
      // Node says so at once in `errored` and emits 'error' a tick later; CPython's
      // sock.send() raises at once and the transport starts closing (`_fatal_error`):
      // so do we, and the next drain() sees it.
      this._forceClose(osError(sock.errored) as Error);
      return;
    }
    if (!this._protocolPaused && sock.writableLength > this._high) this._pauseProtocol();
  }

  writelines(list: Iterable<Uint8Array | string>): void {
    if (this._eofWritten) throw new RuntimeError("Cannot call writelines() after writeEof()");
    const sock = this._sock;
    sock.cork();
    try {
      for (const data of list) this.write(data);
    } finally {
      sock.uncork();
    }
  }

  writeEof(): void {
    if (this._tls) throw new RuntimeError("writeEof() is not supported over TLS (canWriteEof() is false)");
    if (this._closing || this._eofWritten) return;
    this._eofWritten = true;
    this._sock.end();
  }

  canWriteEof(): boolean {
    return !this._tls;
  }

  close(): void {
    if (this._closing) return;
    this._closing = true;
    // Like asyncio, which stops reading at once: nothing more is delivered.
    this._chunks.length = 0;
    this._eofPending = false;
    const sock = this._sock;
    if (!this._tls && sock.writableLength === 0) {
      sock.destroy();
      this._queueLost(undefined);
    } else {
      // Flush what is buffered (and TLS's close_notify), then close; 'close' follows.
      sock.destroySoon();
    }
  }

  abort(): void {
    this._forceClose(undefined);
  }

  toString(): string {
    const state = this._connLost ? "closed" : this._closing ? "closing" : "open";
    const peer = this._extra.peername;
    return `<${this._tls ? "TLS" : "Socket"}Transport ${state}${peer ? ` peer=${JSON.stringify(peer)}` : ""}>`;
  }

  /** @internal Runs from the ready queue: delivers one pending event to the protocol. */
  _run(): void {
    this._scheduled = false;
    if (this._connLost) return;
    if (this._madePending) {
      this._madePending = false;
      this._callProtocol(CONNECTION_MADE);
      const waiter = this._waiter;
      if (waiter !== null) {
        this._waiter = null;
        if (!waiter.cancelled()) waiter.setResult(undefined);
      }
      // Reading starts on the next iteration, as asyncio's call_soon(_add_reader).
      if (this._hasPending()) this._schedule();
      return;
    }
    if (!this._readingPaused && !this._closing) {
      const chunks = this._chunks;
      if (chunks.length > 0) {
        // A plain Uint8Array view: Buffer's slice() shares memory, Uint8Array's copies.
        const buf = chunks.length === 1 ? (chunks[0] as Buffer) : Buffer.concat(chunks);
        const data = this._copies ? buf : new Uint8Array(buf.buffer, buf.byteOffset, buf.length);
        chunks.length = 0;
        this._pendingBytes = 0;
        if (this._hostPaused) {
          this._hostPaused = false;
          if (!this._readingPaused) this._sock.resume();
        }
        this._deliverData(data);
        if (this._hasPending()) this._schedule();
        return;
      }
      if (this._eofPending) {
        this._eofPending = false;
        this._deliverEof();
        if (this._hasPending()) this._schedule();
        return;
      }
    }
    if (this._lostQueued && (this._closing || (this._chunks.length === 0 && !this._eofPending))) {
      this._callConnectionLost();
    }
  }

  // ---- internals ----

  /**
   * @internal A write once the transport is closing (close(), abort(), or the connection
   * lost) is dropped, as CPython's transports drop it, so that a program's dead-peer
   * handling runs at its next drain(); from the fifth on, each says so as CPython logs it.
   */
  _dropWrite(): void {
    this._droppedWrites++;
    if (this._droppedWrites >= LOG_THRESHOLD_FOR_CONNLOST_WRITES) console.warn(`socket.send() raised exception. (${this}: a write after the connection was closed or lost is dropped)`);
  }

  /** @internal */
  _hasPending(): boolean {
    return this._chunks.length > 0 || this._eofPending || this._lostQueued;
  }

  /** @internal */
  _schedule(): void {
    if (this._scheduled) return;
    if (this._loop._closed) {
      // Nobody can run the callbacks any more.
      this._sock.destroy();
      return;
    }
    this._scheduled = true;
    this._loop._scheduleTask(this);
  }

  /** @internal */
  _onData(chunk: Buffer): void {
    if (this._closing) return;
    this._chunks.push(chunk);
    this._pendingBytes += chunk.length;
    // Node may read a lot before the loop's next turn: hold the socket back past
    // asyncio's largest single read, so what waits undelivered stays bounded.
    if (this._pendingBytes > MAX_PENDING_READ && !this._hostPaused) {
      this._hostPaused = true;
      this._sock.pause();
    }
    if (!this._readingPaused) this._schedule();
  }

  /** @internal */
  _onEnd(): void {
    if (this._closing) return;
    this._eofPending = true;
    if (!this._readingPaused) this._schedule();
  }

  /** @internal */
  _queueLost(error: Error | undefined): void {
    if (this._lostQueued) return;
    this._lostQueued = true;
    this._lostError = error;
    this._closing = true;
    this._schedule();
  }

  /** @internal Python's `_force_close`: drop everything, connectionLost(exc) next. */
  _forceClose(exc: Error | undefined): void {
    if (this._connLost) return;
    this._closing = true;
    this._chunks.length = 0;
    this._eofPending = false;
    this._sock.destroy();
    this._queueLost(exc);
  }

  /** @internal Python's `_fatal_error`: report the error, then close with it. */
  _fatalError(exc: unknown, message: string): void {
    this._loop.callExceptionHandler({ message, exception: exc, transport: this, protocol: this._protocol });
    this._forceClose(exc instanceof Error ? exc : new RuntimeError(String(exc)));
  }

  /** @internal */
  _deliverData(data: Uint8Array): void {
    try {
      feedProtocol(this._protocol, this._buffered, data, this);
    } catch (error) {
      this._fatalError(error, `${LOG_PREFIX}.${this._buffered ? "buffer_updated" : "data_received"}() call failed.`);
    }
  }

  /** @internal Python's `_read_ready__on_eof`. */
  _deliverEof(): void {
    let keepOpen: unknown;
    try {
      keepOpen = this._protocol.eofReceived();
    } catch (error) {
      this._fatalError(error, `${LOG_PREFIX}.eof_received() call failed.`);
      return;
    }
    if (this._tls) {
      if (keepOpen) console.warn("returning true from eofReceived() has no effect when using TLS");
      this.close();
    } else if (!keepOpen) {
      this.close();
    }
  }

  /** @internal The loop is closed: nobody can run callbacks, so just let the socket go. */
  _releaseOnLoopClose(): void {
    this._connLost = this._closing = true;
    this._sock.destroy();
  }

  /** @internal */
  _callConnectionLost(): void {
    this._connLost = true;
    this._closing = true;
    this._chunks.length = 0;
    untrack(this._loop, this);
    const sock = this._sock;
    if (!sock.destroyed) sock.destroy();
    try {
      this._callProtocol(CONNECTION_LOST);
    } finally {
      if (this._server !== null) {
        this._server._detach(this);
        this._server = null;
      }
    }
  }

  /** @internal A protocol callback whose error goes to the exception handler, as a Handle's does. */
  _callProtocol(which: typeof CONNECTION_MADE | typeof CONNECTION_LOST): void {
    const protocol = this._protocol;
    try {
      if (which === CONNECTION_MADE) protocol.connectionMade(this);
      else protocol.connectionLost(this._lostError);
    } catch (error) {
      const name = which === CONNECTION_MADE ? "connection_made" : "connection_lost";
      this._loop.callExceptionHandler({ message: `Exception in callback ${protocol.constructor.name}.${name}()`, exception: error, transport: this, protocol });
    }
  }

  /** @internal */
  _maybePauseProtocol(): void {
    if (!this._protocolPaused && !this._connLost && this._sock.writableLength > this._high) this._pauseProtocol();
    else if (this._protocolPaused && this._sock.writableLength <= this._low) this._scheduleResume();
  }

  /** @internal */
  _pauseProtocol(): void {
    this._protocolPaused = true;
    try {
      this._protocol.pauseWriting();
    } catch (error) {
      this._loop.callExceptionHandler({ message: "protocol.pause_writing() failed", exception: error, transport: this, protocol: this._protocol });
    }
  }

  /** @internal */
  _scheduleResume(): void {
    if (this._resumeScheduled || this._loop._closed) return;
    this._resumeScheduled = true;
    this._loop._callSoon(this._resumeProtocol, [], null);
  }

  /** @internal */
  _doResumeProtocol(): void {
    this._resumeScheduled = false;
    if (!this._protocolPaused || this._connLost || this._sock.writableLength > this._low) return;
    this._protocolPaused = false;
    try {
      this._protocol.resumeWriting();
    } catch (error) {
      this._loop.callExceptionHandler({ message: "protocol.resume_writing() failed", exception: error, transport: this, protocol: this._protocol });
    }
  }
}

const CONNECTION_MADE = 0;
const CONNECTION_LOST = 1;

/** @internal A Python socket address from Node's parts: `[host, port]`, or 4 items for IPv6. */
export function address(host: string | undefined, port: number | undefined, family: string | number | undefined): InetAddress | undefined {
  if (host === undefined || port === undefined) return undefined;
  return family === "IPv6" || family === 6 ? [host, port, 0, 0] : [host, port];
}

function socketExtra(sock: net.Socket, sslContext: unknown, unixPath: string | null, serverSide: boolean): Record<string, unknown> {
  const extra: Record<string, unknown> = {};
  if (unixPath !== null) {
    // As Python's AF_UNIX sockets: the client's peer and the server's own name are the path.
    extra.peername = serverSide ? "" : unixPath;
    extra.sockname = serverSide ? unixPath : "";
  } else {
    // A socket already closed by the peer has no address to tell (Python stores None):
    // the name is left out, so that getExtraInfo gives the default.
    const peername = address(sock.remoteAddress, sock.remotePort, sock.remoteFamily);
    const sockname = address(sock.localAddress, sock.localPort, sock.remoteFamily);
    if (peername !== undefined) extra.peername = peername;
    if (sockname !== undefined) extra.sockname = sockname;
  }
  if (sslContext !== undefined) extra.sslcontext = sslContext;
  return extra;
}

// ---- TLS settings ----

function isSecureContext(value: unknown): value is tls.SecureContext {
  return typeof value === "object" && value !== null && (value as { constructor?: { name?: string } }).constructor?.name === "SecureContext";
}

/** @internal What `ssl` turns into: Node TLS options, and what `getExtraInfo('sslcontext')` gives. */
export function tlsSettings(ssl: SslOption | undefined, side: "client" | "server"): { options: tls.ConnectionOptions & tls.TlsOptions; context: unknown } | null {
  if (ssl === undefined || ssl === false || ssl === null) return null;
  if (ssl === true) {
    if (side === "server") throw new TypeError("ssl=true needs a certificate on a server: pass { cert, key } or a tls.SecureContext");
    return { options: {}, context: true };
  }
  if (isSecureContext(ssl)) {
    // Node's tls.Server builds its own context from options; it cannot take one.
    if (side === "server") throw new TypeError("a TLS server needs an options object ({ cert, key, ... }), not a tls.SecureContext");
    return { options: { secureContext: ssl }, context: ssl };
  }
  if (typeof ssl !== "object") throw new TypeError(`ssl must be true, an options object or a tls.SecureContext, got ${describe(ssl)}`);
  if (side === "server" && ssl.cert === undefined && ssl.pfx === undefined && ssl.secureContext === undefined && ssl.SNICallback === undefined) {
    throw new TypeError("a TLS server needs a certificate: give ssl.cert and ssl.key (or pfx, or a secureContext)");
  }
  return { options: { ...ssl }, context: ssl };
}

function clientTls(ssl: SslOption | undefined, serverHostname: string | undefined, host: string | undefined) {
  const settings = tlsSettings(ssl, "client");
  if (settings === null) {
    if (serverHostname !== undefined) throw new RangeError("serverHostname is only meaningful with ssl");
    return null;
  }
  const options = settings.options;
  const name = serverHostname ?? host;
  if (serverHostname === "") {
    options.checkServerIdentity = () => undefined;
  } else if (name !== undefined) {
    // SNI must not be an IP address; the identity check still uses the name.
    if (!net.isIP(name)) options.servername = name;
    else if (options.checkServerIdentity === undefined) options.checkServerIdentity = (_h, cert) => tls.checkServerIdentity(name, cert);
  }
  return settings;
}

// ---- connecting ----

/** Waits for `event` on a connecting socket; on an error or cancellation the socket is destroyed. */
function* connected(loop: EventLoop, sock: net.Socket, event: "connect" | "secureConnect"): Coroutine<void> {
  const promise = new Promise<void>((resolve, reject) => {
    sock.once(event, () => resolve());
    // Stays attached until the transport has its own listeners.
    sock.on("error", (error) => reject(osError(error)));
  });
  try {
    yield* wrapPromise(promise, loop);
  } catch (error) {
    sock.destroy();
    throw error;
  }
}

/**
 * Makes the protocol with `protocolFactory`, then its transport with `make`, and waits
 * for connectionMade (Python's `_create_connection_transport`); `drop` releases the
 * socket when the factory fails, and a failed wait closes the transport.
 *
 * @internal
 */
export function* withProtocol<P, T extends { close(): void }>(
  loop: EventLoop,
  protocolFactory: () => P,
  drop: () => void,
  make: (protocol: P, waiter: Future<undefined>) => T,
): Coroutine<[T, P]> {
  let protocol: P;
  try {
    protocol = protocolFactory();
  } catch (error) {
    drop();
    throw error;
  }
  const waiter = new Future<undefined>(loop);
  let transport: T;
  try {
    transport = make(protocol, waiter);
  } catch (error) {
    // Not a protocol (the factory returned no object): let the connection go.
    drop();
    throw error;
  }
  try {
    yield* waiter;
  } catch (error) {
    transport.close();
    throw error;
  }
  return [transport, protocol];
}

function makeTransport<I extends TcpExtraInfo | UnixExtraInfo, P extends StreamProtocol>(
  loop: EventLoop,
  sock: net.Socket,
  protocolFactory: () => P,
  context: unknown,
  unixPath: string | null,
): Coroutine<[SocketTransport<I>, P]> {
  return withProtocol(
    loop,
    protocolFactory,
    () => sock.destroy(),
    (protocol, waiter) => new SocketTransport<I>(loop, sock, protocol, null, waiter, context, unixPath),
  );
}

/** @internal A clear TypeError when `protocolFactory` is not a function. */
export function checkFactory(protocolFactory: unknown, method: string): void {
  if (typeof protocolFactory !== "function") throw new TypeError(`${method}() protocolFactory must be a function returning a protocol, got ${describe(protocolFactory)}`);
}

function* createConnection<P extends StreamProtocol>(
  this: EventLoop,
  protocolFactory: () => P,
  host: string,
  port: number,
  options: ConnectionOptions = {},
): Coroutine<[SocketTransport<TcpExtraInfo>, P]> {
  checkFactory(protocolFactory, "createConnection");
  if (typeof host !== "string" || host === "") throw new TypeError(`createConnection() host must be a non-empty string, got ${describe(host)}`);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new RangeError(`createConnection() port must be an integer 0-65535, got ${describe(port)}`);
  const network = loopNetwork(this);
  if (network !== undefined) {
    // A simulated network (asyncio-ts/testing) is set for this loop: no socket.
    return (yield* network._createConnection(this, protocolFactory, host, port, options)) as unknown as [SocketTransport<TcpExtraInfo>, P];
  }
  const settings = clientTls(options.ssl, options.serverHostname, host);
  const base: net.TcpNetConnectOpts = { host, port, allowHalfOpen: true };
  if (options.localAddr !== undefined) {
    base.localAddress = options.localAddr[0];
    base.localPort = options.localAddr[1];
  }
  let sock: net.Socket;
  if (settings === null) {
    sock = net.connect(base);
    yield* connected(this, sock, "connect");
  } else {
    sock = tls.connect({ ...settings.options, ...base });
    yield* connected(this, sock, "secureConnect");
  }
  return yield* makeTransport<TcpExtraInfo, P>(this, sock, protocolFactory, settings?.context, null);
}

function* createUnixConnection<P extends StreamProtocol>(
  this: EventLoop,
  protocolFactory: () => P,
  path: string,
  options: UnixConnectionOptions = {},
): Coroutine<[SocketTransport<UnixExtraInfo>, P]> {
  checkFactory(protocolFactory, "createUnixConnection");
  if (typeof path !== "string" || path === "") throw new TypeError(`createUnixConnection() path must be a non-empty string, got ${describe(path)}`);
  const settings = clientTls(options.ssl, options.serverHostname, undefined);
  if (settings !== null && options.serverHostname === undefined) throw new RangeError("you have to pass serverHostname when using ssl over a Unix socket");
  let sock: net.Socket;
  if (settings === null) {
    sock = net.connect({ path, allowHalfOpen: true });
    yield* connected(this, sock, "connect");
  } else {
    sock = tls.connect({ ...settings.options, path, allowHalfOpen: true } as tls.ConnectionOptions);
    yield* connected(this, sock, "secureConnect");
  }
  return yield* makeTransport<UnixExtraInfo, P>(this, sock, protocolFactory, settings?.context, path);
}

const methods: Pick<TransportLoopMethods, "createConnection" | "createUnixConnection"> = { createConnection, createUnixConnection };
Object.assign(EventLoop.prototype, methods);
