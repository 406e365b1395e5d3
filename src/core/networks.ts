/**
 * The per-loop hook through which a simulated network (`asyncio-ts/testing`'s `Network`)
 * takes the place of sockets: while one is set for a loop, that loop's
 * `createConnection` and `createServer` (so `openConnection` and `startServer`) connect
 * through it instead of the host's sockets. A WeakMap lookup when a connection or server
 * is made; nothing on the loop's hot path.
 */
import type { Coroutine } from "./coroutines";
import type { EventLoop } from "./events";
import type { BaseTransport, BufferedProtocolLike, ProtocolLike } from "./protocols";

/** What a network given to `setLoopNetwork` does in place of the loop's socket methods. */
export interface LoopNetwork {
  /** `loop.createConnection(protocolFactory, host, port, options)` over the network. */
  _createConnection(
    loop: EventLoop,
    protocolFactory: () => ProtocolLike | BufferedProtocolLike,
    host: string,
    port: number,
    options: { ssl?: unknown; serverHostname?: string; localAddr?: [string, number] },
  ): Coroutine<[BaseTransport, ProtocolLike | BufferedProtocolLike]>;
  /** `loop.createServer(protocolFactory, host, port, options)` over the network. */
  _createServer(
    loop: EventLoop,
    protocolFactory: () => ProtocolLike | BufferedProtocolLike,
    host: string | readonly string[] | null | undefined,
    port: number,
    options: { ssl?: unknown; backlog?: number; startServing?: boolean },
  ): Coroutine<unknown>;
}

const networks = new WeakMap<EventLoop, LoopNetwork>();

/** Connects `loop`'s streams through `network` from now on; `null` gives it back its sockets. */
export function setLoopNetwork(loop: EventLoop, network: LoopNetwork | null): void {
  if (network === null) networks.delete(loop);
  else networks.set(loop, network);
}

/** The network set for `loop`, if any. */
export function loopNetwork(loop: EventLoop): LoopNetwork | undefined {
  return networks.get(loop);
}
