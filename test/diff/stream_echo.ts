// An echo server and client over loopback: lines go back and forth, then EOF.
import * as asyncio from "asyncio-ts";
import { bytesRepr } from "./_bytes";
import { print } from "./_py";

const upper = (b: Uint8Array) => new TextEncoder().encode(new TextDecoder().decode(b).toUpperCase());

function* handle(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) {
  print("server: client connected");
  for (;;) {
    const line = yield* reader.readline();
    if (line.length === 0) break;
    print("server got", bytesRepr(line));
    writer.write(upper(line));
    yield* writer.drain();
  }
  print("server: eof");
  writer.close();
  yield* writer.waitClosed();
  print("server: closed");
}

function* main() {
  const server = yield* asyncio.startServer(handle, "127.0.0.1", 0);
  const port = (server.sockets[0]!.getsockname() as [string, number])[1];
  const [reader, writer] = yield* asyncio.openConnection("127.0.0.1", port);
  for (const word of ["alpha", "beta", "gamma"]) {
    writer.write(`${word}\n`);
    yield* writer.drain();
    print("client got", bytesRepr(yield* reader.readline()));
  }
  writer.writeEof();
  print("client read after eof", bytesRepr(yield* reader.read()));
  print("client at_eof", reader.atEof());
  writer.close();
  yield* writer.waitClosed();
  yield* asyncio.sleep(0.05);
  server.close();
  yield* server.waitClosed();
  print("done");
}

await asyncio.run(main());
