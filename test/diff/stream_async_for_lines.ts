// async for over a StreamReader's lines: a server reading a client's lines, and a
// reader fed by hand (feed_data / feed_eof), with break and continue.
import * as asyncio from "asyncio-ts";
import { bytesRepr } from "./_bytes";
import { print } from "./_py";

const upper = (b: Uint8Array) => new TextEncoder().encode(new TextDecoder().decode(b).toUpperCase());
const text = (b: Uint8Array) => new TextDecoder().decode(b);

function* handle(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) {
  let count = 0;
  for (const it = asyncio.asyncFor(reader); yield* it.next(); ) {
    const line = it.value;
    count += 1;
    print("server got", bytesRepr(line));
    if (text(line) === "skip\n") continue;
    writer.write(upper(line));
  }
  print("server: eof after", count, "lines");
  writer.close();
  yield* writer.waitClosed();
}

function* main() {
  const server = yield* asyncio.startServer(handle, "127.0.0.1", 0);
  const port = (server.sockets[0]!.getsockname() as [string, number])[1];
  const [reader, writer] = yield* asyncio.openConnection("127.0.0.1", port);
  writer.write(new TextEncoder().encode("one\nskip\ntwo\nlast without newline"));
  writer.writeEof();
  for (const it = asyncio.asyncFor(reader); yield* it.next(); ) {
    print("client got", bytesRepr(it.value));
  }
  writer.close();
  yield* writer.waitClosed();
  server.close();
  yield* server.waitClosed();

  const fed = new asyncio.StreamReader();
  fed.feedData(new TextEncoder().encode("a\nb\nc\nd\n"));
  fed.feedEof();
  for (const it = asyncio.asyncFor(fed); yield* it.next(); ) {
    if (text(it.value) === "c\n") break;
    print("fed", bytesRepr(it.value));
  }
  print("rest", bytesRepr(yield* fed.read()));
}

await asyncio.run(main());
