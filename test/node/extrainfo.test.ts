/**
 * `getExtraInfo` and `ServerSocket.getsockname` are typed by what each kind of transport
 * really gives (TCP: `[host, port]`; Unix: a path; a pipe: its Node stream), and give it.
 * The `expectTypeOf` lines are checked by `npm run typecheck`: each one failed when
 * `getExtraInfo` returned `unknown` and `getsockname` a union with `string`.
 */
import { mkdtempSync, rmSync } from "node:fs";
import type * as net from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Writable } from "node:stream";
import type * as tls from "node:tls";
import * as asyncio from "asyncio-ts";
import { afterAll, expect, expectTypeOf, test } from "vitest";

type InetAddress = asyncio.InetAddress;

const dir = mkdtempSync(join(tmpdir(), "asyncio-ts-extrainfo-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

test("a TCP stream's writer gives [host, port] for peername and sockname, typed as such", async () => {
  function* main() {
    const seen: unknown[] = [];
    const server = yield* asyncio.startServer(function* (_reader, writer) {
      // Inferred from startServer: a StreamWriter<TcpExtraInfo>.
      expectTypeOf(writer).toEqualTypeOf<asyncio.StreamWriter<asyncio.TcpExtraInfo>>();
      const peer = writer.getExtraInfo("peername");
      expectTypeOf(peer).toEqualTypeOf<InetAddress | undefined>();
      seen.push(peer);
      writer.close();
    }, "127.0.0.1", 0);
    expectTypeOf(server).toEqualTypeOf<asyncio.Server<InetAddress>>();
    const name = server.sockets[0]!.getsockname();
    expectTypeOf(name).toEqualTypeOf<InetAddress>();
    const [host, port] = name;
    expectTypeOf(port).toEqualTypeOf<number>();

    const [reader, writer] = yield* asyncio.openConnection(host, port);
    expectTypeOf(writer).toEqualTypeOf<asyncio.StreamWriter<asyncio.TcpExtraInfo>>();
    const sockname = writer.getExtraInfo("sockname")!;
    const peername = writer.getExtraInfo("peername")!;
    expectTypeOf(sockname[1]).toEqualTypeOf<number>();
    const socket = writer.getExtraInfo("socket");
    expectTypeOf(socket).toEqualTypeOf<net.Socket>();
    // The TLS names: absent on a plain socket, so the default (typed) or undefined.
    expectTypeOf(writer.getExtraInfo("peercert")).toEqualTypeOf<tls.PeerCertificate | undefined>();
    const peercert = writer.getExtraInfo("peercert", null);
    expectTypeOf(peercert).toEqualTypeOf<tls.PeerCertificate | null>();
    expectTypeOf(writer.getExtraInfo("cipher")).toEqualTypeOf<[name: string, version: string] | undefined>();
    expectTypeOf(writer.getExtraInfo("sslcontext")).toEqualTypeOf<asyncio.SslContextInfo | undefined>();
    // A name no transport knows: unknown, as before, and the default at run time.
    expectTypeOf(writer.getExtraInfo("nonsense")).toBeUnknown();
    const nonsense = writer.getExtraInfo("nonsense", 7);
    expectTypeOf(nonsense).toBeUnknown();

    yield* reader.read();
    writer.close();
    server.close();
    yield* server.waitClosed();
    return { seen, sockname, peername, port, socket, peercert, nonsense, closedName: name };
  }
  const r = await asyncio.run(main());
  expect(r.peername).toEqual(["127.0.0.1", r.port]);
  expect(r.sockname).toEqual(["127.0.0.1", expect.any(Number)]);
  // The server saw the client's own address as its peer.
  expect(r.seen).toEqual([r.sockname]);
  expect(typeof r.socket.write).toBe("function");
  expect(r.peercert).toBe(null);
  expect(r.nonsense).toBe(7);
});

test("a TCP server's socket still tells its address after close", async () => {
  function* main() {
    const server = yield* asyncio.startServer(() => {}, "127.0.0.1", 0);
    const socket = server.sockets[0]!;
    server.close();
    yield* server.waitClosed();
    return [server.sockets.length, socket.getsockname()] as const;
  }
  const [count, name] = await asyncio.run(main());
  expect(count).toBe(0);
  expect(name).toEqual(["127.0.0.1", expect.any(Number)]);
});

test("a Unix stream's names are paths, typed string", async () => {
  const path = join(dir, "s.sock");
  function* main() {
    const peers: string[] = [];
    const server = yield* asyncio.startUnixServer(function* (_reader, writer) {
      expectTypeOf(writer).toEqualTypeOf<asyncio.StreamWriter<asyncio.UnixExtraInfo>>();
      peers.push(writer.getExtraInfo("peername"), writer.getExtraInfo("sockname"));
      writer.close();
    }, path);
    expectTypeOf(server).toEqualTypeOf<asyncio.Server<string>>();
    const name = server.sockets[0]!.getsockname();
    expectTypeOf(name).toEqualTypeOf<string>();
    const [reader, writer] = yield* asyncio.openUnixConnection(name);
    const peername = writer.getExtraInfo("peername");
    expectTypeOf(peername).toEqualTypeOf<string>();
    yield* reader.read();
    writer.close();
    server.close();
    yield* server.waitClosed();
    return { name, peername, peers };
  }
  const r = await asyncio.run(main());
  expect(r).toEqual({ name: path, peername: path, peers: ["", path] });
});

test("a plain StreamWriter takes every kind of writer and types each name with all it may give", async () => {
  // A handler declared with plain StreamWriter (as a port of `async def handle(reader, writer)`)
  // fits startServer, startUnixServer and a Process's stdin alike.
  const addresses: unknown[] = [];
  function* handle(_reader: asyncio.StreamReader, writer: asyncio.StreamWriter) {
    const peer = writer.getExtraInfo("peername");
    expectTypeOf(peer).toEqualTypeOf<asyncio.SocketAddress | undefined>();
    expectTypeOf(writer.getExtraInfo("socket")).toEqualTypeOf<net.Socket | import("node:dgram").Socket | undefined>();
    addresses.push(peer);
    writer.close();
  }
  function* main() {
    const tcp = yield* asyncio.startServer(handle, "127.0.0.1", 0);
    const unix = yield* asyncio.startUnixServer(handle, join(dir, "plain.sock"));
    const [r1] = yield* asyncio.openConnection("127.0.0.1", tcp.sockets[0]!.getsockname()[1]);
    yield* r1.read();
    const [r2] = yield* asyncio.openUnixConnection(unix.sockets[0]!.getsockname());
    yield* r2.read();
    const proc = yield* asyncio.createSubprocessExec(process.execPath, "-e", "process.stdin.resume()", { stdin: asyncio.subprocess.PIPE });
    expectTypeOf(proc.stdin!.getExtraInfo("pipe")).toEqualTypeOf<Writable>();
    const plain: asyncio.StreamWriter = proc.stdin!;
    const pipe = plain.getExtraInfo("pipe");
    plain.close();
    yield* proc.wait();
    for (const server of [tcp, unix]) {
      server.close();
      yield* server.waitClosed();
    }
    return pipe;
  }
  const pipe = await asyncio.run(main());
  expect(addresses).toEqual([["127.0.0.1", expect.any(Number)], ""]);
  expect(typeof (pipe as Writable).write).toBe("function");
});

test("transports from the loop methods and in connectionMade are typed too", async () => {
  const names: unknown[] = [];
  class Remember extends asyncio.Protocol {
    override connectionMade(transport: asyncio.BaseTransport): void {
      // A protocol does not know its transport's kind: every name with all it may give.
      const peer = transport.getExtraInfo("peername");
      expectTypeOf(peer).toEqualTypeOf<asyncio.SocketAddress | undefined>();
      names.push(peer);
    }
  }
  function* main() {
    const loop = asyncio.getRunningLoop();
    const server = yield* loop.createServer(() => new asyncio.Protocol(), "127.0.0.1", 0);
    const port = server.sockets[0]!.getsockname()[1];
    const [transport] = yield* loop.createConnection(() => new Remember(), "127.0.0.1", port);
    expectTypeOf(transport).toEqualTypeOf<asyncio.SocketTransport<asyncio.TcpExtraInfo>>();
    expectTypeOf(transport.getExtraInfo("peername")).toEqualTypeOf<InetAddress | undefined>();
    const [udp] = yield* loop.createDatagramEndpoint(() => new asyncio.DatagramProtocol(), { localAddr: ["127.0.0.1", 0] });
    const udpName = udp.getExtraInfo("sockname");
    expectTypeOf(udpName).toEqualTypeOf<InetAddress>();
    expectTypeOf(udp.getExtraInfo("peername", null)).toEqualTypeOf<InetAddress | null>();
    const udpPeer = udp.getExtraInfo("peername", null);
    udp.close();
    transport.close();
    server.close();
    yield* server.waitClosed();
    return { port, udpName, udpPeer };
  }
  const r = await asyncio.run(main());
  expect(names).toEqual([["127.0.0.1", r.port]]);
  expect(r.udpName).toEqual(["127.0.0.1", expect.any(Number)]);
  expect(r.udpPeer).toBe(null);
});
