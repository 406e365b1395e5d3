// echo: 50 clients each do N ping-pong round trips of a 64-byte line with an echo
// server over loopback, all on asyncio-ts streams (startServer, openConnection).
import * as asyncio from "asyncio-ts";
import { report, size } from "../../harness";

const CLIENTS = 50;
const n = size(20_000);

function* echo(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) {
  for (;;) {
    const line = yield* reader.readline();
    if (line.length === 0) break;
    writer.write(line);
  }
  writer.close();
}

function* client(port: number, id: number) {
  const [reader, writer] = yield* asyncio.openConnection("127.0.0.1", port);
  const line = new TextEncoder().encode(`${String(id).padStart(4, "0")}${"x".repeat(59)}\n`);
  let bytes = 0;
  for (let i = 0; i < n; i++) {
    writer.write(line);
    const reply = yield* reader.readline();
    if (reply.length !== line.length || reply[3] !== line[3]) throw new Error(`client ${id}: bad reply`);
    bytes += reply.length;
  }
  writer.close();
  yield* writer.waitClosed();
  return bytes;
}

function* main() {
  const server = yield* asyncio.startServer(echo, "127.0.0.1", 0);
  const port = (server.sockets[0]!.getsockname() as [string, number])[1];
  const clients = [];
  for (let id = 0; id < CLIENTS; id++) clients.push(client(port, id));
  const totals = yield* asyncio.gather(...clients);
  server.close();
  yield* server.waitClosed();
  return totals.reduce((a, b) => a + b, 0);
}

const start = performance.now();
const total = await asyncio.run(main());
report(performance.now() - start, total, CLIENTS * n * 64);
