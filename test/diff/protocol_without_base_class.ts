// The protocol classes of CPython's documentation (the UDP echo server and client of
// "Transports and Protocols") have no base class: a class with just the methods the
// program uses is a protocol, and what it lacks does nothing. A TCP one too.
import * as asyncio from "asyncio-ts";
import { print, repr } from "./_py";

const decode = (data: Uint8Array) => new TextDecoder().decode(data);

class EchoServerProtocol {
  transport!: asyncio.DatagramTransport;

  connectionMade(transport: asyncio.DatagramTransport) {
    this.transport = transport;
  }

  datagramReceived(data: Uint8Array, addr: asyncio.SocketAddress) {
    const message = decode(data);
    print(`Received ${repr(message)} from a client`);
    print(`Send ${repr(message)} to the client`);
    this.transport.sendto(data, addr);
  }
}

class EchoClientProtocol {
  transport: asyncio.DatagramTransport | null = null;

  constructor(
    readonly message: string,
    readonly onConLost: asyncio.Future<boolean>,
  ) {}

  connectionMade(transport: asyncio.DatagramTransport) {
    this.transport = transport;
    print("Send:", this.message);
    this.transport.sendto(this.message);
  }

  datagramReceived(data: Uint8Array) {
    print("Received:", decode(data));
    print("Close the socket");
    this.transport!.close();
  }

  errorReceived(exc: Error) {
    print("Error received:", exc);
  }

  connectionLost() {
    print("Connection closed");
    this.onConLost.setResult(true);
  }
}

/**
 * Only dataReceived: what a protocol lacks does what asyncio.Protocol's does, nothing
 * (CPython calls connection_made, eof_received and connection_lost on any protocol, so
 * the Python half has to define them).
 */
class Shouter {
  constructor(readonly got: asyncio.Future<string>) {}

  dataReceived(data: Uint8Array) {
    this.got.setResult(decode(data).toUpperCase());
  }
}

function* main() {
  const loop = asyncio.getRunningLoop();
  const [server] = yield* loop.createDatagramEndpoint(() => new EchoServerProtocol(), { localAddr: ["127.0.0.1", 0] });
  const [, port] = server.getExtraInfo("sockname");
  const onConLost = loop.createFuture<boolean>();
  yield* loop.createDatagramEndpoint(() => new EchoClientProtocol("Hello World!", onConLost), { remoteAddr: ["127.0.0.1", port] });
  yield* onConLost;
  // The server is left open, as the documentation's is: it has no connectionLost.

  const got = loop.createFuture<string>();
  const tcp = yield* loop.createServer(() => new Shouter(got), "127.0.0.1", 0);
  const [host, tcpPort] = tcp.sockets[0]!.getsockname();
  const [transport] = yield* loop.createConnection(() => new asyncio.Protocol(), host, tcpPort);
  transport.write("no base class");
  print(yield* got);
  transport.close();
  tcp.close();
  yield* tcp.waitClosed();
}

await asyncio.run(main());
