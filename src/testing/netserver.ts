/**
 * A listening server on the simulated network (network.ts), with the public API of the
 * socket `Server` (Python's `asyncio.Server`): what `startServer` and `createServer` give
 * while a `Network` is installed, so code written against sockets runs unchanged.
 */
import { AbstractServer, type BufferedProtocolLike, type Context, type EventLoop, type InetAddress, type ProtocolLike } from "../index.browser";
import type { NetworkTransport } from "./nettransport";

/**
 * A listening socket of a `NetworkServer` (what Python's `Server.sockets` lists).
 *
 * @example
 * const network = new Network();
 * function* main() {
 *   const server = yield* asyncio.startServer(() => {}, ["127.0.0.1", "10.0.0.1"], 0);
 *   const names = server.sockets.map((socket) => socket.getsockname());
 *   server.close();
 *   return JSON.stringify([names, server.sockets.length]);
 * }
 * console.assert((await runTest(main, { network })) === '[[["127.0.0.1",49152],["10.0.0.1",49152]],0]');
 */
export class NetworkServerSocket {
  /** @internal */ _address: InetAddress;

  /** @internal */
  constructor(address: InetAddress) {
    this._address = address;
  }

  /** `[address, port]` it listens on (Python's `socket.getsockname()`): port 0 was given a free one. */
  getsockname(): InetAddress {
    return [...this._address] as InetAddress;
  }

  /** 2 (AF_INET), as Python's `socket.family`: the network has IPv4 addresses only. */
  get family(): number {
    return 2;
  }

  toString(): string {
    return `<NetworkServerSocket ${JSON.stringify(this._address)}>`;
  }
}

/**
 * A server listening on the simulated network (Python's `asyncio.Server`, as a socket
 * server has it, from their common `AbstractServer`): from `startServer` or
 * `createServer` on a loop with a `Network` installed, or from `network.startServer`.
 * `close()` stops listening (connections not yet accepted are reset, later ones
 * refused); `waitClosed()` then waits until every connection it accepted is closed. An
 * async context manager, as `Server` is.
 *
 * @example
 * const network = new Network();
 * function* main() {
 *   const server = yield* asyncio.startServer((_reader, writer) => writer.close(), "127.0.0.1", 0);
 *   const [address, port] = server.sockets[0]!.getsockname();
 *   server.close();
 *   yield* server.waitClosed();
 *   return `${address} ${port >= 49152} ${server.isServing()}`;
 * }
 * console.assert((await runTest(main, { network })) === "127.0.0.1 true false");
 */
export class NetworkServer extends AbstractServer<NetworkTransport> {
  /** @internal */ _sockets: NetworkServerSocket[];
  /** @internal */ _protocolFactory: () => ProtocolLike | BufferedProtocolLike;
  /** @internal Where accepted connections' callbacks run (the host the server is on). */
  _context: Context;
  /** @internal False once closed. */
  _isListening: boolean;
  /** @internal Connections whose handshake finished before serving started. */
  _pending: NetworkTransport[];
  /** @internal Called by close(): the network frees the ports. */
  _unbind: () => void;

  /** @internal */
  constructor(loop: EventLoop, protocolFactory: () => ProtocolLike | BufferedProtocolLike, context: Context, addresses: InetAddress[], unbind: () => void) {
    super(loop);
    this._sockets = addresses.map((address) => new NetworkServerSocket(address));
    this._protocolFactory = protocolFactory;
    this._context = context;
    this._isListening = true;
    this._pending = [];
    this._unbind = unbind;
  }

  /** The listening sockets; empty once closed (Python's `sockets`). */
  get sockets(): NetworkServerSocket[] {
    return this._isListening ? [...this._sockets] : [];
  }

  override toString(): string {
    const names = this._sockets.map((s) => JSON.stringify(s._address));
    return `<NetworkServer sockets=[${names.join(", ")}]${this._isListening ? "" : " closed"}>`;
  }

  /** @internal */
  _listening(): boolean {
    return this._isListening;
  }

  /** @internal As a listening socket closed with connections in its accept queue: they are reset. */
  _stopListening(): void {
    this._isListening = false;
    this._unbind();
    const pending = this._pending;
    this._pending = [];
    for (const transport of pending) transport._resetPeer();
  }

  /** @internal */
  _acceptPending(): void {
    const pending = this._pending;
    this._pending = [];
    for (const transport of pending) this._accept(transport);
  }

  /** @internal The handshake of `transport` finished: accept it now, or once serving. */
  _accept(transport: NetworkTransport): void {
    if (!this._isListening) {
      transport._resetPeer();
      return;
    }
    if (!this._serving) {
      this._pending.push(transport);
      return;
    }
    // The connection's callbacks (and the tasks they start) run on the server's host.
    const context = this._context.copy();
    let protocol: ProtocolLike | BufferedProtocolLike;
    try {
      protocol = context.run(this._protocolFactory);
    } catch (error) {
      transport._resetPeer();
      this._loop.callExceptionHandler({ message: "Error on transport creation for incoming connection", exception: error });
      return;
    }
    this._attach(transport);
    const onLost = transport._onLost;
    transport._onLost = (t) => {
      onLost?.(t);
      this._detach(t);
    };
    transport._context = context;
    transport._start(protocol, null);
  }
}
