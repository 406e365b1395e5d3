/**
 * The UDP transport over Node's `dgram` (Python's `_SelectorDatagramTransport`) and the
 * loop method that makes it, `loop.createDatagramEndpoint` (Python's
 * `loop.create_datagram_endpoint`).
 *
 * Node reports datagrams outside the loop's turns; each one is delivered to the
 * protocol by a callback on the loop, after `connectionMade`.
 */
import * as dgram from "node:dgram";
import * as net from "node:net";
import type { Coroutine } from "../core/coroutines";
import { EventLoop } from "../core/events";
import { RuntimeError } from "../core/exceptions";
import { type Future, wrapPromise } from "../core/futures";
import { describe } from "../core/repr";
import { osError } from "./oserrors";
import type { DatagramExtraInfo, ExtraInfoOr } from "./extrainfo";
import { DatagramProtocol, type DatagramProtocolLike, type DatagramTransport, type SocketAddress, _completeProtocol } from "./protocols";
import { type TransportLoopMethods, address, checkFactory, track, untrack, withProtocol } from "./transports";

/** Options of `loop.createDatagramEndpoint`. */
export interface DatagramOptions {
  /** `[host, port]` to bind to (Python's `local_addr`); port 0 picks a free one. */
  localAddr?: [host: string, port: number];
  /** `[host, port]` to connect to: `sendto` without an address sends there (Python's `remote_addr`). */
  remoteAddr?: [host: string, port: number];
  /** 4 or 6, when neither address says it. */
  family?: 4 | 6;
  /** Allow sending to broadcast addresses (Python's `allow_broadcast`). */
  allowBroadcast?: boolean;
  /** Share the port with other sockets (Python's `reuse_port`). */
  reusePort?: boolean;
}



/** A UDP transport over `dgram.Socket` (Python's `_SelectorDatagramTransport`). */
export class UdpTransport implements DatagramTransport {
  /** @internal */ _loop: EventLoop;
  /** @internal */ _sock: dgram.Socket;
  /** @internal */ _protocol: DatagramProtocol;
  /** @internal */ _remote: [string, number] | null;
  /** @internal */ _closing: boolean;
  /** @internal */ _connLost: boolean;
  /** @internal */ _extra: Record<string, unknown>;

  /** @internal */
  constructor(loop: EventLoop, sock: dgram.Socket, protocol: DatagramProtocolLike, remote: [string, number] | null, waiter: Future<undefined>) {
    this._loop = loop;
    this._sock = sock;
    this._protocol = _completeProtocol(protocol, DatagramProtocol) as DatagramProtocol;
    this._remote = remote;
    this._closing = false;
    this._connLost = false;
    const local = sock.address();
    this._extra = { sockname: address(local.address, local.port, local.family) };
    if (remote !== null) {
      const peer = sock.remoteAddress();
      const peername = address(peer.address, peer.port, peer.family);
      if (peername !== undefined) this._extra.peername = peername;
    }
    loop._callSoon(() => this._call("connection_made", () => this._protocol.connectionMade(this)), [], null);
    loop._callSoon(() => {
      if (!waiter.cancelled()) waiter.setResult(undefined);
    }, [], null);
    sock.on("message", (msg: Buffer, rinfo: dgram.RemoteInfo) => {
      if (this._closing || loop._closed) return;
      const data = new Uint8Array(msg.buffer, msg.byteOffset, msg.length);
      loop._callSoon(deliverDatagram, [this, data, address(rinfo.address, rinfo.port, rinfo.family)], null);
    });
    sock.on("error", (error: Error) => this._errorReceived(osError(error) as Error));
    track(loop, this);
  }

  /** @internal */
  _releaseOnLoopClose(): void {
    if (!this._closing) this._sock.close();
    this._connLost = this._closing = true;
  }

  /**
   * Information about the endpoint, or `defaultValue` (Python's `get_extra_info`):
   * `'sockname'` (`[host, port]`), `'peername'` (with `remoteAddr` only), `'socket'`
   * (the `dgram.Socket`); see `DatagramExtraInfo`.
   */
  getExtraInfo<K extends keyof DatagramExtraInfo>(name: K): DatagramExtraInfo[K];
  getExtraInfo<K extends keyof DatagramExtraInfo, D>(name: K, defaultValue: D): ExtraInfoOr<DatagramExtraInfo, K, D>;
  getExtraInfo(name: string, defaultValue?: unknown): unknown;
  getExtraInfo(name: string, defaultValue?: unknown): unknown {
    if (name === "socket") return this._sock;
    return name in this._extra ? this._extra[name] : defaultValue;
  }

  isClosing(): boolean {
    return this._closing;
  }

  setProtocol(protocol: DatagramProtocolLike): void {
    this._protocol = _completeProtocol(protocol, DatagramProtocol) as DatagramProtocol;
  }

  getProtocol(): DatagramProtocol {
    return this._protocol;
  }

  getWriteBufferSize(): number {
    return this._connLost ? 0 : this._sock.getSendQueueSize();
  }

  /**
   * Sends one datagram.
   *
   * @throws RangeError for an address other than the remote one, or none without a
   * remote address; RuntimeError once closed.
   */
  sendto(data: Uint8Array | string, addr?: SocketAddress): void {
    if (typeof data !== "string" && !(data instanceof Uint8Array)) {
      throw new TypeError(`data argument must be a bytes-like object (Uint8Array) or a string, not ${describe(data)}`);
    }
    if (this._closing) throw new RuntimeError("Cannot call sendto() on a closed datagram transport");
    const remote = this._remote;
    const callback = (error: Error | null) => {
      if (error) this._errorReceived(osError(error) as Error);
    };
    if (addr === undefined || addr === null) {
      if (remote === null) throw new RangeError("sendto() needs an address: this endpoint has no remoteAddr");
      this._sock.send(data, callback);
      return;
    }
    if (typeof addr === "string") throw new RangeError(`Invalid address for a UDP socket: ${describe(addr)}`);
    if (remote !== null) {
      if (addr[0] !== remote[0] || addr[1] !== remote[1]) throw new RangeError(`Invalid address: must be undefined or ${JSON.stringify(remote)}`);
      this._sock.send(data, callback);
      return;
    }
    this._sock.send(data, addr[1], addr[0], callback);
  }

  close(): void {
    if (this._closing) return;
    this._closing = true;
    this._sock.close();
    this._loop._callSoon(() => this._callConnectionLost(undefined), [], null);
  }

  abort(): void {
    this.close();
  }

  toString(): string {
    return `<UdpTransport ${this._connLost ? "closed" : this._closing ? "closing" : "open"}>`;
  }

  /** @internal */
  _errorReceived(error: Error): void {
    if (this._closing || this._loop._closed) return;
    this._loop._callSoon(() => this._call("error_received", () => this._protocol.errorReceived(error)), [], null);
  }

  /** @internal */
  _callConnectionLost(exc: Error | undefined): void {
    if (this._connLost) return;
    this._connLost = true;
    untrack(this._loop, this);
    this._call("connection_lost", () => this._protocol.connectionLost(exc));
  }

  /** @internal */
  _call(name: string, fn: () => void): void {
    try {
      fn();
    } catch (error) {
      this._loop.callExceptionHandler({ message: `Exception in callback ${this._protocol.constructor.name}.${name}()`, exception: error, transport: this, protocol: this._protocol });
    }
  }
}

function deliverDatagram(transport: UdpTransport, data: Uint8Array, addr: SocketAddress): void {
  if (transport._closing) return;
  transport._call("datagram_received", () => transport._protocol.datagramReceived(data, addr));
}

function* createDatagramEndpoint<P extends DatagramProtocolLike>(this: EventLoop, protocolFactory: () => P, options: DatagramOptions = {}): Coroutine<[UdpTransport, P]> {
  checkFactory(protocolFactory, "createDatagramEndpoint");
  const { localAddr, remoteAddr } = options;
  if (localAddr === undefined && remoteAddr === undefined && options.family === undefined) {
    throw new RangeError("unexpected address family: give localAddr, remoteAddr or family");
  }
  const probe = localAddr?.[0] ?? remoteAddr?.[0];
  const v6 = options.family === 6 || (probe !== undefined && net.isIPv6(probe));
  const sock = dgram.createSocket({ type: v6 ? "udp6" : "udp4", reuseAddr: options.reusePort ?? false });
  const step = (run: (done: (error?: Error | null) => void) => void) =>
    wrapPromise(
      new Promise<void>((resolve, reject) => {
        const onError = (error: Error) => reject(osError(error));
        sock.once("error", onError);
        run((error) => {
          sock.off("error", onError);
          if (error) reject(osError(error));
          else resolve();
        });
      }),
      this,
    );
  try {
    yield* step((done) => sock.bind({ port: localAddr?.[1] ?? 0, address: localAddr?.[0] }, () => done()));
    if (options.allowBroadcast) sock.setBroadcast(true);
    if (remoteAddr !== undefined) yield* step((done) => sock.connect(remoteAddr[1], remoteAddr[0], done));
  } catch (error) {
    sock.close();
    throw error;
  }
  return yield* withProtocol<P, UdpTransport>(
    this,
    protocolFactory,
    () => sock.close(),
    (protocol, waiter) => new UdpTransport(this, sock, protocol, remoteAddr ?? null, waiter),
  );
}

const methods: Pick<TransportLoopMethods, "createDatagramEndpoint"> = { createDatagramEndpoint };
Object.assign(EventLoop.prototype, methods);
