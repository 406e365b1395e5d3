// EOF from the peer: the server reads everything until the client's write_eof, then
// answers on the half-open connection; at_eof on both sides.
import * as asyncio from "asyncio-ts";
import { bytesRepr } from "./_bytes";
import { print } from "./_py";

function* handle(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) {
  const data = yield* reader.read();
  print("server read", bytesRepr(data), "at_eof", reader.atEof());
  writer.write(`got ${data.length} bytes\n`);
  yield* writer.drain();
  writer.close();
  yield* writer.waitClosed();
}

function* main() {
  const server = yield* asyncio.startServer(handle, "127.0.0.1", 0);
  const port = (server.sockets[0]!.getsockname() as [string, number])[1];
  const [reader, writer] = yield* asyncio.openConnection("127.0.0.1", port);
  writer.write("part one, ");
  yield* asyncio.sleep(0.02);
  writer.write("part two");
  print("client can_write_eof", writer.canWriteEof());
  writer.writeEof();
  print("client is_closing after write_eof", writer.isClosing());
  print("client got", bytesRepr(yield* reader.readline()));
  print("client at_eof", reader.atEof());
  print("client read", bytesRepr(yield* reader.read()));
  print("client at_eof", reader.atEof());
  writer.close();
  yield* writer.waitClosed();
  server.close();
  yield* server.waitClosed();
}

await asyncio.run(main());
