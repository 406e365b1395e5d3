// A peer that resets the connection (SO_LINGER 0, then close: an RST) while the server is
// writing to it: the server's drain() raises a ConnectionError, its handling runs, and it
// writes nothing more.
import type { Socket } from "node:net";
import * as asyncio from "asyncio-ts";
import { print } from "./_py";

function* main() {
  const done = new asyncio.Event();
  const outcome: string[] = [];

  function* handle(_reader: asyncio.StreamReader, writer: asyncio.StreamWriter) {
    const chunk = new Uint8Array(65536).fill(120);
    let sent = 0;
    try {
      for (;;) {
        writer.write(chunk);
        yield* writer.drain();
        sent += 1;
      }
    } catch (e) {
      if (!(e instanceof asyncio.ConnectionError)) throw e;
      outcome.push(`server's drain raised a ConnectionError after some chunks: ${sent > 0 ? "True" : "False"}`);
      outcome.push(`closing: ${writer.isClosing() ? "True" : "False"}`);
    }
    try {
      yield* writer.waitClosed();
      outcome.push("wait_closed returned");
    } catch (e) {
      if (!(e instanceof asyncio.ConnectionError)) throw e;
      outcome.push("wait_closed raised a ConnectionError");
    }
    done.set();
  }

  const server = yield* asyncio.startServer(handle, "127.0.0.1", 0);
  const port = server.sockets[0]!.getsockname()[1];
  const [reader, writer] = yield* asyncio.openConnection("127.0.0.1", port);
  const data = yield* reader.readexactly(65536);
  print("client read", data.length, "bytes, then resets");
  // Node's way to close with an RST (Python's SO_LINGER 0 before closing).
  (writer.getExtraInfo("socket") as Socket).resetAndDestroy();
  writer.transport.abort();
  yield* done.wait();
  for (const line of outcome) print(line);
  server.close();
  yield* server.waitClosed();
}

await asyncio.run(main());
