// An echo over a Unix socket: start_unix_server / open_unix_connection, readuntil on a
// custom separator, and the socket file.
import { existsSync, mkdtempSync, rmdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import * as asyncio from "asyncio-ts";
import { bytesRepr } from "./_bytes";
import { print } from "./_py";

function* handle(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) {
  for (;;) {
    let msg: Uint8Array;
    try {
      msg = yield* reader.readuntil(";");
    } catch (e) {
      if (!(e instanceof asyncio.IncompleteReadError)) throw e;
      print("server: eof with", bytesRepr(e.partial));
      break;
    }
    writer.write(msg.slice().reverse());
  }
  writer.close();
}

function* main() {
  const path = join(mkdtempSync(join(tmpdir(), "tmp")), "echo.sock");
  const server = yield* asyncio.startUnixServer(handle, path);
  print("socket file exists", existsSync(path));
  const [reader, writer] = yield* asyncio.openUnixConnection(path);
  writer.write("abc;de");
  writer.write("f;gh");
  print(bytesRepr(yield* reader.readexactly(4)), bytesRepr(yield* reader.readexactly(4)));
  writer.writeEof();
  print("client read", bytesRepr(yield* reader.read()));
  writer.close();
  yield* writer.waitClosed();
  server.close();
  yield* server.waitClosed();
  if (!existsSync(path)) rmdirSync(dirname(path));
  else rmSync(path);
}

await asyncio.run(main());
