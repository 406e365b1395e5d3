/**
 * Listening: the `Server` (Python's `asyncio.Server` of `base_events`) and the loop
 * methods that make one, `loop.createServer` and `loop.createUnixServer` (Python's
 * `create_server` and `create_unix_server`), over Node's `net.Server` / `tls.Server`.
 *
 * Node accepts connections outside the loop's turns; each accepted socket gets its
 * protocol and `SocketTransport` in a callback on the loop (Python's
 * `_accept_connection2`).
 */
import { lstatSync, unlinkSync } from "node:fs";
import * as net from "node:net";
import * as tls from "node:tls";
import type { AsyncContextManager } from "../core/asyncwith";
import type { Coroutine } from "../core/coroutines";
import { EventLoop } from "../core/events";
import { loopNetwork } from "../core/networks";
import { AbstractServer } from "../core/servers";
import { wrapPromise } from "../core/futures";
import { describe } from "../core/repr";
import { osError } from "./oserrors";
import type { InetAddress, SocketAddress } from "./protocols";
import {
  type SslOption,
  type StreamProtocol,
  type TransportLoopMethods,
  SocketTransport,
  address,
  checkFactory,
  tlsSettings,
  track,
  untrack,
} from "./transports";

/** Options of `loop.createServer` and `startServer`. */
export interface ServerOptions {
  /** TLS: see `SslOption`; a server needs a certificate and key. */
  ssl?: SslOption;
  /**
   * The listen queue length (Python's `backlog`, default 100). asyncio-ts asks the OS
   * for a queue at least as long as the longest it allows (Linux's `net.core.somaxconn`):
   * Node accepts one connection per turn of its event loop where asyncio accepts up to
   * `backlog` at once, so a burst of connections must be able to wait in the queue.
   */
  backlog?: number;
  /** Accept connections at once (the default), or only after `startServing()` / `serveForever()`. */
  startServing?: boolean;
}

/**
 * Options of `loop.createUnixServer` and `startUnixServer`. The socket file is removed
 * when the server closes (Python 3.13's default `cleanup_socket=True`; Node's libuv
 * always removes it, so there is no option to keep it).
 */
export type UnixServerOptions = ServerOptions;

/**
 * The shortest listen queue asked of the OS, which shortens it to the longest it allows
 * (Linux: `net.core.somaxconn`, 4096 by default; macOS: `kern.ipc.somaxconn`).
 *
 * asyncio accepts up to `backlog` connections each time the listening socket is ready
 * (`BaseSelectorEventLoop._accept_connection`). Node's libuv accepts one per turn of
 * Node's event loop (libuv 1.46 in Node 20; it relies on level-triggered polling to come
 * back for the next), and a busy asyncio-ts loop gives Node a turn every few
 * milliseconds. Until accepted, connections wait in the kernel's listen queue; once it
 * is full, Linux drops each further SYN, and the client sends it again only after 1 s,
 * then 2 s more, 4 s more. With a queue of `backlog`, a burst that CPython accepts in a
 * few loop iterations took seconds of retransmits; a long queue lets the burst wait in
 * the kernel while Node takes it one connection a turn.
 */
const LISTEN_QUEUE = 65535;

/** The queue length passed to Node's `listen`: `backlog` (Python's default 100), at least LISTEN_QUEUE. */
function listenQueue(backlog: number | undefined): number {
  return Math.max(backlog ?? 100, LISTEN_QUEUE);
}

/**
 * A listening socket of a Server (what Python's `Server.sockets` lists). `A` is the
 * type of its address: `InetAddress` (`[host, port]`) for a TCP server, `string` (the
 * path) for a Unix one.
 */
export class ServerSocket<A extends SocketAddress = SocketAddress> {
  /** @internal */ _server: net.Server;
  /** @internal */ _path: string | null;
  /** @internal The address while listening, kept for after close (recorded once listening). */
  _lastAddress: A | undefined;

  /** @internal */
  constructor(server: net.Server, path: string | null) {
    this._server = server;
    this._path = path;
    this._lastAddress = undefined;
  }

  /**
   * The address it listens on (Python's `socket.getsockname()`): `[host, port]` (4 items
   * for IPv6), or the Unix socket path; after close, the address it listened on.
   *
   * @example
   * function* main() {
   *   const server = yield* asyncio.startServer(() => {}, "127.0.0.1", 0);
   *   const [host, port] = server.sockets[0]!.getsockname(); // [string, number]: no cast
   *   server.close();
   *   yield* server.waitClosed();
   *   return `${host}:${port > 0}`;
   * }
   * console.assert((await asyncio.run(main())) === "127.0.0.1:true");
   */
  getsockname(): A {
    if (this._path !== null) return this._path as A;
    const info = this._server.address();
    if (info !== null && typeof info !== "string") this._lastAddress = address(info.address, info.port, info.family) as A;
    // Recorded as soon as it listens (createServer asks), so a server's socket always has it.
    return this._lastAddress ?? ("" as A);
  }

  /** 2 (AF_INET), 10 (AF_INET6) or 1 (AF_UNIX), as Python's `socket.family`. */
  get family(): number {
    if (this._path !== null) return 1;
    const name = this.getsockname();
    return Array.isArray(name) && name.length === 4 ? 10 : 2;
  }

  toString(): string {
    return `<ServerSocket ${JSON.stringify(this.getsockname())}>`;
  }
}

/**
 * A listening server (Python's `asyncio.Server`), from `loop.createServer` or
 * `startServer`. `close()` stops listening; `waitClosed()` then waits until every
 * connection it accepted is closed. It is an async context manager: `asyncWith`
 * closes it and waits at the end. What it shares with every server is in
 * `AbstractServer` (core/servers.ts); this class listens on Node's sockets.
 */
export class Server<A extends SocketAddress = SocketAddress> extends AbstractServer<SocketTransport> implements AsyncContextManager<Server<A>> {
  /** @internal Null once closed. */
  _listeners: net.Server[] | null;
  /** @internal */ _sockets: ServerSocket<A>[];
  /** @internal */ _protocolFactory: () => StreamProtocol;
  /** @internal */ _sslContext: unknown;
  /** @internal Connections accepted by the OS before serving started. */
  _pending: net.Socket[];
  /** @internal */ _unixPath: string | null;
  /** @internal */ _accept: (sock: net.Socket) => void;

  /** @internal */
  constructor(loop: EventLoop, protocolFactory: () => StreamProtocol, sslContext: unknown, unixPath: string | null) {
    super(loop);
    this._listeners = [];
    this._sockets = [];
    this._protocolFactory = protocolFactory;
    this._sslContext = sslContext;
    this._pending = [];
    this._unixPath = unixPath;
    this._accept = (sock) => this._onConnection(sock);
    track(loop, this);
  }

  /** @internal Stops listening without waking anyone: the loop cannot run callbacks any more. */
  _releaseOnLoopClose(): void {
    const listeners = this._listeners;
    if (listeners === null) return;
    this._listeners = null;
    this._serving = false;
    for (const listener of listeners) listener.close();
    if (this._unixPath !== null) removeSocketFile(this._unixPath, false);
    for (const sock of this._pending) sock.destroy();
    this._pending = [];
  }

  /**
   * The listening sockets; empty once closed (Python's `sockets`). Their
   * `getsockname()` is `[host, port]` on a TCP server, the path on a Unix one.
   */
  get sockets(): ServerSocket<A>[] {
    return this._listeners === null ? [] : [...this._sockets];
  }

  override toString(): string {
    const names = this._sockets.map((s) => JSON.stringify(s.getsockname()));
    return `<Server sockets=[${names.join(", ")}]${this._listeners === null ? " closed" : ""}>`;
  }

  /** @internal */
  _listening(): boolean {
    return this._listeners !== null;
  }

  /** @internal */
  _stopListening(): void {
    const listeners = this._listeners!;
    this._listeners = null;
    untrack(this._loop, this);
    for (const listener of listeners) listener.close();
    if (this._unixPath !== null) removeSocketFile(this._unixPath, false);
    for (const sock of this._pending) sock.destroy();
    this._pending = [];
  }

  /** @internal */
  _acceptPending(): void {
    const pending = this._pending;
    this._pending = [];
    for (const sock of pending) this._onConnection(sock);
  }

  /** @internal A connection arrived (from Node, outside the loop's turns). */
  _onConnection(sock: net.Socket): void {
    if (this._listeners === null || this._loop._closed) {
      sock.destroy();
      return;
    }
    if (!this._serving) {
      sock.on("error", ignore);
      this._pending.push(sock);
      return;
    }
    this._loop._callSoon(acceptConnection, [this, sock], null);
  }
}

function ignore(): void {}

/** Makes the protocol and transport of an accepted connection, on the loop (Python's `_accept_connection2`). */
function acceptConnection(server: Server, sock: net.Socket): void {
  if (server._listeners === null || sock.destroyed) {
    sock.destroy();
    return;
  }
  try {
    const protocol = server._protocolFactory();
    new SocketTransport(server._loop, sock, protocol, server, null, server._sslContext, server._unixPath);
  } catch (error) {
    // The factory failed, or gave no protocol object.
    sock.destroy();
    server._loop.callExceptionHandler({ message: "Error on transport creation for incoming connection", exception: error });
  }
}

/** Removes a stale Unix socket file; with `strict`, anything else at `path` is an error. */
function removeSocketFile(path: string, strict: boolean): void {
  let isSocket: boolean;
  try {
    isSocket = lstatSync(path).isSocket();
  } catch {
    return;
  }
  if (!isSocket) {
    if (strict) throw osError(Object.assign(new Error(`${path} exists and is not a socket`), { code: "EADDRINUSE" }));
    return;
  }
  try {
    unlinkSync(path);
  } catch (error) {
    if (strict) throw osError(error);
  }
}

function makeListener(server: Server, ssl: tls.TlsOptions | null): net.Server {
  const listener = ssl === null ? net.createServer({ allowHalfOpen: true }) : tls.createServer({ ...ssl, allowHalfOpen: true });
  listener.on(ssl === null ? "connection" : "secureConnection", server._accept);
  // A failed TLS handshake concerns that client only; asyncio logs it in debug mode.
  if (ssl !== null) listener.on("tlsClientError", ignore);
  return listener;
}

/** Listens and waits until it does; an error closes the listeners made so far. */
function* listen(loop: EventLoop, server: Server, listener: net.Server, options: net.ListenOptions, where: string): Coroutine<void> {
  const promise = new Promise<void>((resolve, reject) => {
    listener.once("listening", resolve);
    listener.once("error", (error: NodeJS.ErrnoException) => {
      const converted = osError(error);
      if (converted instanceof Error) converted.message = `${converted.message}: error while attempting to bind on address ${where}`;
      reject(converted);
    });
  });
  listener.listen(options);
  try {
    yield* wrapPromise(promise, loop);
  } catch (error) {
    server.close();
    listener.close();
    throw error;
  }
  listener.on("error", (error) => loop.callExceptionHandler({ message: "Error on a listening socket", exception: osError(error), server }));
}

function* createServer(
  this: EventLoop,
  protocolFactory: () => StreamProtocol,
  host: string | readonly string[] | null | undefined,
  port: number,
  options: ServerOptions = {},
): Coroutine<Server<InetAddress>> {
  checkFactory(protocolFactory, "createServer");
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new RangeError(`createServer() port must be an integer 0-65535, got ${describe(port)}`);
  const network = loopNetwork(this);
  // A simulated network (asyncio-ts/testing) is set for this loop: no socket.
  if (network !== undefined) return (yield* network._createServer(this, protocolFactory, host, port, options)) as Server<InetAddress>;
  const settings = tlsSettings(options.ssl, "server");
  const backlog = listenQueue(options.backlog);
  const server = new Server<InetAddress>(this, protocolFactory, settings?.context, null);
  const hosts: (string | undefined)[] = host === null || host === undefined || host === "" ? [undefined] : typeof host === "string" ? [host] : [...host];
  for (const h of hosts) {
    const listener = makeListener(server, settings?.options ?? null);
    server._listeners!.push(listener);
    const socket = new ServerSocket<InetAddress>(listener, null);
    server._sockets.push(socket);
    yield* listen(this, server, listener, { host: h, port, backlog, exclusive: true }, `(${describe(h ?? "")}, ${port})`);
    socket.getsockname(); // records the address, for after close
  }
  if (options.startServing ?? true) server._startServing();
  return server;
}

function* createUnixServer(this: EventLoop, protocolFactory: () => StreamProtocol, path: string, options: UnixServerOptions = {}): Coroutine<Server<string>> {
  checkFactory(protocolFactory, "createUnixServer");
  if (typeof path !== "string" || path === "") throw new TypeError(`createUnixServer() path must be a non-empty string, got ${describe(path)}`);
  const settings = tlsSettings(options.ssl, "server");
  removeSocketFile(path, true);
  const server = new Server<string>(this, protocolFactory, settings?.context, path);
  const listener = makeListener(server, settings?.options ?? null);
  server._listeners!.push(listener);
  server._sockets.push(new ServerSocket<string>(listener, path));
  yield* listen(this, server, listener, { path, backlog: listenQueue(options.backlog) }, describe(path));
  if (options.startServing ?? true) server._startServing();
  return server;
}

const methods: Pick<TransportLoopMethods, "createServer" | "createUnixServer"> = { createServer, createUnixServer };
Object.assign(EventLoop.prototype, methods);
