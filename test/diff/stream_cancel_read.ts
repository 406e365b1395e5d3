// Cancelling a task blocked in readline, readexactly or readuntil over a socket: the
// data that arrived stays in the reader and the next read gets it.
import * as asyncio from "asyncio-ts";
import { bytesRepr } from "./_bytes";
import { print } from "./_py";

function* handle(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) {
  for (const piece of ["first ", "half of the line\n", "0123", "456789", "--", "end--"]) {
    yield* reader.readexactly(1);
    writer.write(piece);
    yield* writer.drain();
  }
  writer.close();
}

function* main() {
  const server = yield* asyncio.startServer(handle, "127.0.0.1", 0);
  const port = (server.sockets[0]!.getsockname() as [string, number])[1];
  const [reader, writer] = yield* asyncio.openConnection("127.0.0.1", port);

  function* step(makeRead: () => asyncio.Coroutine<Uint8Array>) {
    writer.write(".");
    const task = asyncio.createTask(makeRead());
    yield* asyncio.sleep(0.05);
    task.cancel();
    try {
      yield* task;
    } catch (e) {
      if (!(e instanceof asyncio.CancelledError)) throw e;
      print("cancelled, done:", task.done());
    }
  }

  yield* step(() => reader.readline());
  writer.write(".");
  print("readline", bytesRepr(yield* reader.readline()));
  yield* step(() => reader.readexactly(10));
  writer.write(".");
  print("readexactly", bytesRepr(yield* reader.readexactly(10)));
  yield* step(() => reader.readuntil("--end--"));
  writer.write(".");
  print("readuntil", bytesRepr(yield* reader.readuntil("--end--")));
  print("at_eof", bytesRepr(yield* reader.read()), reader.atEof());
  writer.close();
  server.close();
  yield* server.waitClosed();
}

await asyncio.run(main());
