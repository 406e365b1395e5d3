// eof_received: returning True keeps the transport half-open (the server still
// writes), anything else closes it; the client sees which.
import * as asyncio from "asyncio-ts";
import { bytesRepr } from "./_bytes";
import { print } from "./_py";

class Server extends asyncio.Protocol {
  transport!: asyncio.Transport;
  constructor(readonly keep: boolean) {
    super();
  }
  override connectionMade(transport: asyncio.BaseTransport) {
    this.transport = transport as asyncio.Transport;
  }
  override eofReceived() {
    print("server eof_received, keep open:", this.keep, "is_closing:", this.transport.isClosing());
    if (this.keep) {
      this.transport.write("reply after eof");
      this.transport.close();
    }
    return this.keep;
  }
  override connectionLost(exc: Error | undefined) {
    print("server connection_lost", exc);
  }
}

class Client extends asyncio.Protocol {
  data = "";
  constructor(readonly done: asyncio.Future<string>) {
    super();
  }
  override dataReceived(data: Uint8Array) {
    this.data += new TextDecoder().decode(data);
  }
  override connectionLost() {
    this.done.setResult(this.data);
  }
}

function* main() {
  const loop = asyncio.getRunningLoop();
  for (const keep of [true, false]) {
    const server = yield* loop.createServer(() => new Server(keep), "127.0.0.1", 0);
    const port = (server.sockets[0]!.getsockname() as [string, number])[1];
    const done = loop.createFuture<string>();
    const [transport] = yield* loop.createConnection(() => new Client(done), "127.0.0.1", port);
    transport.writeEof();
    print("client got", bytesRepr(new TextEncoder().encode(yield* done)));
    server.close();
    yield* asyncio.sleep(0.02);
  }
}

await asyncio.run(main());
