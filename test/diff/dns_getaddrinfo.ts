import * as asyncio from "asyncio-ts";
import { print, repr } from "./_py";

const { socket } = asyncio;

function show(infos: asyncio.AddrInfo[]) {
  for (const [family, type_, proto, canonname, sockaddr] of infos) {
    print(" ", family, type_, proto, repr(canonname), sockaddr);
  }
}

function* main() {
  const loop = asyncio.getRunningLoop();
  print("stream:");
  show(yield* loop.getaddrinfo("127.0.0.1", 80, { type: socket.SOCK_STREAM }));
  print("any type:");
  show(yield* loop.getaddrinfo("127.0.0.1", 8080));
  print("udp by protocol:");
  show(yield* loop.getaddrinfo("127.0.0.1", "53", { proto: socket.IPPROTO_UDP }));
  print("ipv6:");
  show(yield* loop.getaddrinfo("::1", 443, { type: socket.SOCK_STREAM }));
  print("no host:");
  show(yield* loop.getaddrinfo(null, 80, { type: socket.SOCK_STREAM }));
  print("passive:");
  show(yield* loop.getaddrinfo(null, 80, { type: socket.SOCK_STREAM, flags: socket.AI_PASSIVE }));
  print("canonname:");
  show(yield* loop.getaddrinfo("127.0.0.1", null, { type: socket.SOCK_DGRAM, flags: socket.AI_CANONNAME }));
  print("service name:");
  show(yield* loop.getaddrinfo("127.0.0.1", "http", { type: socket.SOCK_STREAM }));
  print("localhost:");
  show(yield* loop.getaddrinfo("localhost", 80, { family: socket.AF_INET, type: socket.SOCK_STREAM }));
}

await asyncio.run(main());
