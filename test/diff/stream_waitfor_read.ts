// wait_for around a read that takes too long gives TimeoutError; the reader stays
// usable and the late reply is read afterwards; a server that answers in time wins.
import * as asyncio from "asyncio-ts";
import { bytesRepr } from "./_bytes";
import { print } from "./_py";

function* slow(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) {
  yield* reader.readline();
  yield* asyncio.sleep(0.2);
  writer.write("slow reply\n");
  yield* writer.drain();
  writer.close();
}

function* main() {
  const server = yield* asyncio.startServer(slow, "127.0.0.1", 0);
  const port = (server.sockets[0]!.getsockname() as [string, number])[1];
  const [reader, writer] = yield* asyncio.openConnection("127.0.0.1", port);
  writer.write("GET\n");
  try {
    yield* asyncio.waitFor(reader.readline(), 0.05);
  } catch (e) {
    if (!(e instanceof asyncio.TimeoutError)) throw e;
    print("gave up after 0.05 s");
  }
  print("later:", bytesRepr(yield* asyncio.waitFor(reader.readline(), 1)));
  print("eof:", bytesRepr(yield* reader.read()));
  writer.close();
  yield* writer.waitClosed();
  server.close();
  yield* server.waitClosed();
}

await asyncio.run(main());
