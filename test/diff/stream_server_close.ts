// Closing a server: is_serving, sockets empty, new connections refused, connections
// already accepted keep working until they close; async with closes it too.
import * as asyncio from "asyncio-ts";
import { bytesRepr } from "./_bytes";
import { print } from "./_py";

function* handle(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) {
  const line = yield* reader.readline();
  writer.write(new Uint8Array([...new TextEncoder().encode("echo "), ...line]));
  yield* writer.drain();
  writer.close();
}

function* main() {
  const server = yield* asyncio.startServer(handle, "127.0.0.1", 0);
  const port = (server.sockets[0]!.getsockname() as [string, number])[1];
  print("serving", server.isServing(), server.sockets.length);
  const [reader, writer] = yield* asyncio.openConnection("127.0.0.1", port);
  yield* asyncio.sleep(0.02);
  server.close();
  print("after close: serving", server.isServing(), server.sockets.length);
  writer.write("still here\n");
  print("existing connection", bytesRepr(yield* reader.readline()));
  writer.close();
  yield* writer.waitClosed();
  yield* server.waitClosed();
  try {
    yield* asyncio.openConnection("127.0.0.1", port);
  } catch (e) {
    if (!(e instanceof asyncio.ConnectionRefusedError)) throw e;
    print("new connection:", e.name);
  }
  server.close();
  print("closed twice ok");
  const s2 = yield* asyncio.startServer(handle, "127.0.0.1", 0);
  yield* asyncio.asyncWith(s2, function* (s) {
    print("in async with: serving", s.isServing());
  });
  print("after async with: serving", s2.isServing(), s2.sockets.length);
}

await asyncio.run(main());
