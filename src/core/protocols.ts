/**
 * Protocols and transports, the low-level I/O API (Python's `asyncio/protocols.py` and
 * `asyncio/transports.py`): the protocol base classes a user subclasses, and the
 * transport interfaces the loop hands them. Host-free (the `ExtraInfo` types name Node's
 * objects, for types only): the socket and datagram transports are in node/, the fake
 * network's in testing/network.ts.
 */
import type { ExtraInfo, ExtraInfoOr } from "./extrainfo";
import { RuntimeError } from "./exceptions";
import { describe } from "./repr";

/**
 * The callbacks every protocol has (Python's `asyncio.BaseProtocol`). The loop calls
 * them on its own turns, in asyncio's order: `connectionMade` first, `connectionLost`
 * last, exactly once each.
 */
export class BaseProtocol {
  /** The connection is up and `transport` is ready (Python's `connection_made`). */
  connectionMade(_transport: BaseTransport): void {}

  /**
   * The connection is closed: `exc` is undefined for a regular close or end of file,
   * else the error that closed it (Python's `connection_lost`).
   */
  connectionLost(_exc: Error | undefined): void {}

  /** The transport's write buffer went above its high-water mark (Python's `pause_writing`). */
  pauseWriting(): void {}

  /** The transport's write buffer drained below its low-water mark (Python's `resume_writing`). */
  resumeWriting(): void {}
}

/** A stream protocol that receives data as chunks (Python's `asyncio.Protocol`). */
export class Protocol extends BaseProtocol {
  /** Bytes arrived (Python's `data_received`); `data` is the protocol's to keep. */
  dataReceived(_data: Uint8Array): void {}

  /**
   * The peer sent end of file (Python's `eof_received`). Returning true keeps the
   * transport half-open (this side may still write); anything else closes it.
   */
  eofReceived(): boolean | undefined | void {
    return undefined;
  }
}

/**
 * A stream protocol that lends the transport its own buffer to fill (Python's
 * `asyncio.BufferedProtocol`).
 */
export class BufferedProtocol extends BaseProtocol {
  /**
   * A buffer to receive into, of any non-zero length; `sizehint` is how many bytes
   * are waiting, or -1 (Python's `get_buffer`).
   */
  getBuffer(_sizehint: number): Uint8Array {
    throw new TypeError(`${this.constructor.name}.getBuffer() must be overridden to return a Uint8Array`);
  }

  /** `nbytes` bytes were written into the buffer from `getBuffer` (Python's `buffer_updated`). */
  bufferUpdated(_nbytes: number): void {}

  /** As `Protocol.eofReceived`. */
  eofReceived(): boolean | undefined | void {
    return undefined;
  }
}

/** An IP address as Python gives it: `[host, port]`, or `[host, port, flowinfo, scopeid]` for IPv6. */
export type InetAddress = [host: string, port: number] | [host: string, port: number, flowinfo: number, scopeid: number];

/** An address of a datagram or a socket: `[host, port]` (4 items for IPv6), or a path for Unix sockets. */
export type SocketAddress = InetAddress | string;

/** A UDP protocol (Python's `asyncio.DatagramProtocol`). */
export class DatagramProtocol extends BaseProtocol {
  /** A datagram arrived from `addr` (Python's `datagram_received`). */
  datagramReceived(_data: Uint8Array, _addr: SocketAddress): void {}

  /** A send or receive failed, the endpoint stays open (Python's `error_received`). */
  errorReceived(_exc: Error): void {}
}

/** The protocol of a child process's pipes (Python's `asyncio.SubprocessProtocol`). */
export class SubprocessProtocol extends BaseProtocol {
  /** The child wrote `data` on pipe `fd` (1: stdout, 2: stderr) (Python's `pipe_data_received`). */
  pipeDataReceived(_fd: number, _data: Uint8Array): void {}

  /** Pipe `fd` was closed (Python's `pipe_connection_lost`). */
  pipeConnectionLost(_fd: number, _exc: Error | undefined): void {}

  /** The child process exited (Python's `process_exited`). */
  processExited(): void {}
}

/**
 * A stream protocol as a program writes it: any object with some of `Protocol`'s
 * methods (CPython's documentation writes protocol classes with no base class). A method
 * it lacks does what `Protocol`'s does: nothing. Extending `asyncio.Protocol` works too.
 *
 * @example
 * class Collector {
 *   chunks: string[] = [];
 *   dataReceived(data: Uint8Array) {
 *     this.chunks.push(new TextDecoder().decode(data));
 *   }
 * }
 * const protocol: asyncio.ProtocolLike = new Collector(); // no `extends asyncio.Protocol` needed
 * console.assert(protocol instanceof Collector);
 */
export interface ProtocolLike {
  connectionMade?(transport: BaseTransport): void;
  connectionLost?(exc: Error | undefined): void;
  pauseWriting?(): void;
  resumeWriting?(): void;
  dataReceived?(data: Uint8Array): void;
  eofReceived?(): boolean | undefined | void;
}

/** A buffered stream protocol as a program writes it: `getBuffer` and `bufferUpdated`, and any of the rest. */
export interface BufferedProtocolLike extends Omit<ProtocolLike, "dataReceived"> {
  getBuffer(sizehint: number): Uint8Array;
  bufferUpdated(nbytes: number): void;
}

/** A datagram protocol as a program writes it: any of `DatagramProtocol`'s methods. */
export interface DatagramProtocolLike {
  connectionMade?(transport: BaseTransport): void;
  connectionLost?(exc: Error | undefined): void;
  pauseWriting?(): void;
  resumeWriting?(): void;
  datagramReceived?(data: Uint8Array, addr: SocketAddress): void;
  errorReceived?(exc: Error): void;
}

/** A subprocess protocol as a program writes it: any of `SubprocessProtocol`'s methods. */
export interface SubprocessProtocolLike {
  connectionMade?(transport: BaseTransport): void;
  connectionLost?(exc: Error | undefined): void;
  pauseWriting?(): void;
  resumeWriting?(): void;
  pipeDataReceived?(fd: number, data: Uint8Array): void;
  pipeConnectionLost?(fd: number, exc: Error | undefined): void;
  processExited?(): void;
}

/** @internal True for a buffered protocol: a BufferedProtocol, or an object with `getBuffer`. */
export function _isBufferedProtocol(protocol: unknown): boolean {
  return protocol instanceof BufferedProtocol || typeof (protocol as { getBuffer?: unknown } | null)?.getBuffer === "function";
}

const baseMethods = new Map<object, string[]>();

/**
 * @internal Makes `protocol` answer every method of `base` that a transport calls: a
 * protocol written without the base class gets the base's no-op for each method it lacks,
 * as a non-enumerable property of its own (its identity, class and fields unchanged).
 *
 * @throws TypeError if `protocol` is not an object.
 */
export function _completeProtocol<P>(protocol: P, base: typeof BaseProtocol): P {
  if (protocol instanceof base) return protocol;
  if (protocol === null || (typeof protocol !== "object" && typeof protocol !== "function")) {
    throw new TypeError(`a protocol factory must return a protocol object (with methods such as connectionMade), got ${describe(protocol)}`);
  }
  let names = baseMethods.get(base);
  if (names === undefined) {
    names = [];
    for (let proto: object | null = base.prototype; proto !== null && proto !== Object.prototype; proto = Object.getPrototypeOf(proto)) {
      for (const name of Object.getOwnPropertyNames(proto)) if (name !== "constructor" && !names.includes(name)) names.push(name);
    }
    baseMethods.set(base, names);
  }
  const record = protocol as Record<string, unknown>;
  for (const name of names) {
    if (typeof record[name] === "function") continue;
    Object.defineProperty(protocol, name, { value: (base.prototype as unknown as Record<string, unknown>)[name], writable: true, configurable: true, enumerable: false });
  }
  return protocol;
}

/** What every transport offers (Python's `asyncio.BaseTransport`). */
export interface BaseTransport {
  /**
   * Information about the transport or its socket, or `defaultValue` (Python's
   * `get_extra_info`): `'peername'`, `'sockname'`, `'socket'`, and with TLS
   * `'peercert'`, `'cipher'`, `'sslcontext'`, `'sslobject'`; `'pipe'` and
   * `'subprocess'` on the transports of a child process. Typed by `ExtraInfo` here;
   * each transport class (and the StreamWriter of each kind of stream) types it by what
   * it really gives, e.g. `TcpExtraInfo`. Another name gives `unknown`.
   */
  getExtraInfo<K extends keyof ExtraInfo>(name: K): ExtraInfo[K];
  getExtraInfo<K extends keyof ExtraInfo, D>(name: K, defaultValue: D): ExtraInfoOr<ExtraInfo, K, D>;
  getExtraInfo(name: string, defaultValue?: unknown): unknown;
  /** True once the transport is closing or closed. */
  isClosing(): boolean;
  /**
   * Closes the transport after its buffered data is sent; the protocol's
   * `connectionLost(undefined)` follows. Closing twice is a no-op.
   */
  close(): void;
  /**
   * Makes `protocol` the one the transport calls from now on: a protocol object of the
   * transport's kind, with or without its base class.
   */
  setProtocol(protocol: BaseProtocol | ProtocolLike | BufferedProtocolLike | DatagramProtocolLike | SubprocessProtocolLike): void;
  /** The protocol the transport calls. */
  getProtocol(): BaseProtocol;
}

/** The reading side of a transport (Python's `asyncio.ReadTransport`). */
export interface ReadTransport extends BaseTransport {
  /** True unless reading is paused. */
  isReading(): boolean;
  /** Stops calling `dataReceived` until `resumeReading` (a no-op if paused or closing). */
  pauseReading(): void;
  /** Calls `dataReceived` again after `pauseReading` (a no-op if reading or closing). */
  resumeReading(): void;
}

/** The writing side of a transport (Python's `asyncio.WriteTransport`). */
export interface WriteTransport extends BaseTransport {
  /**
   * Sets the write buffer's high- and low-water marks in bytes (Python's
   * `set_write_buffer_limits`): `high` defaults to 64 KiB (or 4 × `low`), `low` to
   * `high / 4`.
   *
   * @throws RangeError unless `high >= low >= 0`.
   */
  setWriteBufferLimits(high?: number, low?: number): void;
  /** `[low, high]`, the water marks (Python's `get_write_buffer_limits`). */
  getWriteBufferLimits(): [low: number, high: number];
  /** Bytes waiting in the write buffer. */
  getWriteBufferSize(): number;
  /**
   * Queues `data` for sending without blocking; a string is sent as UTF-8. The bytes
   * must not be modified afterwards.
   */
  write(data: Uint8Array | string): void;
  /** Writes each item of `list`, in order. */
  writelines(list: Iterable<Uint8Array | string>): void;
  /** Closes the sending side after the buffered data (half-close). */
  writeEof(): void;
  /** True if `writeEof` is supported. */
  canWriteEof(): boolean;
  /** Closes at once, dropping buffered data; `connectionLost(undefined)` follows. */
  abort(): void;
}

/** A bidirectional stream transport (Python's `asyncio.Transport`). */
export interface Transport extends ReadTransport, WriteTransport {}

/** A UDP transport (Python's `asyncio.DatagramTransport`). */
export interface DatagramTransport extends BaseTransport {
  /**
   * Sends one datagram to `addr`, or to the remote address the endpoint was made with
   * (Python's `sendto`).
   */
  sendto(data: Uint8Array | string, addr?: SocketAddress): void;
  /** Closes at once; `connectionLost(undefined)` follows. */
  abort(): void;
  /** Bytes queued for sending. */
  getWriteBufferSize(): number;
}

/**
 * @internal Hands received `data` to a stream protocol, as asyncio's socket transports
 * do: `dataReceived(data)`, or for a BufferedProtocol `getBuffer` / `bufferUpdated` until
 * it is all copied, stopping early once `transport` is closing. What the protocol throws
 * propagates (the transport's fatal-error path reports it).
 */
export function feedProtocol(protocol: BaseProtocol, buffered: boolean, data: Uint8Array, transport: { isClosing(): boolean }): void {
  if (!buffered) {
    (protocol as Protocol).dataReceived(data);
    return;
  }
  const receiver = protocol as BufferedProtocol;
  let rest = data;
  while (rest.length > 0) {
    const buf = receiver.getBuffer(rest.length);
    if (!(buf instanceof Uint8Array) || buf.length === 0) {
      throw new RuntimeError(`getBuffer() returned ${buf instanceof Uint8Array ? "an empty buffer" : describe(buf)}: it must return a non-empty Uint8Array`);
    }
    const n = Math.min(buf.length, rest.length);
    buf.set(rest.subarray(0, n));
    receiver.bufferUpdated(n);
    rest = rest.subarray(n);
    if (transport.isClosing()) return;
  }
}

/** @internal The default high-water mark of a transport's write buffer: 64 KiB, as asyncio's. */
export const DEFAULT_HIGH_WATER = 64 * 1024;

/** @internal Python's `_set_write_buffer_limits` rules: `[high, low]`. */
export function waterMarks(high: number | undefined | null, low: number | undefined | null): [high: number, low: number] {
  let h: number;
  if (high === undefined || high === null) h = low === undefined || low === null ? DEFAULT_HIGH_WATER : 4 * low;
  else h = high;
  const l = low === undefined || low === null ? Math.floor(h / 4) : low;
  if (!(h >= l && l >= 0)) throw new RangeError(`high (${h}) must be >= low (${l}) must be >= 0`);
  return [h, l];
}
