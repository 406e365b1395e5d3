/**
 * The per-loop hook through which a simulated network (`asyncio-ts/testing`'s `Network`)
 * takes the place of sockets: while one is set for a loop, that loop's
 * `createConnection` and `createServer` (so `openConnection` and `startServer`) connect
 * through it instead of the host's sockets. A WeakMap lookup when a connection or server
 * is made; nothing on the loop's hot path.
 *
 * Also the host-free entry's `openConnection` and `startServer`: a browser has no
 * sockets, so there they go over the network set for the running loop, and say so
 * plainly when none is.
 */
import type { Coroutine } from "./coroutines";
import { type EventLoop, getRunningLoop } from "./events";
import { RuntimeError } from "./exceptions";
import type { BufferedProtocolLike, ProtocolLike, Transport } from "./protocols";
import { describe } from "./repr";
import type { AbstractServer } from "./servers";
import { type ClientConnectedCallback, type StreamReader, type StreamWriter, _openStreams, _streamServerFactory } from "./streams";

/** @internal What a network given to `setLoopNetwork` does in place of the loop's socket methods. */
export interface LoopNetwork {
  /** `loop.createConnection(protocolFactory, host, port, options)` over the network. */
  _createConnection(
    loop: EventLoop,
    protocolFactory: () => ProtocolLike | BufferedProtocolLike,
    host: string,
    port: number,
    options: { ssl?: unknown; serverHostname?: string; localAddr?: [string, number] },
  ): Coroutine<[Transport, ProtocolLike | BufferedProtocolLike]>;
  /** `loop.createServer(protocolFactory, host, port, options)` over the network. */
  _createServer(
    loop: EventLoop,
    protocolFactory: () => ProtocolLike | BufferedProtocolLike,
    host: string | readonly string[] | null | undefined,
    port: number,
    options: { ssl?: unknown; backlog?: number; startServing?: boolean },
  ): Coroutine<AbstractServer>;
}

const networks = new WeakMap<EventLoop, LoopNetwork>();

/** @internal Connects `loop`'s streams through `network` from now on; `null` gives it back its sockets. */
export function setLoopNetwork(loop: EventLoop, network: LoopNetwork | null): void {
  if (network === null) networks.delete(loop);
  else networks.set(loop, network);
}

/** @internal The network set for `loop`, if any. */
export function loopNetwork(loop: EventLoop): LoopNetwork | undefined {
  return networks.get(loop);
}

/** Options of the host-free `openConnection`: those a simulated network has. */
export interface OpenConnectionOptions {
  /** The reader's limit (default 64 KiB). */
  limit?: number;
}

/** Options of the host-free `startServer`: those a simulated network has. */
export interface StartServerOptions {
  /** Each reader's limit (default 64 KiB). */
  limit?: number;
  /** Accepted, as a socket server's; a simulated network has no listen queue to size. */
  backlog?: number;
  /** Accept connections at once (the default), or only after `startServing()` / `serveForever()`. */
  startServing?: boolean;
}

/**
 * Connects to `host:port` and gives `[reader, writer]` (Python's
 * `asyncio.open_connection`), over the simulated network installed on the running loop:
 * this entry is host-free, and a browser has no sockets. The Node entry's
 * `openConnection` uses sockets, or the network when one is installed.
 *
 * @example
 * import { Network } from "asyncio-ts/testing";
 * const network = new Network({ latency: 0.05 });
 * network.addHost("echo");
 * function* main() {
 *   network.install(asyncio.getRunningLoop());
 *   const server = yield* network.onHost("echo", asyncio.startServer(function* (reader, writer) {
 *     writer.write(yield* reader.readline());
 *     writer.close();
 *   }, "0.0.0.0", 7));
 *   const [reader, writer] = yield* asyncio.openConnection("echo", 7);
 *   writer.write("ping\n");
 *   const reply = new TextDecoder().decode(yield* reader.readline());
 *   writer.close();
 *   server.close();
 *   yield* server.waitClosed();
 *   return `${reply.trim()} after ${asyncio.getRunningLoop().time().toFixed(2)} s`;
 * }
 * console.assert(asyncio.runSync(main(), { clock: new asyncio.VirtualClock() }) === "ping after 0.20 s");
 *
 * @throws RuntimeError when no network is installed on the loop; as the network's
 * `createConnection` (ConnectionRefusedError, TimeoutError, GaiError, …) otherwise.
 */
export function* openConnection(host: string, port: number, options: OpenConnectionOptions = {}): Coroutine<[StreamReader, StreamWriter]> {
  const loop = getRunningLoop();
  const network = installedNetwork(loop, `openConnection(${describe(host)}, ${describe(port)})`);
  const { limit, ...rest } = options;
  return yield* _openStreams(loop, limit, (factory) => network._createConnection(loop, factory, host, port, rest));
}

/**
 * Starts a server on `host:port` that calls `clientConnected(reader, writer)` for each
 * connection (Python's `asyncio.start_server`; a coroutine it returns runs as a task),
 * on the current host of the simulated network installed on the running loop: this entry
 * is host-free, and a browser has no sockets.
 *
 * @throws RuntimeError when no network is installed on the loop; TypeError when
 * `clientConnected` is not a function; as the network's `createServer` (OSError for a
 * port in use, …) otherwise.
 */
export function* startServer(
  clientConnected: ClientConnectedCallback,
  host: string | readonly string[] | null | undefined,
  port: number,
  options: StartServerOptions = {},
): Coroutine<AbstractServer> {
  const loop = getRunningLoop();
  const network = installedNetwork(loop, `startServer(…, ${describe(host)}, ${describe(port)})`);
  const { limit, ...rest } = options;
  return yield* network._createServer(loop, _streamServerFactory(loop, limit, clientConnected, "startServer"), host, port, rest);
}

function installedNetwork(loop: EventLoop, call: string): LoopNetwork {
  const network = networks.get(loop);
  if (network !== undefined) return network;
  throw new RuntimeError(
    `${call}: no sockets in a browser; use the fake network of asyncio-ts/testing (network.install(loop), or runTest(main, { network })): ${String(loop)} has none installed`,
  );
}
