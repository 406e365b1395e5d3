/**
 * Name resolution on the loop (Python's `loop.getaddrinfo` and `loop.getnameinfo`), and
 * the `socket` constants they take and give, over Node's `dns.lookup` and
 * `dns.lookupService` (the system resolver, as Python's `socket.getaddrinfo`).
 *
 * The results have Python's shapes: `getaddrinfo` gives
 * `[family, type, proto, canonname, sockaddr]` entries, one per address and socket
 * type, as glibc's `getaddrinfo` does; errors are `gaierror`s with glibc's numbers and
 * texts. Both are coroutines, and cancelling the task that awaits one returns at once
 * (the system lookup itself cannot be stopped and finishes unseen).
 */
import { ADDRCONFIG, ALL, V4MAPPED, promises as dnsPromises } from "node:dns";
import { readFileSync } from "node:fs";
import { isIP } from "node:net";
import { hostname as osHostname, networkInterfaces } from "node:os";
import type { Coroutine } from "../core/coroutines";
import { EventLoop } from "../core/events";
import { wrapPromise } from "../core/futures";
import { describe } from "../core/repr";
import { GaiError, OSError } from "../core/oserrors";

const darwin = process.platform === "darwin";
const windows = process.platform === "win32";

// GaiError (Python's `socket.gaierror`) is host-free, in core/oserrors.ts, for the fake network too.
export { GaiError };

/**
 * Python's `socket` constants for name resolution, with the host's numbers (Linux's
 * unless on macOS or Windows), as `socket.AF_INET` and friends are in Python; and
 * `socket.gaierror` (the `GaiError` class), so `except socket.gaierror` ports as
 * `e instanceof asyncio.socket.gaierror`.
 */
export const socket = Object.freeze({
  gaierror: GaiError,
  AF_UNSPEC: 0,
  AF_UNIX: 1,
  AF_INET: 2,
  AF_INET6: darwin ? 30 : windows ? 23 : 10,
  SOCK_STREAM: 1,
  SOCK_DGRAM: 2,
  SOCK_RAW: 3,
  IPPROTO_IP: 0,
  IPPROTO_TCP: 6,
  IPPROTO_UDP: 17,
  AI_PASSIVE: 1,
  AI_CANONNAME: 2,
  AI_NUMERICHOST: 4,
  AI_V4MAPPED: darwin || windows ? 0x800 : 8,
  AI_ALL: darwin || windows ? 0x100 : 16,
  AI_ADDRCONFIG: darwin || windows ? 0x400 : 32,
  AI_NUMERICSERV: darwin ? 0x1000 : windows ? 8 : 1024,
  NI_NUMERICHOST: darwin || windows ? 2 : 1,
  NI_NUMERICSERV: darwin || windows ? 8 : 2,
  NI_NOFQDN: darwin || windows ? 1 : 4,
  NI_NAMEREQD: darwin || windows ? 4 : 8,
  NI_DGRAM: 16,
});
const S = socket;

/** An address as Python gives it: `[host, port]` for IPv4, `[host, port, flowinfo, scopeId]` for IPv6. */
export type SockAddr = [host: string, port: number] | [host: string, port: number, flowinfo: number, scopeId: number];

/** One result of `getaddrinfo`, as Python's 5-tuple. */
export type AddrInfo = [family: number, type: number, proto: number, canonname: string, sockaddr: SockAddr];

/** Keyword arguments of `getaddrinfo` (Python's `family`, `type`, `proto`, `flags`; 0 means any). */
export interface GetAddrInfoOptions {
  family?: number;
  type?: number;
  proto?: number;
  flags?: number;
}


/** The loop's name resolution methods, added by this module. */
export interface DnsLoopMethods {
  /**
   * Resolves `host` and `port` to the addresses to connect or bind to (Python's
   * `loop.getaddrinfo`): one `[family, type, proto, canonname, sockaddr]` per address
   * and socket type. `host` null means the loopback addresses (or, with `AI_PASSIVE`,
   * the wildcard ones); `port` may be a number, a string of digits, a service name
   * from /etc/services, or null (port 0). `canonname` is set in the first entry with
   * `AI_CANONNAME`; Node's resolver does not report the canonical name, so it is the
   * host as given.
   *
   * @example
   * const infos = await asyncio.run((function* () {
   *   return yield* asyncio.getRunningLoop().getaddrinfo("127.0.0.1", 80, { type: asyncio.socket.SOCK_STREAM });
   * })());
   * const [family, type, proto, canonname, [host, port]] = infos[0];
   * console.assert(family === asyncio.socket.AF_INET && type === 1 && proto === 6 && canonname === "" && host === "127.0.0.1" && port === 80);
   *
   * @throws gaierror (`GaiError`) as Python: unknown host (-2), unknown service or a
   * service for the wrong socket type (-8), bad family (-6) or socket type (-7), an
   * address of the other family (-9), unknown flags or `AI_CANONNAME` without a host
   * (-1); TypeError for a host that is not a string;
   * OSError for a port that is neither an integer nor a string.
   */
  getaddrinfo(host: string | null | undefined, port: number | string | null | undefined, options?: GetAddrInfoOptions): Coroutine<AddrInfo[]>;

  /**
   * The host name and service name of `sockaddr` (Python's `loop.getnameinfo`), with
   * the `NI_*` flags: `NI_NUMERICHOST`, `NI_NUMERICSERV`, `NI_NAMEREQD` (a host with no
   * name is an error instead of its address), `NI_DGRAM` (the UDP service name),
   * `NI_NOFQDN` (drop the local domain).
   *
   * An IPv6 sockaddr may have 2, 3 or 4 items; a scope id shows as `%` and the
   * interface name (link-local addresses) or number, as glibc writes it.
   *
   * @throws gaierror if the address is not numeric (-2), has no name under
   * `NI_NAMEREQD` (-2), the port is negative (-8) or a flag is unknown (-1);
   * TypeError for a malformed sockaddr; OSError for an IPv4 sockaddr of 4 items.
   */
  getnameinfo(sockaddr: SockAddr | readonly unknown[], flags?: number): Coroutine<[host: string, service: string]>;
}

// glibc's EAI_* numbers and texts, which Python shows.
const EAI_BADFLAGS = -1;
const EAI_NONAME = -2;
const EAI_AGAIN = -3;
const EAI_FAIL = -4;
const EAI_FAMILY = -6;
const EAI_SOCKTYPE = -7;
const EAI_SERVICE = -8;
const EAI_ADDRFAMILY = -9;
const EAI_MEMORY = -10;
const GAI_TEXT: Record<number, string> = {
  [EAI_BADFLAGS]: "Bad value for ai_flags",
  [EAI_NONAME]: "Name or service not known",
  [EAI_AGAIN]: "Temporary failure in name resolution",
  [EAI_FAIL]: "Non-recoverable failure in name resolution",
  [EAI_FAMILY]: "ai_family not supported",
  [EAI_SOCKTYPE]: "ai_socktype not supported",
  [EAI_SERVICE]: "Servname not supported for ai_socktype",
  [EAI_ADDRFAMILY]: "Address family for hostname not supported",
  [EAI_MEMORY]: "Memory allocation failure",
};
// Node's names for resolver failures (it reports EAI_NONAME and EAI_NODATA as ENOTFOUND).
const NODE_CODES: Record<string, number> = {
  ENOTFOUND: EAI_NONAME,
  ENODATA: EAI_NONAME,
  EAI_AGAIN: EAI_AGAIN,
  EAI_FAIL: EAI_FAIL,
  EAI_MEMORY: EAI_MEMORY,
};

function gaiError(errno: number, cause?: unknown): GaiError {
  return new GaiError(`[Errno ${errno}] ${GAI_TEXT[errno]}`, errno, undefined, cause === undefined ? undefined : { cause });
}

function fromNodeError(error: unknown): unknown {
  const code = (error as NodeJS.ErrnoException | null)?.code;
  const errno = typeof code === "string" ? NODE_CODES[code] : undefined;
  return errno === undefined ? error : gaiError(errno, error);
}

// ---- /etc/services (what glibc's getservbyname reads) ----

interface Services {
  byName: Map<string, { tcp?: number; udp?: number }>;
  byPort: Map<number, { tcp?: string; udp?: string }>;
}
let services: Services | null = null;

function loadServices(): Services {
  if (services !== null) return services;
  services = { byName: new Map(), byPort: new Map() };
  let text = "";
  try {
    text = readFileSync(windows ? `${process.env.SystemRoot ?? "C:\\Windows"}\\System32\\drivers\\etc\\services` : "/etc/services", "utf8");
  } catch {
    // No services file: only numeric ports resolve, as with an empty one.
  }
  for (const line of text.split("\n")) {
    const fields = line.replace(/#.*/, "").trim().split(/\s+/);
    const match = /^(\d+)\/(tcp|udp)$/.exec(fields[1] ?? "");
    if (match === null) continue;
    const port = Number(match[1]);
    const proto = match[2] as "tcp" | "udp";
    for (const name of [fields[0], ...fields.slice(2)]) {
      const entry = services.byName.get(name) ?? {};
      entry[proto] ??= port;
      services.byName.set(name, entry);
    }
    const names = services.byPort.get(port) ?? {};
    names[proto] ??= fields[0];
    services.byPort.set(port, names);
  }
  return services;
}

// ---- getaddrinfo ----

/**
 * The socket types glibc answers for, in its order, with their protocols and service
 * tables. A raw socket takes any protocol (the one asked for) and no service.
 */
const SOCKET_KINDS = [
  { type: S.SOCK_STREAM, proto: S.IPPROTO_TCP, table: "tcp" },
  { type: S.SOCK_DGRAM, proto: S.IPPROTO_UDP, table: "udp" },
  { type: S.SOCK_RAW, proto: 0, table: null },
] as const;

/** The `AI_*` flags glibc accepts (with its IDN ones); any other bit is EAI_BADFLAGS. */
const KNOWN_FLAGS = S.AI_PASSIVE | S.AI_CANONNAME | S.AI_NUMERICHOST | S.AI_V4MAPPED | S.AI_ALL | S.AI_ADDRCONFIG | S.AI_NUMERICSERV | (darwin || windows ? 0 : 0x3c0);

interface Kind {
  type: number;
  proto: number;
  table: "tcp" | "udp" | null;
}

function* getaddrinfo(
  this: EventLoop,
  host: string | null | undefined,
  port: number | string | null | undefined,
  options: GetAddrInfoOptions = {},
): Coroutine<AddrInfo[]> {
  const { family = 0, type = 0, proto = 0, flags = 0 } = options;
  if (host !== null && host !== undefined && typeof host !== "string") {
    throw new TypeError(`getaddrinfo() argument 1 must be string or None, got ${describe(host)}`);
  }
  if (port !== null && port !== undefined && typeof port !== "string" && !Number.isInteger(port)) {
    throw new OSError("Int or String expected");
  }
  const name = host ?? null;
  const service = port === null || port === undefined ? null : String(port);
  // The checks in glibc's order, so that the same bad call gives the same error.
  if (name === null && service === null) throw gaiError(EAI_NONAME);
  if (flags & ~KNOWN_FLAGS || (flags & S.AI_CANONNAME && name === null)) throw gaiError(EAI_BADFLAGS);
  if (family !== S.AF_UNSPEC && family !== S.AF_INET && family !== S.AF_INET6) throw gaiError(EAI_FAMILY);

  // A type or a protocol picks the first kind that fits; neither means all three.
  let kinds: Kind[] = [...SOCKET_KINDS];
  if (type !== 0 || proto !== 0) {
    const kind = SOCKET_KINDS.find((k) => (type === 0 || k.type === type) && (proto === 0 || k.table === null || k.proto === proto));
    if (kind === undefined) throw gaiError(type !== 0 ? EAI_SOCKTYPE : EAI_SERVICE);
    if (kind.table === null && service !== null) throw gaiError(EAI_SERVICE);
    kinds = [{ ...kind, proto: kind.table === null ? proto : kind.proto }];
  }

  // The port of each kind: a number for every kind, a name per protocol table.
  const ports: { kind: Kind; port: number }[] = [];
  if (service === null) {
    for (const kind of kinds) ports.push({ kind, port: 0 });
  } else if (/^\d+$/.test(service)) {
    const number = Number(service) & 0xffff; // glibc keeps the low 16 bits, as Python shows
    for (const kind of kinds) ports.push({ kind, port: number });
  } else {
    if (flags & S.AI_NUMERICSERV) throw gaiError(EAI_NONAME);
    const entry = loadServices().byName.get(service);
    for (const kind of kinds) {
      const number = kind.table === null ? undefined : entry?.[kind.table];
      if (number !== undefined) ports.push({ kind, port: number });
    }
    if (ports.length === 0) throw gaiError(EAI_SERVICE);
  }

  const addresses = yield* resolveHost(this, name, family, flags);
  const result: AddrInfo[] = [];
  for (const { address, v6, scopeId } of addresses) {
    for (const { kind, port: number } of ports) {
      const canonname = result.length === 0 && flags & S.AI_CANONNAME ? (host ?? "") : "";
      const sockaddr: SockAddr = v6 ? [address, number, 0, scopeId] : [address, number];
      result.push([v6 ? S.AF_INET6 : S.AF_INET, kind.type, kind.proto, canonname, sockaddr]);
    }
  }
  return result;
}

interface Resolved {
  address: string;
  v6: boolean;
  scopeId: number;
}

function* resolveHost(loop: EventLoop, host: string | null, family: number, flags: number): Coroutine<Resolved[]> {
  if (host === null) {
    // No host: the loopback addresses, or the wildcard ones to bind to, in glibc's order.
    const passive = (flags & S.AI_PASSIVE) !== 0;
    const v4 = { address: passive ? "0.0.0.0" : "127.0.0.1", v6: false, scopeId: 0 };
    const v6 = { address: passive ? "::" : "::1", v6: true, scopeId: 0 };
    if (family === S.AF_INET) return [v4];
    if (family === S.AF_INET6) return [v6];
    return passive ? [v4, v6] : [v6, v4];
  }
  if (host === "") throw gaiError(EAI_NONAME);
  const [bare, zone] = splitZone(host);
  const literal = isIP(bare);
  if (literal !== 0) {
    const v6 = literal === 6;
    if (family === S.AF_INET6 && !v6 && flags & S.AI_V4MAPPED) return [{ address: `::ffff:${bare}`, v6: true, scopeId: 0 }];
    if ((family === S.AF_INET && v6) || (family === S.AF_INET6 && !v6)) throw gaiError(EAI_ADDRFAMILY);
    return [{ address: bare, v6, scopeId: v6 ? scopeIdOf(zone) : 0 }];
  }
  if (flags & S.AI_NUMERICHOST) throw gaiError(EAI_NONAME);
  let hints = 0;
  if (flags & S.AI_ADDRCONFIG) hints |= ADDRCONFIG;
  if (flags & S.AI_V4MAPPED) hints |= V4MAPPED;
  if (flags & S.AI_ALL) hints |= ALL;
  const lookup = dnsPromises
    .lookup(host, { all: true, family: family === S.AF_INET ? 4 : family === S.AF_INET6 ? 6 : 0, hints, order: "verbatim" })
    .catch((error: unknown) => {
      throw fromNodeError(error);
    });
  const found = yield* wrapPromise(lookup, loop);
  return found.map(({ address, family: f }) => {
    const [bareAddress, zoneOf] = splitZone(address);
    return { address: bareAddress, v6: f === 6, scopeId: f === 6 ? scopeIdOf(zoneOf) : 0 };
  });
}

function splitZone(host: string): [string, string | null] {
  const at = host.indexOf("%");
  return at < 0 ? [host, null] : [host.slice(0, at), host.slice(at + 1)];
}

/**
 * The scope id of an IPv6 zone (`fe80::1%eth0` or `%2`): the interface's index, as
 * `if_nametoindex` gives it. Node has no `if_nametoindex`: Linux shows the index in
 * /sys; elsewhere a named zone takes the scope id of a link-local address of that
 * interface, or 0 if it has none.
 */
function scopeIdOf(zone: string | null): number {
  if (zone === null || zone === "") return 0;
  if (/^\d+$/.test(zone)) return Number(zone);
  if (process.platform === "linux" && /^[\w.-]+$/.test(zone)) {
    try {
      return Number(readFileSync(`/sys/class/net/${zone}/ifindex`, "utf8").trim()) || 0;
    } catch {
      // not an interface of this host
    }
  }
  for (const info of networkInterfaces()[zone] ?? []) {
    if (info.family === "IPv6" && info.address.startsWith("fe80:") && info.scopeid !== undefined) return info.scopeid;
  }
  return 0;
}

// ---- getnameinfo ----

function* getnameinfo(this: EventLoop, sockaddr: SockAddr | readonly unknown[], flags = 0): Coroutine<[string, string]> {
  if (!Array.isArray(sockaddr)) throw new TypeError(`getnameinfo() argument 1 must be a tuple, got ${describe(sockaddr)}`);
  if (sockaddr.length < 2 || sockaddr.length > 4) throw new TypeError("getnameinfo(): illegal sockaddr argument");
  const [host, port] = sockaddr as unknown[];
  if (typeof host !== "string") throw new TypeError(`getnameinfo(): host must be a string, got ${describe(host)}`);
  if (!Number.isInteger(port)) throw new TypeError(`${describe(port)} cannot be interpreted as an integer`);
  const scopeId = sockaddr.length === 4 ? sockaddr[3] : 0;
  if (!Number.isInteger(scopeId)) throw new TypeError(`${describe(scopeId)} cannot be interpreted as an integer`);
  const [bare] = splitZone(host);
  const literal = isIP(bare);
  // Python resolves the host with AI_NUMERICHOST first: names are refused, and a
  // negative port is a service name glibc does not know.
  if (literal === 0) throw gaiError(EAI_NONAME);
  if ((port as number) < 0) throw gaiError(EAI_SERVICE);
  if (literal === 4 && sockaddr.length !== 2) throw new OSError("IPv4 sockaddr must be 2 tuple");
  if (flags & ~KNOWN_NI_FLAGS) throw gaiError(EAI_BADFLAGS);
  const number = (port as number) & 0xffff;

  const udp = (flags & S.NI_DGRAM) !== 0;
  const service = flags & S.NI_NUMERICSERV ? String(number) : (loadServices().byPort.get(number)?.[udp ? "udp" : "tcp"] ?? String(number));
  // glibc writes the scope of an IPv6 address after a %: the interface's name for a
  // link-local one, else the number.
  const numeric = scopeId === 0 ? bare : `${bare}%${(bare.toLowerCase().startsWith("fe80:") && interfaceName(scopeId as number)) || scopeId}`;
  if (flags & S.NI_NUMERICHOST) return [numeric, service];
  const lookup = dnsPromises.lookupService(bare, number).then(
    ({ hostname }) => hostname,
    (error: unknown) => {
      if ((error as NodeJS.ErrnoException).code === "ENOTFOUND" && !(flags & S.NI_NAMEREQD)) return null;
      throw fromNodeError(error);
    },
  );
  let name = (yield* wrapPromise(lookup, this)) ?? numeric;
  if (flags & S.NI_NOFQDN) name = withoutLocalDomain(name);
  return [name, service];
}

const KNOWN_NI_FLAGS = S.NI_NUMERICHOST | S.NI_NUMERICSERV | S.NI_NOFQDN | S.NI_NAMEREQD | S.NI_DGRAM | (darwin || windows ? 0 : 0x60);

/** `if_indextoname` where the host shows it (Linux's /sys), else null. */
function interfaceName(index: number): string | null {
  if (process.platform !== "linux") return null;
  for (const name of Object.keys(networkInterfaces())) {
    try {
      if (Number(readFileSync(`/sys/class/net/${name}/ifindex`, "utf8").trim()) === index) return name;
    } catch {
      // not listed in /sys
    }
  }
  return null;
}

/** `NI_NOFQDN`: a name in this host's own domain loses the domain. */
function withoutLocalDomain(name: string): string {
  const own = osHostname();
  const domain = own.includes(".") ? own.slice(own.indexOf(".")) : null;
  return domain !== null && name.endsWith(domain) ? name.slice(0, -domain.length) : name;
}

const methods: DnsLoopMethods = { getaddrinfo, getnameinfo } as DnsLoopMethods;
Object.assign(EventLoop.prototype, methods);
