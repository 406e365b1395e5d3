// Closing a writer: is_closing at once, wait_closed completes, the peer reads EOF, and
// the transport reports its state; closing twice is harmless.
import * as asyncio from "asyncio-ts";
import { bytesRepr } from "./_bytes";
import { print } from "./_py";

function* handle(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) {
  print("server read", bytesRepr(yield* reader.read()));
  print("server at_eof", reader.atEof());
  writer.close();
  yield* writer.waitClosed();
  print("server writer closed", writer.isClosing());
}

function* main() {
  const server = yield* asyncio.startServer(handle, "127.0.0.1", 0);
  const port = (server.sockets[0]!.getsockname() as [string, number])[1];
  const [reader, writer] = yield* asyncio.openConnection("127.0.0.1", port);
  writer.write("last words");
  print("is_closing before", writer.isClosing());
  writer.close();
  print("is_closing after", writer.isClosing());
  writer.close();
  yield* writer.waitClosed();
  print("wait_closed done");
  yield* writer.waitClosed();
  print("wait_closed again done");
  print("client read", bytesRepr(yield* reader.read()));
  yield* asyncio.sleep(0.05);
  server.close();
  yield* server.waitClosed();
}

await asyncio.run(main());
