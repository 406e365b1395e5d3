import * as asyncio from "asyncio-ts";
import { print, repr } from "./_py";

const { socket } = asyncio;

// Python prints the sockaddr as a tuple.
const tuple = (sockaddr: unknown[]) => `(${sockaddr.map((x) => repr(x)).join(", ")})`;

function* attempt(loop: asyncio.EventLoop, sockaddr: asyncio.SockAddr, flags = 0) {
  try {
    const [host, service] = yield* loop.getnameinfo(sockaddr, flags);
    print(tuple(sockaddr), flags, "->", tuple([host, service]));
  } catch (e) {
    if (e instanceof socket.gaierror) print(tuple(sockaddr), flags, "->", e.name, e.message);
    else if (e instanceof asyncio.OSError) print(tuple(sockaddr), flags, "->", e.name, e.message);
    else throw e;
  }
}

function* main() {
  const loop = asyncio.getRunningLoop();
  yield* attempt(loop, ["127.0.0.1", 80]);
  yield* attempt(loop, ["127.0.0.1", 22]);
  yield* attempt(loop, ["127.0.0.1", 53], socket.NI_DGRAM);
  yield* attempt(loop, ["127.0.0.1", 12345]);
  yield* attempt(loop, ["127.0.0.1", 80], socket.NI_NUMERICHOST | socket.NI_NUMERICSERV);
  yield* attempt(loop, ["127.0.0.1", 80], socket.NI_NAMEREQD);
  yield* attempt(loop, ["::1", 22, 0, 0], socket.NI_NUMERICHOST);
  yield* attempt(loop, ["localhost", 80]);
  yield* attempt(loop, ["127.0.0.1", 80, 0, 0]);
  yield* attempt(loop, ["127.0.0.1", 70000]);
  yield* attempt(loop, ["127.0.0.1", -1]);
  yield* attempt(loop, ["127.0.0.1", 80], 1 << 20);
  yield* attempt(loop, ["::1", 80, 0, 1], socket.NI_NUMERICHOST);
  yield* attempt(loop, ["::1", 80, 0] as unknown as asyncio.SockAddr);
}

await asyncio.run(main());
