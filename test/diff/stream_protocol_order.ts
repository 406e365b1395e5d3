// The order of protocol callbacks on both sides of create_connection / create_server,
// interleaved with the tasks awaiting them.
import * as asyncio from "asyncio-ts";
import { bytesRepr } from "./_bytes";
import { print, repr } from "./_py";

const log: string[] = [];

class Server extends asyncio.Protocol {
  transport!: asyncio.Transport;
  override connectionMade(transport: asyncio.BaseTransport) {
    this.transport = transport as asyncio.Transport;
    log.push("server connection_made");
  }
  override dataReceived(data: Uint8Array) {
    log.push(`server data_received ${bytesRepr(data)}`);
    this.transport.write(data.slice().reverse());
  }
  override eofReceived() {
    log.push("server eof_received");
    return undefined;
  }
  override connectionLost(exc: Error | undefined) {
    log.push(`server connection_lost ${repr(exc)}`);
  }
}

class Client extends asyncio.Protocol {
  constructor(readonly done: asyncio.Future<undefined>) {
    super();
  }
  override connectionMade() {
    log.push("client connection_made");
  }
  override dataReceived(data: Uint8Array) {
    log.push(`client data_received ${bytesRepr(data)}`);
  }
  override eofReceived() {
    log.push("client eof_received");
    return undefined;
  }
  override connectionLost(exc: Error | undefined) {
    log.push(`client connection_lost ${repr(exc)}`);
    this.done.setResult(undefined);
  }
}

function* main() {
  const loop = asyncio.getRunningLoop();
  const server = yield* loop.createServer(() => new Server(), "127.0.0.1", 0);
  log.push("server created");
  const port = (server.sockets[0]!.getsockname() as [string, number])[1];
  const done = loop.createFuture<undefined>();
  const [transport] = yield* loop.createConnection(() => new Client(done), "127.0.0.1", port);
  log.push("create_connection returned");
  transport.write("abc");
  yield* asyncio.sleep(0.05);
  transport.writeEof();
  yield* done;
  log.push("client done");
  yield* asyncio.sleep(0.05);
  server.close();
  yield* server.waitClosed();
  for (const line of log) print(line);
}

await asyncio.run(main());
