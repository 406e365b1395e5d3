/**
 * asyncio-ts on Node: everything of the host-free core, plus the Node-only modules of
 * src/node/ (streams, transports, subprocesses, executors, DNS, signals).
 *
 * The Node modules add their methods to `EventLoop` (Python's loop has them on every
 * loop; here only the Node entry has them). Their types reach users through the module
 * augmentation below: each Node module exports an interface of the methods it adds,
 * and `EventLoop` extends them all.
 *
 * @packageDocumentation
 */
export * from "./index.browser";
export {
  ThreadPoolExecutor,
  type ThreadPoolExecutorOptions,
  type ShutdownOptions,
  type SubmittedCall,
  type WorkerFunction,
  type WorkerModule,
  type Executor,
  workerFunction,
  workerModule,
  toThread,
} from "./node/executors";
export { socket, type AddrInfo, type SockAddr, type GetAddrInfoOptions, type DnsLoopMethods } from "./node/dns";
export type { SignalLoopMethods } from "./node/signals";
import "./node/signals";
import "./node/watchdog";
import "./node/psdump";
import type { DnsLoopMethods } from "./node/dns";
import type { SignalLoopMethods } from "./node/signals";

declare module "./index.browser.js" {
  interface EventLoop extends DnsLoopMethods, SignalLoopMethods {}
}

export { osError } from "./node/oserrors";
export type {
  ExtraInfo,
  ExtraInfoOr,
  TcpExtraInfo,
  UnixExtraInfo,
  TlsExtraInfo,
  DatagramExtraInfo,
  ReadPipeExtraInfo,
  WritePipeExtraInfo,
  SubprocessExtraInfo,
  SslContextInfo,
} from "./node/extrainfo";
export {
  type SslOption,
  type SslOptions,
  type ConnectionOptions,
  type UnixConnectionOptions,
  type StreamProtocol,
  type TransportLoopMethods,
  SocketTransport,
} from "./node/transports";
export { type ServerOptions, type UnixServerOptions, Server, ServerSocket } from "./node/servers";
export { type DatagramOptions, UdpTransport } from "./node/datagram";
export {
  type OpenConnectionOptions,
  type StartServerOptions,
  type OpenUnixConnectionOptions,
  type StartUnixServerOptions,
  openConnection,
  startServer,
  openUnixConnection,
  startUnixServer,
} from "./node/streams";
export * as subprocess from "./node/subprocess";
export { createSubprocessExec, createSubprocessShell } from "./node/subprocess";
export {
  SubprocessTransport,
  type SubprocessTransportOptions,
  type SubprocessLoopMethods,
} from "./node/basesubprocess";
export type { ReadPipeTransport, WritePipeTransport } from "./node/pipes";
import type { TransportLoopMethods } from "./node/transports";
import type { SubprocessLoopMethods } from "./node/basesubprocess";

declare module "./index.browser.js" {
  // biome-ignore lint/suspicious/noEmptyInterface: the members come from the Node modules.
  interface EventLoop extends TransportLoopMethods, SubprocessLoopMethods {}
}
