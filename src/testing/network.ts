/**
 * A simulated network, in the spirit of Tokio's turmoil: many hosts in one process, TCP
 * connections between them carried by the loop's clock, with latency, bandwidth, jitter,
 * loss, partitions and resets, and randomness only from a seeded generator. Installed on
 * a loop (`runTest(main, { network })`, or `network.install(loop)`), it takes the place of
 * sockets for that loop's `createConnection` / `createServer`, so `asyncio.openConnection`
 * and `asyncio.startServer` reach it with the code under test unchanged. On a
 * VirtualClock a minute of network traffic takes milliseconds.
 *
 * Host-free, as the rest of `asyncio-ts/testing`: it reaches the core only through
 * `../index.browser`.
 */
import {
  type BufferedProtocolLike,
  type ClientConnectedCallback,
  type ProtocolLike,
  type Coroutine,
  ConnectionRefusedError,
  ContextVar,
  type EventLoop,
  Future,
  GaiError,
  type InetAddress,
  OSError,
  StreamReader,
  StreamReaderProtocol,
  StreamWriter,
  TimeoutError,
  _setLoopNetwork,
  _streamServerFactory,
  copyContext,
  getRunningLoop,
  isCoroutine,
  sleep,
} from "../index.browser";
import { NetworkServer } from "./netserver";
import { NetworkTransport, Pipe, sendAck } from "./nettransport";

/** How a link between two hosts carries data; every field is optional where it is given. */
export interface LinkOptions {
  /** One-way delay in seconds (default 0). */
  latency?: number;
  /** Extra one-way delay in seconds, uniform in [0, jitter), drawn from the seeded generator (default 0); order is kept. */
  jitter?: number;
  /** Bytes per second each way (default Infinity: no limit). */
  bandwidth?: number;
  /**
   * Probability in [0, 1) that a segment is lost and sent again: TCP hides the loss, so it
   * shows as delay (0.2 s, doubled at each further loss of the same segment). A lost SYN
   * or SYN-ACK waits for the next SYN retry (1, 3, 7… s after the first). Default 0.
   */
  loss?: number;
}

/** Options of `new Network()`: the default link between two different hosts, the seed, the buffers. */
export interface NetworkOptions extends LinkOptions {
  /** The seed of the generator behind jitter and loss: the same seed gives the same run (default 0). */
  seed?: number;
  /** Bytes a receiving end buffers before the sender must wait: the TCP window (default 64 KiB). */
  receiveBuffer?: number;
  /** The largest segment put on the wire at once, in bytes (default 1460, Ethernet's TCP payload). */
  mss?: number;
}

/** Options of `network.addHost`. */
export interface HostOptions {
  /** Its IPv4 address (default: the next free one of 10.0.0.0/8, from 10.0.0.2). */
  address?: string;
}

/** Options of `network.openConnection` (those of `asyncio.openConnection` that a simulated network has). */
export interface NetworkConnectionOptions {
  /** The reader's limit (default 64 KiB). */
  limit?: number;
}

/** Options of `network.startServer`. */
export interface NetworkServerOptions {
  /** Each reader's limit (default 64 KiB). */
  limit?: number;
  /** Accepted, as a socket server's; the simulated network has no listen queue to size. */
  backlog?: number;
  /** Accept connections at once (the default), or only after `startServing()` / `serveForever()`. */
  startServing?: boolean;
}

/** What `getExtraInfo` gives on a connection of the simulated network. */
export interface NetworkExtraInfo {
  /** `[address, port]` of the other end. */
  peername: InetAddress;
  /** `[address, port]` of this end. */
  sockname: InetAddress;
}

interface Host {
  readonly name: string;
  readonly address: string;
  /** Listening sockets by port. */
  readonly listeners: Map<number, Listener[]>;
  /** Local ports of its connections. */
  readonly ports: Set<number>;
  nextPort: number;
}

interface Listener {
  /** "any": every address; "loopback": 127.0.0.1; else the host's own address. */
  readonly scope: "any" | "loopback" | "address";
  readonly server: NetworkServer;
}

interface Connection {
  readonly client: NetworkTransport;
  readonly server: NetworkTransport;
}

type Link = Required<LinkOptions>;

/** The name of the host that code runs on unless `onHost` says otherwise. */
const MAIN = "main";
const FIRST_EPHEMERAL = 49152;
/** Linux's connect: the SYN is sent again 1, 3, 7, 15, 31 and 63 s after the first; at 127 s it gives up (tcp_syn_retries = 6). */
const SYN_SCHEDULE = [0, 1, 3, 7, 15, 31, 63, 127];
/** Linux's smallest retransmission timeout (TCP_RTO_MIN), and its largest. */
const RTO_MIN = 0.2;
const RTO_MAX = 120;
const LOOPBACK_NAMES = new Set(["localhost", "127.0.0.1", "::1"]);
const ANY_NAMES = new Set(["", "0.0.0.0", "::"]);
const LOOPBACK_LINK: Link = { latency: 0, jitter: 0, bandwidth: Infinity, loss: 0 };
const IPV4 = /^(?:(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)\.){3}(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)$/;

/**
 * A simulated TCP network (turmoil's idea, for asyncio-ts): hosts with addresses, links
 * with latency, jitter, bandwidth and loss, partitions, resets, all timed by the loop's
 * clock and randomised only by the seeded generator, so the same seed gives the same run
 * bit for bit. Code runs on host `"main"` unless `onHost` puts it on another; `127.0.0.1`
 * is always the host the code runs on.
 *
 * Installed on a loop (`runTest(main, { network })`, or `install(loop)`), it serves that
 * loop's `createConnection` and `createServer`: `asyncio.openConnection` and
 * `asyncio.startServer` reach it unchanged, the browser entry's too (a browser has no
 * sockets: there they need it). `network.openConnection` / `network.startServer` do the
 * same without installing.
 *
 * What it models, as Linux and CPython behave: a connection takes one round trip (the
 * server accepts after one and a half, when the client's first data can arrive too);
 * nobody listening gives `ConnectionRefusedError` (`[Errno 111] Connect call failed
 * ('10.0.0.2', 80)`) after a round trip; an unreachable host (partitioned, or an address
 * no host has) gives `TimeoutError` (`[Errno 110] …`) after 127 s of SYN retries, unless
 * healed before the next retry; a reset gives `ConnectionResetError` (`[Errno 104]
 * Connection reset by peer`) to reads, `drain()` and `waitClosed()`; closing with received
 * data unread resets the peer, as a socket does. Data from `n` bytes written arrives
 * `n / bandwidth + latency` later (payload bytes; no header overhead), in order.
 *
 * @example
 * const network = new Network({ latency: 0.05 }); // 50 ms each way between hosts
 * network.addHost("server");
 * function* echo(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) {
 *   writer.write(yield* reader.readline());
 *   writer.close();
 * }
 * function* main() {
 *   const server = yield* network.onHost("server", asyncio.startServer(echo, "0.0.0.0", 7));
 *   const [reader, writer] = yield* asyncio.openConnection("server", 7); // from host "main"
 *   writer.write("ping\n");
 *   const reply = new TextDecoder().decode(yield* reader.readline());
 *   const elapsed = asyncio.getRunningLoop().time();
 *   writer.close();
 *   server.close();
 *   yield* server.waitClosed();
 *   return [reply, elapsed.toFixed(2)];
 * }
 * // Connect (one round trip), then the line there and back (another): 0.2 s.
 * console.assert(JSON.stringify(await runTest(main, { network })) === '["ping\\n","0.20"]');
 */
export class Network {
  /** @internal */ _hosts: Map<string, Host>;
  /** @internal Hosts by address. */
  _addresses: Map<string, Host>;
  /** @internal */ _defaults: Link;
  /** @internal Links set by `link`, by the key of their two hosts. */
  _links: Map<string, Link>;
  /** @internal Keys of the host pairs cut off from each other. */
  _cuts: Set<string>;
  /** @internal */ _connections: Set<Connection>;
  /** @internal */ _current: ContextVar<Host>;
  /** @internal */ _random: () => number;
  /** @internal */ readonly _receiveBuffer: number;
  /** @internal */ readonly _mss: number;
  /** @internal */ _nextAddress: number;

  /**
   * A network with one host, `"main"` (10.0.0.1), where code runs unless `onHost` puts
   * it elsewhere; `options` give the links between different hosts (a host's link to
   * itself, loopback, is instant unless `link(h, h, …)` says otherwise).
   *
   * @throws RangeError naming the option for a negative or NaN time, a bandwidth not > 0,
   * a loss outside [0, 1), a seed that is not an integer, a buffer or segment size that
   * is not a positive integer.
   */
  constructor(options: NetworkOptions = {}) {
    if (typeof options !== "object" || options === null) throw new TypeError(`new Network() options must be an object, got ${String(options)}`);
    this._defaults = checkLink(withLink(LOOPBACK_LINK, options), "new Network() option");
    const seed = options.seed ?? 0;
    if (!Number.isInteger(seed)) throw new RangeError(`new Network() option seed must be an integer, got ${String(seed)}`);
    this._random = mulberry32(seed);
    this._receiveBuffer = checkSize(options.receiveBuffer ?? 64 * 1024, "receiveBuffer");
    this._mss = checkSize(options.mss ?? 1460, "mss");
    this._hosts = new Map();
    this._addresses = new Map();
    this._links = new Map();
    this._cuts = new Set();
    this._connections = new Set();
    this._nextAddress = 1;
    const main = this._addHost(MAIN, undefined);
    this._current = new ContextVar<Host>("asyncio-ts network host", { default: main });
  }

  /**
   * Adds a host and gives its address: 10.0.0.2, 10.0.0.3… unless `options.address` says.
   * Connections reach it by name or address; code runs on it inside `onHost(name, …)`.
   *
   * @throws RangeError if the name or the address is taken, the name is empty or
   * `localhost`, or the address is not a plain IPv4 address (nor loopback, nor 0.0.0.0).
   */
  addHost(name: string, options: HostOptions = {}): string {
    return this._addHost(name, options.address).address;
  }

  /** The names of the hosts, `"main"` first. */
  get hosts(): string[] {
    return [...this._hosts.keys()];
  }

  /**
   * The address of host `name`.
   *
   * @throws RangeError for a host the network does not have.
   */
  addressOf(name: string): string {
    return this._host(name, "addressOf").address;
  }

  /** The name of the host the current code runs on (`"main"` outside any `onHost`). */
  currentHost(): string {
    return this._current.get().name;
  }

  /**
   * Runs `body` on host `name` (turmoil's hosts): connections it opens leave from there,
   * servers it starts listen there, and the tasks it creates (a server's connection
   * handlers too) stay there. `body` is a coroutine or a function giving one.
   *
   * @example
   * const network = new Network();
   * network.addHost("db", { address: "10.1.0.5" });
   * function* main() {
   *   const server = yield* network.onHost("db", asyncio.startServer(function* (_reader, writer) {
   *     writer.write(`${network.currentHost()} sees ${writer.getExtraInfo("peername")![0]}\n`);
   *     writer.close();
   *   }, null, 5432));
   *   const [reader, writer] = yield* asyncio.openConnection("10.1.0.5", 5432);
   *   const line = new TextDecoder().decode(yield* reader.readline());
   *   writer.close();
   *   server.close();
   *   yield* server.waitClosed();
   *   return line;
   * }
   * console.assert((await runTest(main, { network })) === "db sees 10.0.0.1\n");
   *
   * @throws RangeError for a host the network does not have; TypeError if `body` is not
   * a coroutine or a function giving one.
   */
  *onHost<T>(name: string, body: Coroutine<T> | (() => Coroutine<T>)): Coroutine<T> {
    const host = this._host(name, "onHost");
    const coroutine = typeof body === "function" ? body() : body;
    if (!isCoroutine(coroutine)) throw new TypeError(`Network.onHost() needs a coroutine or a function giving one, got ${typeof coroutine}`);
    const token = this._current.set(host);
    try {
      return yield* coroutine;
    } finally {
      this._current.reset(token);
    }
  }

  /**
   * Sets how the link between hosts `a` and `b` carries data, both ways (the fields not
   * given keep their value); `link(a, a, …)` sets `a`'s loopback. Data already on its way
   * keeps its timing.
   *
   * @throws RangeError for an unknown host or a bad value, naming it.
   */
  link(a: string, b: string, options: LinkOptions): void {
    this._host(a, "link");
    this._host(b, "link");
    const key = pairKey(a, b);
    if (typeof options !== "object" || options === null) throw new TypeError(`Network.link() options must be an object, got ${String(options)}`);
    this._links.set(key, checkLink(withLink(this._linkOf(a, b), options), `Network.link(${JSON.stringify(a)}, ${JSON.stringify(b)}) option`));
  }

  /**
   * Cuts hosts `a` and `b` off from each other (or `a` from every other host): segments
   * between them wait, as TCP retransmits them, until `heal`; connection attempts get no
   * answer (TimeoutError after 127 s unless healed before a retry). Connections stay open:
   * Linux gives up on one only after about 15 minutes of retries, so a test that wants
   * them to fail calls `reset`.
   *
   * @throws RangeError for an unknown host, or a host cut off from itself.
   */
  partition(a: string, b?: string): void {
    this._host(a, "partition");
    if (b === a) throw new RangeError(`Network.partition() cannot cut host ${JSON.stringify(a)} off from itself (loopback always works)`);
    for (const other of b === undefined ? this._hosts.keys() : [this._host(b, "partition").name]) {
      if (other !== a) this._cuts.add(pairKey(a, other));
    }
  }

  /**
   * Joins what `partition` cut: hosts `a` and `b`, every cut of `a`, or (no argument)
   * every cut. Held segments arrive one link delay later.
   *
   * @throws RangeError for an unknown host.
   */
  heal(a?: string, b?: string): void {
    if (a !== undefined) this._host(a, "heal");
    if (b !== undefined) this._host(b, "heal");
    for (const key of [...this._cuts]) {
      const [x, y] = key.split("\n") as [string, string];
      if (a === undefined || (b === undefined ? x === a || y === a : key === pairKey(a, b))) this._cuts.delete(key);
    }
    for (const { client } of this._connections) {
      client._out._heal();
      client._in._heal();
    }
  }

  /**
   * Resets every connection between hosts `a` and `b` (or every connection of `a`, or
   * with no argument every connection), as a middlebox sending RST both ways: both ends
   * get `ConnectionResetError` (`[Errno 104] Connection reset by peer`) from their next
   * read, `drain()` and `waitClosed()`, and data on its way is lost. Gives how many
   * connections it reset.
   *
   * @throws RangeError for an unknown host.
   */
  reset(a?: string, b?: string): number {
    if (a !== undefined) this._host(a, "reset");
    if (b !== undefined) this._host(b, "reset");
    let n = 0;
    for (const connection of [...this._connections]) {
      const x = connection.client._out.from;
      const y = connection.client._out.to;
      if (a !== undefined && (b === undefined ? x !== a && y !== a : pairKey(x, y) !== pairKey(a, b))) continue;
      if (connection.client._socketClosed && connection.server._socketClosed) continue;
      connection.client._reset();
      connection.server._reset();
      n++;
    }
    return n;
  }

  /**
   * Makes `loop`'s `createConnection` and `createServer` (so `asyncio.openConnection`
   * and `asyncio.startServer`) use this network instead of sockets, until `uninstall`.
   * `runTest(main, { network })` installs it on the test's loop.
   *
   * @example
   * const network = new Network();
   * function* main() {
   *   const server = yield* asyncio.startServer(() => {}, "127.0.0.1", 8080);
   *   server.close();
   *   return server.toString();
   * }
   * const loop = asyncio.newEventLoop({ clock: new asyncio.VirtualClock() });
   * network.install(loop);
   * console.assert((await loop.runUntilComplete(main())) === '<NetworkServer sockets=[["127.0.0.1",8080]] closed>');
   * network.uninstall(loop);
   * loop.close();
   */
  install(loop: EventLoop): void {
    _setLoopNetwork(loop, this);
  }

  /** Gives `loop` back its sockets. */
  uninstall(loop: EventLoop): void {
    _setLoopNetwork(loop, null);
  }

  /**
   * `asyncio.openConnection` over this network, installed or not: connects from the
   * current host to `host:port` and gives `[reader, writer]`.
   *
   * @throws as `createConnection`.
   */
  *openConnection(host: string, port: number, options: NetworkConnectionOptions = {}): Coroutine<[StreamReader, StreamWriter<NetworkExtraInfo>]> {
    const loop = getRunningLoop();
    const { limit, ...rest } = options;
    const reader = new StreamReader(limit, loop);
    const protocol = new StreamReaderProtocol(reader, null, loop);
    const [transport] = yield* this._createConnection(loop, () => protocol, host, port, rest);
    return [reader, new StreamWriter<NetworkExtraInfo>(transport, protocol, reader, loop)];
  }

  /**
   * `asyncio.startServer` over this network, installed or not: listens on the current
   * host and calls `clientConnected(reader, writer)` for each connection (a coroutine it
   * returns runs as a task).
   *
   * @example
   * const network = new Network({ latency: 0.01 });
   * function* main() {
   *   const server = yield* network.startServer(function* (reader, writer) {
   *     writer.write((yield* reader.read()).reverse());
   *     writer.close();
   *   }, "0.0.0.0", 9000);
   *   const [reader, writer] = yield* network.openConnection("10.0.0.1", 9000);
   *   writer.write("abc");
   *   writer.writeEof();
   *   const reply = new TextDecoder().decode(yield* reader.read());
   *   writer.close();
   *   yield* asyncio.asyncWith(server, function* () {});
   *   return reply;
   * }
   * console.assert((await runTest(main)) === "cba");
   *
   * @throws as `createServer`.
   */
  *startServer(
    clientConnected: ClientConnectedCallback<NetworkExtraInfo>,
    host: string | readonly string[] | null | undefined,
    port: number,
    options: NetworkServerOptions = {},
  ): Coroutine<NetworkServer> {
    const loop = getRunningLoop();
    const { limit, ...rest } = options;
    return yield* this._createServer(loop, _streamServerFactory(loop, limit, clientConnected, "Network.startServer"), host, port, rest);
  }

  /**
   * `loop.createConnection` over this network: connects from the current host to
   * `host:port`, makes the protocol with `protocolFactory` once connected and gives
   * `[transport, protocol]` after its `connectionMade`.
   *
   * @throws ConnectionRefusedError when nothing listens there; TimeoutError when the host
   * cannot be reached (partitioned, or no host has the address) for 127 s; GaiError
   * (`[Errno -2] Name or service not known`) for a name no host has; TypeError /
   * RangeError for bad arguments.
   */
  *createConnection<P extends ProtocolLike | BufferedProtocolLike>(protocolFactory: () => P, host: string, port: number): Coroutine<[NetworkTransport, P]> {
    const [transport, protocol] = yield* this._createConnection(getRunningLoop(), protocolFactory, host, port, {});
    return [transport, protocol as P];
  }

  /**
   * `loop.createServer` over this network: listens on the current host on `host:port`
   * (`null`, `""` or `0.0.0.0`: every address of the host; `127.0.0.1`: loopback only;
   * port 0: a free port) and serves each connection with a protocol from
   * `protocolFactory`.
   *
   * @throws OSError `[Errno 98] … address already in use` when the port is taken;
   * `[Errno 99] … cannot assign requested address` for another host's address; GaiError
   * for an unknown name; TypeError for `ssl`.
   */
  *createServer(protocolFactory: () => ProtocolLike | BufferedProtocolLike, host: string | readonly string[] | null | undefined, port: number, options: NetworkServerOptions = {}): Coroutine<NetworkServer> {
    return yield* this._createServer(getRunningLoop(), protocolFactory, host, port, options);
  }

  toString(): string {
    const hosts = [...this._hosts.values()].map((h) => `${h.name} ${h.address}`);
    return `<Network hosts=[${hosts.join(", ")}] connections=${this._connections.size}>`;
  }

  // ---- the loop's hook (core/networks.ts) ----

  /** @internal */
  *_createConnection(
    loop: EventLoop,
    protocolFactory: () => ProtocolLike | BufferedProtocolLike,
    host: string,
    port: number,
    options: { ssl?: unknown; serverHostname?: string; localAddr?: [string, number] },
  ): Coroutine<[NetworkTransport, ProtocolLike | BufferedProtocolLike]> {
    if (typeof protocolFactory !== "function") throw new TypeError(`createConnection() protocolFactory must be a function returning a protocol, got ${typeof protocolFactory}`);
    if (typeof host !== "string" || host === "") throw new TypeError(`createConnection() host must be a non-empty string, got ${JSON.stringify(host)}`);
    if (!Number.isInteger(port) || port < 0 || port > 65535) throw new RangeError(`createConnection() port must be an integer 0-65535, got ${String(port)}`);
    unsupported(options, "createConnection");
    const local = this._current.get();
    const [target, address] = this._resolve(host, local);
    const where = `('${address}', ${port})`;
    const start = loop.time();
    for (let attempt = 0; ; attempt++) {
      if (attempt > 0) yield* sleep(start + SYN_SCHEDULE[attempt]! - loop.time());
      if (attempt === SYN_SCHEDULE.length - 1) throw new TimeoutError(`[Errno 110] Connect call failed ${where}`);
      if (target === null || this._cuts.has(pairKey(local.name, target.name))) continue;
      const link = this._linkOf(local.name, target.name);
      // A lost SYN (or SYN-ACK) is sent again at the next retry, not after an RTO.
      if (link.loss > 0 && this._random() < link.loss) continue;
      yield* sleep(this._oneWay(link, false)); // the SYN
      const listener = findListener(target, port, address === "127.0.0.1" ? "loopback" : "address");
      const back = this._oneWay(link, false); // the SYN-ACK, or a reset
      if (listener === undefined) {
        yield* sleep(back);
        throw new ConnectionRefusedError(`[Errno 111] Connect call failed ${where}`, 111, "ECONNREFUSED");
      }
      if (link.loss > 0 && this._random() < link.loss) continue;
      yield* sleep(back);
      // The SYN-ACK is in: the connection exists at both ends (the server accepts it when
      // the handshake's last segment arrives), and the protocol is made.
      const protocol = protocolFactory();
      const loopback = address === "127.0.0.1";
      const localPort = ephemeralPort(local);
      const sockname: InetAddress = [loopback ? "127.0.0.1" : local.address, localPort];
      const up = new Pipe(this, loop, local.name, target.name);
      const down = new Pipe(this, loop, target.name, local.name);
      const client = new NetworkTransport(this, loop, copyContext(), up, down, sockname, [address, port]);
      const server = new NetworkTransport(this, loop, listener.server._context.copy(), down, up, [address, port], sockname);
      client._peer = server;
      server._peer = client;
      const connection: Connection = { client, server };
      this._connections.add(connection);
      client._onLost = () => {
        local.ports.delete(localPort);
        if (server._socketClosed) this._connections.delete(connection);
      };
      server._onLost = () => {
        if (client._socketClosed) this._connections.delete(connection);
      };
      server._onAccept = () => listener.server._accept(server);
      const waiter = new Future<undefined>(loop);
      sendAck(up);
      client._start(protocol, waiter);
      try {
        yield* waiter;
      } catch (error) {
        client.close();
        throw error;
      }
      return [client, protocol];
    }
  }

  /** @internal */
  *_createServer(
    loop: EventLoop,
    protocolFactory: () => ProtocolLike | BufferedProtocolLike,
    host: string | readonly string[] | null | undefined,
    port: number,
    options: { ssl?: unknown; backlog?: number; startServing?: boolean },
  ): Coroutine<NetworkServer> {
    if (typeof protocolFactory !== "function") throw new TypeError(`createServer() protocolFactory must be a function returning a protocol, got ${typeof protocolFactory}`);
    if (!Number.isInteger(port) || port < 0 || port > 65535) throw new RangeError(`createServer() port must be an integer 0-65535, got ${String(port)}`);
    unsupported(options, "createServer");
    const local = this._current.get();
    const names = host === null || host === undefined ? [""] : typeof host === "string" ? [host] : [...host];
    const binds = names.map((name) => this._bindAddress(name, local, port));
    const chosen = port === 0 ? ephemeralPort(local) : port;
    if (port === 0) local.ports.delete(chosen); // reserved by the listener below instead
    const scopes = (local.listeners.get(chosen) ?? []).map((l) => l.scope);
    for (const [scope, address] of binds) {
      const taken = scopes.some((other) => other === "any" || scope === "any" || other === scope);
      scopes.push(scope);
      if (taken) throw new OSError(`[Errno 98] error while attempting to bind on address ('${address}', ${chosen}): address already in use`, 98, "EADDRINUSE");
    }
    const addresses = binds.map(([, address]): InetAddress => [address, chosen]);
    const listeners: Listener[] = [];
    const server = new NetworkServer(loop, protocolFactory, copyContext(), addresses, () => {
      const remaining = (local.listeners.get(chosen) ?? []).filter((l) => !listeners.includes(l));
      if (remaining.length === 0) local.listeners.delete(chosen);
      else local.listeners.set(chosen, remaining);
    });
    for (const [scope] of binds) listeners.push({ scope, server });
    local.listeners.set(chosen, [...(local.listeners.get(chosen) ?? []), ...listeners]);
    if (options.startServing ?? true) server._startServing();
    return server;
  }

  // ---- Wire: what the pipes ask ----

  /** @internal When a segment of `n` bytes put on `pipe` now arrives. */
  _timing(pipe: Pipe, n: number): number {
    const link = this._linkOf(pipe.from, pipe.to);
    const start = Math.max(pipe._loop.time(), pipe._busyUntil);
    const sent = n === 0 || link.bandwidth === Infinity ? start : start + n / link.bandwidth;
    pipe._busyUntil = sent;
    return sent + this._oneWay(link);
  }

  /** @internal */
  _cut(pipe: Pipe): boolean {
    return pipe.from !== pipe.to && this._cuts.has(pairKey(pipe.from, pipe.to));
  }

  // ---- internals ----

  /** @internal Latency, jitter and (with `lossy`) the retransmissions of one segment. */
  _oneWay(link: Link, lossy = true): number {
    let delay = link.latency;
    if (link.jitter > 0) delay += link.jitter * this._random();
    if (!lossy) return delay;
    for (let rto = RTO_MIN; link.loss > 0 && this._random() < link.loss; rto = Math.min(rto * 2, RTO_MAX)) delay += rto;
    return delay;
  }

  /** @internal */
  _linkOf(a: string, b: string): Link {
    return this._links.get(pairKey(a, b)) ?? (a === b ? LOOPBACK_LINK : this._defaults);
  }

  /** @internal */
  _addHost(name: string, address: string | undefined): Host {
    if (typeof name !== "string" || name === "" || name === "localhost") throw new RangeError(`Network.addHost() name must be a non-empty string other than "localhost", got ${JSON.stringify(name)}`);
    if (this._hosts.has(name)) throw new RangeError(`Network.addHost(): the network already has a host ${JSON.stringify(name)} (${this._hosts.get(name)!.address})`);
    if (address === undefined) {
      do address = `10.0.${(this._nextAddress >> 8) & 255}.${this._nextAddress++ & 255}`;
      while (this._addresses.has(address) || address.endsWith(".0"));
    } else if (typeof address !== "string" || !IPV4.test(address) || address.startsWith("127.") || address === "0.0.0.0") {
      throw new RangeError(`Network.addHost() address must be an IPv4 address such as "10.0.0.7" (not loopback, not 0.0.0.0), got ${JSON.stringify(address)}`);
    } else if (this._addresses.has(address)) {
      throw new RangeError(`Network.addHost(): address ${address} is already host ${JSON.stringify(this._addresses.get(address)!.name)}'s`);
    }
    const host: Host = { name, address, listeners: new Map(), ports: new Set(), nextPort: FIRST_EPHEMERAL };
    this._hosts.set(name, host);
    this._addresses.set(address, host);
    return host;
  }

  /** @internal */
  _host(name: string, method: string): Host {
    const host = this._hosts.get(name);
    if (host === undefined) throw new RangeError(`Network.${method}(): no host ${JSON.stringify(name)} on ${this} (add it with addHost)`);
    return host;
  }

  /**
   * @internal The host a connection to `name` from `local` reaches, and the address it
   * connects to; null for an address no host has (it times out, as an unused address does).
   */
  _resolve(name: string, local: Host): [Host | null, string] {
    if (LOOPBACK_NAMES.has(name)) return [local, "127.0.0.1"];
    const host = this._hosts.get(name) ?? this._addresses.get(name);
    if (host !== undefined) return [host, host.address];
    if (IPV4.test(name)) return [null, name];
    throw new GaiError(`[Errno -2] Name or service not known: no host ${JSON.stringify(name)} on ${this}`, -2);
  }

  /** @internal What binding to `name` on `local` listens on. */
  _bindAddress(name: string, local: Host, port: number): [Listener["scope"], string] {
    if (ANY_NAMES.has(name)) return ["any", "0.0.0.0"];
    if (LOOPBACK_NAMES.has(name)) return ["loopback", "127.0.0.1"];
    const [host, address] = this._resolve(name, local);
    if (host !== local) {
      const hint = host === null ? "no host has it" : `it is host ${JSON.stringify(host.name)}'s, and this code runs on ${JSON.stringify(local.name)}: start the server inside network.onHost(${JSON.stringify(host.name)}, …)`;
      throw new OSError(`[Errno 99] error while attempting to bind on address ('${address}', ${port}): cannot assign requested address (${hint})`, 99, "EADDRNOTAVAIL");
    }
    return ["address", address];
  }
}

function findListener(host: Host, port: number, kind: "loopback" | "address"): Listener | undefined {
  const listeners = host.listeners.get(port);
  if (listeners === undefined) return undefined;
  return listeners.find((l) => l.server._isListening && (l.scope === "any" || l.scope === kind));
}

/** A free local port of `host`, taken: 49152 upwards, in order, as a fresh host gives them. */
function ephemeralPort(host: Host): number {
  for (let i = 0; i <= 65535 - FIRST_EPHEMERAL; i++) {
    const port = host.nextPort;
    host.nextPort = port === 65535 ? FIRST_EPHEMERAL : port + 1;
    if (!host.ports.has(port) && !host.listeners.has(port)) {
      host.ports.add(port);
      return port;
    }
  }
  throw new OSError(`[Errno 99] Cannot assign requested address: host ${JSON.stringify(host.name)} has no free local port`, 99, "EADDRNOTAVAIL");
}

function pairKey(a: string, b: string): string {
  return a < b ? `${a}\n${b}` : `${b}\n${a}`;
}

function unsupported(options: { ssl?: unknown; localAddr?: unknown }, method: string): void {
  if (typeof options !== "object" || options === null) throw new TypeError(`${method}() options must be an object, got ${String(options)}`);
  if (options.ssl !== undefined && options.ssl !== false && options.ssl !== null) {
    throw new TypeError(`${method}() over a simulated Network has no TLS: leave out ssl (test TLS on real sockets)`);
  }
  if (options.localAddr !== undefined) throw new TypeError(`${method}() over a simulated Network does not take localAddr`);
}

/** `base` with the fields `options` gives (an undefined one keeps `base`'s). */
function withLink(base: Link, options: LinkOptions): Link {
  return {
    latency: options.latency ?? base.latency,
    jitter: options.jitter ?? base.jitter,
    bandwidth: options.bandwidth ?? base.bandwidth,
    loss: options.loss ?? base.loss,
  };
}

function checkLink(link: Link, what: string): Link {
  const { latency, jitter, bandwidth, loss } = link;
  if (typeof latency !== "number" || !(latency >= 0) || latency === Infinity) throw new RangeError(`${what} latency must be a finite number of seconds >= 0, got ${String(latency)}`);
  if (typeof jitter !== "number" || !(jitter >= 0) || jitter === Infinity) throw new RangeError(`${what} jitter must be a finite number of seconds >= 0, got ${String(jitter)}`);
  if (typeof bandwidth !== "number" || !(bandwidth > 0)) throw new RangeError(`${what} bandwidth must be a number of bytes per second > 0 (Infinity: no limit), got ${String(bandwidth)}`);
  if (typeof loss !== "number" || !(loss >= 0 && loss < 1)) throw new RangeError(`${what} loss must be a probability in [0, 1), got ${String(loss)}`);
  return { latency, jitter, bandwidth, loss };
}

function checkSize(value: unknown, name: string): number {
  if (!Number.isInteger(value) || !((value as number) > 0)) throw new RangeError(`new Network() option ${name} must be a positive integer number of bytes, got ${String(value)}`);
  return value as number;
}

/** A small seeded generator (mulberry32): uniform in [0, 1), the same sequence for the same seed. */
function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
