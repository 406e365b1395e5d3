// UDP with create_datagram_endpoint: a server that answers each datagram, a client
// with a remote address, callbacks in order, and close.
import * as asyncio from "asyncio-ts";
import { bytesRepr } from "./_bytes";
import { print } from "./_py";

const upper = (b: Uint8Array) => new TextEncoder().encode(new TextDecoder().decode(b).toUpperCase());

class Echo extends asyncio.DatagramProtocol {
  transport!: asyncio.DatagramTransport;
  override connectionMade(transport: asyncio.BaseTransport) {
    print("server connection_made");
    this.transport = transport as asyncio.DatagramTransport;
  }
  override datagramReceived(data: Uint8Array, addr: asyncio.SocketAddress) {
    print("server got", bytesRepr(data), "from", (addr as [string, number])[0]);
    this.transport.sendto(upper(data), addr);
  }
  override connectionLost(exc: Error | undefined) {
    print("server connection_lost", exc);
  }
}

class Client extends asyncio.DatagramProtocol {
  constructor(
    readonly queue: asyncio.Queue<Uint8Array>,
    readonly lost: asyncio.Future<undefined>,
  ) {
    super();
  }
  override connectionMade() {
    print("client connection_made");
  }
  override datagramReceived(data: Uint8Array) {
    this.queue.putNowait(data);
  }
  override connectionLost(exc: Error | undefined) {
    print("client connection_lost", exc);
    this.lost.setResult(undefined);
  }
}

function* main() {
  const loop = asyncio.getRunningLoop();
  const [server] = yield* loop.createDatagramEndpoint(() => new Echo(), { localAddr: ["127.0.0.1", 0] });
  const port = (server.getExtraInfo("sockname") as [string, number])[1];
  const queue = new asyncio.Queue<Uint8Array>();
  const lost = loop.createFuture<undefined>();
  const [client] = yield* loop.createDatagramEndpoint(() => new Client(queue, lost), { remoteAddr: ["127.0.0.1", port] });
  for (const word of ["one", "two", "three"]) {
    client.sendto(word);
    print("client got", bytesRepr(yield* asyncio.waitFor(queue.get(), 2)));
  }
  client.close();
  print("client is_closing", client.isClosing());
  yield* lost;
  server.close();
  yield* asyncio.sleep(0.01);
}

await asyncio.run(main());
