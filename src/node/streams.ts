/**
 * Streams (Python's `asyncio/streams.py`) over sockets: openConnection / startServer
 * (TCP, TLS) and openUnixConnection / startUnixServer, built on the loop's
 * createConnection / createServer exactly as asyncio builds them. StreamReader,
 * StreamWriter and StreamReaderProtocol are host-free, in core/streams.ts.
 */
import type { Coroutine } from "../core/coroutines";
import { type EventLoop, getRunningLoop } from "../core/events";
import { type ClientConnectedCallback, type StreamReader, type StreamWriter, _openStreams, _streamServerFactory } from "../core/streams";
import type { TcpExtraInfo, UnixExtraInfo } from "./extrainfo";
import type { InetAddress } from "./protocols";
import { type ConnectionOptions, Server, type ServerOptions, type TransportLoopMethods, type UnixConnectionOptions, type UnixServerOptions } from "./transports";

export {
  DEFAULT_LIMIT,
  type ClientConnectedCallback,
  FlowControlMixin,
  type ReaderTransport,
  StreamReader,
  StreamReaderProtocol,
  StreamWriter,
  type StreamWriterProtocol,
  type WriterTransport,
} from "../core/streams";

// ---- the high-level functions ----

type LoopWithTransports = EventLoop & TransportLoopMethods;

/** Options of `openConnection`: the connection's, and the reader's `limit`. */
export interface OpenConnectionOptions extends ConnectionOptions {
  /** The reader's limit (default 64 KiB). */
  limit?: number;
}

/** Options of `startServer`: the server's, and each reader's `limit`. */
export interface StartServerOptions extends ServerOptions {
  /** Each reader's limit (default 64 KiB). */
  limit?: number;
}

/** Options of `openUnixConnection`. */
export interface OpenUnixConnectionOptions extends UnixConnectionOptions {
  /** The reader's limit (default 64 KiB). */
  limit?: number;
}

/** Options of `startUnixServer`. */
export interface StartUnixServerOptions extends UnixServerOptions {
  /** Each reader's limit (default 64 KiB). */
  limit?: number;
}

/**
 * Connects to `host:port` (TLS with `ssl`) and gives `[reader, writer]` (Python's
 * `asyncio.open_connection`).
 *
 * @example
 * function* main() {
 *   const server = yield* asyncio.startServer(function* (reader, writer) {
 *     writer.write(yield* reader.readline());
 *     writer.close();
 *   }, "127.0.0.1", 0);
 *   const [, port] = server.sockets[0]!.getsockname();
 *   const [reader, writer] = yield* asyncio.openConnection("127.0.0.1", port);
 *   writer.write("hello\n");
 *   const reply = new TextDecoder().decode(yield* reader.readline());
 *   writer.close();
 *   server.close();
 *   yield* server.waitClosed();
 *   return reply;
 * }
 * console.assert((await asyncio.run(main())) === "hello\n");
 *
 * @throws as `loop.createConnection` (ConnectionRefusedError, SSLError, …).
 */
export function* openConnection(host: string, port: number, options: OpenConnectionOptions = {}): Coroutine<[StreamReader, StreamWriter<TcpExtraInfo>]> {
  const loop = getRunningLoop() as LoopWithTransports;
  const { limit, ...rest } = options;
  return yield* _openStreams<TcpExtraInfo>(loop, limit, (factory) => loop.createConnection(factory, host, port, rest));
}

/**
 * Starts a server on `host:port` that calls `clientConnected(reader, writer)` for each
 * connection (Python's `asyncio.start_server`); a coroutine it returns runs as a task.
 *
 * @throws as `loop.createServer`.
 */
export function* startServer(
  clientConnected: ClientConnectedCallback<TcpExtraInfo>,
  host: string | readonly string[] | null | undefined,
  port: number,
  options: StartServerOptions = {},
): Coroutine<Server<InetAddress>> {
  const loop = getRunningLoop() as LoopWithTransports;
  const { limit, ...rest } = options;
  // The protocol makes the writer of each connection, over a TCP socket transport.
  return yield* loop.createServer(_streamServerFactory(loop, limit, clientConnected, "startServer"), host, port, rest);
}

/** As `openConnection`, over the Unix socket at `path` (Python's `asyncio.open_unix_connection`). */
export function* openUnixConnection(path: string, options: OpenUnixConnectionOptions = {}): Coroutine<[StreamReader, StreamWriter<UnixExtraInfo>]> {
  const loop = getRunningLoop() as LoopWithTransports;
  const { limit, ...rest } = options;
  return yield* _openStreams<UnixExtraInfo>(loop, limit, (factory) => loop.createUnixConnection(factory, path, rest));
}

/** As `startServer`, on the Unix socket at `path` (Python's `asyncio.start_unix_server`). */
export function* startUnixServer(
  clientConnected: ClientConnectedCallback<UnixExtraInfo>,
  path: string,
  options: StartUnixServerOptions = {},
): Coroutine<Server<string>> {
  const loop = getRunningLoop() as LoopWithTransports;
  const { limit, ...rest } = options;
  return yield* loop.createUnixServer(_streamServerFactory(loop, limit, clientConnected, "startUnixServer"), path, rest);
}

export { Server };
