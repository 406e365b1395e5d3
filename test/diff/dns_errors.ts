import * as asyncio from "asyncio-ts";
import { print } from "./_py";

const { socket } = asyncio;

function* attempt(loop: asyncio.EventLoop, what: string, host: unknown, port: unknown, kwargs: asyncio.GetAddrInfoOptions = {}) {
  try {
    yield* loop.getaddrinfo(host as string, port as number, kwargs);
    print(what, "resolved");
  } catch (e) {
    if (e instanceof socket.gaierror) print(what, "->", e.name, e.errno, e.message);
    else if (e instanceof asyncio.OSError) print(what, "->", e.name, e.message);
    else if (e instanceof TypeError) print(what, "->", e.name);
    else throw e;
  }
}

function* main() {
  const loop = asyncio.getRunningLoop();
  yield* attempt(loop, "unknown service", "127.0.0.1", "no-such-service");
  yield* attempt(loop, "negative port", "127.0.0.1", -1);
  yield* attempt(loop, "udp service over tcp only", "127.0.0.1", "http", { type: socket.SOCK_DGRAM });
  yield* attempt(loop, "raw socket with a port", "127.0.0.1", 80, { type: socket.SOCK_RAW });
  yield* attempt(loop, "type and protocol disagree", "127.0.0.1", 80, { type: socket.SOCK_STREAM, proto: socket.IPPROTO_UDP });
  yield* attempt(loop, "unknown type", "127.0.0.1", 80, { type: 99 });
  yield* attempt(loop, "unknown family", "127.0.0.1", 80, { family: 99 });
  yield* attempt(loop, "ipv4 address as ipv6", "127.0.0.1", 80, { family: socket.AF_INET6 });
  yield* attempt(loop, "ipv6 address as ipv4", "::1", 80, { family: socket.AF_INET });
  yield* attempt(loop, "a name under AI_NUMERICHOST", "localhost", 80, { flags: socket.AI_NUMERICHOST });
  yield* attempt(loop, "a service name under AI_NUMERICSERV", "127.0.0.1", "http", { flags: socket.AI_NUMERICSERV });
  yield* attempt(loop, "empty host", "", 80);
  yield* attempt(loop, "no host and no port", null, null);
  yield* attempt(loop, "a float port", "127.0.0.1", 80.5);
  yield* attempt(loop, "a number as host", 42, 80);
  yield* attempt(loop, "empty host, unknown service", "", "no-such-service");
  yield* attempt(loop, "AI_CANONNAME without a host", null, 80, { flags: socket.AI_CANONNAME });
  yield* attempt(loop, "an unknown flag", "127.0.0.1", 80, { flags: 1 << 20 });
  yield* attempt(loop, "a protocol only raw sockets take, with a port", "127.0.0.1", 80, { proto: 255 });
  const raw = yield* loop.getaddrinfo("127.0.0.1", null, { proto: 255 });
  print("a protocol only raw sockets take, no port:", raw.map(([f, t, p]) => `(${f}, ${t}, ${p})`).join(", ").replace(/^/, "[").replace(/$/, "]"));
  const infos = yield* loop.getaddrinfo("127.0.0.1", 70000, { type: socket.SOCK_STREAM });
  print("port 70000 becomes", infos[0][4][1]);
}

await asyncio.run(main());
