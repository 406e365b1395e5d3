// CPython's test_streams.test_async_writer_api_exception_after_close: after the program's
// own writer.close(), write() is accepted and its data dropped, and the next drain()
// raises ConnectionResetError; the exception handler hears nothing.
import * as asyncio from "asyncio-ts";
import { bytesRepr } from "./_bytes";
import { print } from "./_py";

function* handle(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) {
  yield* reader.readline();
  writer.write("HTTP/1.0 200 OK\r\n\r\nTest message");
  yield* writer.drain();
  writer.close();
}

function* main() {
  const messages: string[] = [];
  asyncio.getRunningLoop().setExceptionHandler((_loop, context) => messages.push(context.message));
  const server = yield* asyncio.startServer(handle, "127.0.0.1", 0);
  const port = server.sockets[0]!.getsockname()[1];
  const [reader, writer] = yield* asyncio.openConnection("127.0.0.1", port);
  writer.write("GET / HTTP/1.0\r\n\r\n");
  print(bytesRepr(yield* reader.readline()));
  print(bytesRepr(yield* reader.read()));
  writer.close();
  try {
    writer.write("data");
    print("write after close accepted");
    yield* writer.drain();
    print("drain returned");
  } catch (e) {
    if (!(e instanceof asyncio.ConnectionResetError)) throw e;
    print("ConnectionResetError:", e.message);
  }
  for (let i = 0; i < 3; i++) writer.write("more");
  print("closing:", writer.isClosing());
  yield* writer.waitClosed();
  print("exception handler calls:", messages);
  server.close();
  yield* server.waitClosed();
}

await asyncio.run(main());
