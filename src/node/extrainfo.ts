/**
 * What `getExtraInfo(name)` gives (Python's `get_extra_info`), name by name, for each
 * kind of transport: one interface per kind, whose keys are the names that transport
 * answers and whose property types are what it gives for them. A transport's and a
 * StreamWriter's `getExtraInfo` take their result type from it, so
 * `const [host, port] = writer.getExtraInfo("peername")!` type-checks on a TCP stream;
 * a name that is not a key gives `unknown` (and the default, if one is passed), as
 * Python gives `None`.
 *
 * An optional key is a name the transport answers only sometimes (the TLS names on a
 * plain socket, a peer the socket no longer has): without a default it may be
 * `undefined`, with one it is the value or the default.
 */
import type { ChildProcess } from "node:child_process";
import type * as dgram from "node:dgram";
import type * as net from "node:net";
import type { Readable, Writable } from "node:stream";
import type * as tls from "node:tls";
import type { InetAddress } from "./protocols";
import type { SslOptions } from "./transports";

/** What `getExtraInfo("sslcontext")` gives: the `ssl` option the connection or server was made with. */
export type SslContextInfo = true | tls.SecureContext | SslOptions;

/** The names a TLS connection adds (absent on a plain socket, so the default is given). */
export interface TlsExtraInfo {
  /** The `ssl` option given to the connection or server. */
  sslcontext?: SslContextInfo;
  /** The TLS socket (Python's `SSLObject`). */
  sslobject?: tls.TLSSocket;
  /** The peer's certificate, if it sent one (Python's `getpeercert()`, as Node gives it). */
  peercert?: tls.PeerCertificate;
  /** `[name, version]` of the cipher in use (Python's `cipher()`, without the bits). */
  cipher?: [name: string, version: string];
}

/**
 * `getExtraInfo` of a TCP (or TLS over TCP) connection: what `openConnection`'s writer
 * and `startServer`'s writers give. The addresses are Python's: `[host, port]`, or
 * `[host, port, flowinfo, scopeid]` over IPv6. A socket that was already closed when the
 * connection was set up has no address to tell (Python's `None`).
 */
export interface TcpExtraInfo extends TlsExtraInfo {
  /** The remote address (Python's `socket.getpeername()`). */
  peername?: InetAddress;
  /** The local address (Python's `socket.getsockname()`). */
  sockname?: InetAddress;
  /** The Node socket underneath. */
  socket: net.Socket;
}

/**
 * `getExtraInfo` of a Unix socket connection: the addresses are paths, as in Python
 * (`""` for an unnamed end: a client's own name, a server connection's peer).
 */
export interface UnixExtraInfo extends TlsExtraInfo {
  peername: string;
  sockname: string;
  socket: net.Socket;
}

/** `getExtraInfo` of a UDP endpoint: `peername` only when it was made with `remoteAddr`. */
export interface DatagramExtraInfo {
  peername?: InetAddress;
  sockname: InetAddress;
  socket: dgram.Socket;
}

/** `getExtraInfo` of the read pipe of a child process's stdout or stderr. */
export interface ReadPipeExtraInfo {
  /** The Node stream of the pipe. */
  pipe: Readable;
}

/** `getExtraInfo` of the write pipe of a child process's stdin (a Process's `stdin` writer). */
export interface WritePipeExtraInfo {
  /** The Node stream of the pipe. */
  pipe: Writable;
}

/** `getExtraInfo` of a subprocess transport. */
export interface SubprocessExtraInfo {
  /** The Node `ChildProcess` (Python's `subprocess.Popen`). */
  subprocess: ChildProcess;
}

// What only Node has joins the host-free ExtraInfo (src/core/extrainfo.ts) wherever the
// Node entry is imported: every transport-specific interface above is assignable to it.
declare module "../core/extrainfo.js" {
  interface ExtraInfo extends TlsExtraInfo {
    socket?: net.Socket | dgram.Socket;
    pipe?: Readable | Writable;
    subprocess?: ChildProcess;
  }
}

export type { ExtraInfo, ExtraInfoOr } from "../core/extrainfo";
