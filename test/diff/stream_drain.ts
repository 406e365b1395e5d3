// write + drain in a loop sends 4 MB to a slow reader with back-pressure; the write
// buffer limits as Python reports them; the reader gets every byte.
import * as asyncio from "asyncio-ts";
import { bytesRepr } from "./_bytes";
import { print } from "./_py";

const tuple = (pair: number[]) => `(${pair.join(", ")})`;

function* handle(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) {
  let total = 0;
  for (;;) {
    const chunk = yield* reader.read(65536);
    if (chunk.length === 0) break;
    total += chunk.length;
    yield* asyncio.sleep(0.001);
  }
  writer.write(`${total}\n`);
  yield* writer.drain();
  writer.close();
}

function* main() {
  const server = yield* asyncio.startServer(handle, "127.0.0.1", 0);
  const port = (server.sockets[0]!.getsockname() as [string, number])[1];
  const [reader, writer] = yield* asyncio.openConnection("127.0.0.1", port);
  const transport = writer.transport as asyncio.Transport;
  print("limits", tuple(transport.getWriteBufferLimits()));
  const chunk = new Uint8Array(65536).fill(120);
  for (let i = 0; i < 64; i++) {
    writer.write(chunk);
    yield* writer.drain();
    if (transport.getWriteBufferSize() > 65536 + 16384) throw new Error("drain returned above the limits");
  }
  writer.writeEof();
  print("server counted", bytesRepr(yield* reader.readline()));
  transport.setWriteBufferLimits(100);
  print("limits", tuple(transport.getWriteBufferLimits()));
  try {
    transport.setWriteBufferLimits(1, 2);
  } catch (e) {
    if (!(e instanceof RangeError)) throw e;
    print("ValueError", e.message);
  }
  writer.close();
  yield* writer.waitClosed();
  server.close();
  yield* server.waitClosed();
}

await asyncio.run(main());
