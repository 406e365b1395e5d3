// A BufferedProtocol receives into its own buffer: get_buffer, buffer_updated with at
// most the buffer's size, then eof_received and connection_lost.
import * as asyncio from "asyncio-ts";
import { print, repr } from "./_py";

const payload = new Uint8Array(1024).map((_, i) => i % 256);

class Sender extends asyncio.Protocol {
  override connectionMade(transport: asyncio.BaseTransport) {
    (transport as asyncio.Transport).write(payload);
    transport.close();
  }
}

class Receiver extends asyncio.BufferedProtocol {
  buf = new Uint8Array(64);
  data: number[] = [];
  biggest = 0;
  events: string[] = [];
  constructor(readonly done: asyncio.Future<undefined>) {
    super();
  }
  override connectionMade() {
    this.events.push("connection_made");
  }
  override getBuffer() {
    return this.buf;
  }
  override bufferUpdated(nbytes: number) {
    this.biggest = Math.max(this.biggest, nbytes);
    this.data.push(...this.buf.subarray(0, nbytes));
  }
  override eofReceived() {
    this.events.push("eof_received");
    return undefined;
  }
  override connectionLost(exc: Error | undefined) {
    this.events.push(`connection_lost ${repr(exc)}`);
    this.done.setResult(undefined);
  }
}

function* main() {
  const loop = asyncio.getRunningLoop();
  const server = yield* loop.createServer(() => new Sender(), "127.0.0.1", 0);
  const port = (server.sockets[0]!.getsockname() as [string, number])[1];
  const done = loop.createFuture<undefined>();
  const [, protocol] = yield* loop.createConnection(() => new Receiver(done), "127.0.0.1", port);
  yield* done;
  print(repr(protocol.events));
  print(protocol.data.length, protocol.data.every((b, i) => b === payload[i]), protocol.biggest <= 64);
  server.close();
  yield* server.waitClosed();
}

await asyncio.run(main());
