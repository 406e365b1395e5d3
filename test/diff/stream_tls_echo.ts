// TLS on both sides with the test CA of test/fixtures/tls: an echo over TLS, the
// peer's certificate, no write_eof, and certificate checks that fail.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { PeerCertificate } from "node:tls";
import * as asyncio from "asyncio-ts";
import { bytesRepr } from "./_bytes";
import { print } from "./_py";

const TLS = join("..", "fixtures", "tls");

function* handle(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) {
  const line = yield* reader.readline();
  writer.write(new Uint8Array([...new TextEncoder().encode("secure "), ...line]));
  yield* writer.drain();
  writer.close();
}

function* main() {
  const serverCtx = { cert: readFileSync(join(TLS, "server.pem")), key: readFileSync(join(TLS, "server.key")) };
  const clientCtx = { ca: readFileSync(join(TLS, "ca.pem")) };
  const server = yield* asyncio.startServer(handle, "127.0.0.1", 0, { ssl: serverCtx });
  const port = (server.sockets[0]!.getsockname() as [string, number])[1];
  const [reader, writer] = yield* asyncio.openConnection("127.0.0.1", port, { ssl: clientCtx, serverHostname: "localhost" });
  const cert = writer.getExtraInfo("peercert") as PeerCertificate;
  print("peer CN", cert.subject.CN);
  print("can_write_eof", writer.canWriteEof());
  writer.write("hello\n");
  print("got", bytesRepr(yield* reader.readline()));
  print("then", bytesRepr(yield* reader.read()), reader.atEof());
  writer.close();
  yield* writer.waitClosed();
  for (const [name, ctx, hostname] of [
    ["untrusted CA", true, "localhost"],
    ["wrong host name", clientCtx, "example.com"],
  ] as const) {
    try {
      yield* asyncio.openConnection("127.0.0.1", port, { ssl: ctx, serverHostname: hostname });
      print(name, "connected");
    } catch (e) {
      if (!(e instanceof asyncio.SSLCertVerificationError)) throw e;
      print(name, e.name);
    }
  }
  server.close();
  yield* server.waitClosed();
}

await asyncio.run(main());
