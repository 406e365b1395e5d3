// longline: one line of N bytes read with readline() (the reader's limit raised above
// it), twice: fed to a StreamReader 4 KiB at a time by a task that yields after each
// chunk, then sent over loopback by a stream server. Checks both lines.
import * as asyncio from "asyncio-ts";
import { report, size } from "../../harness";

const CHUNK = 4096;
const chunks = size(25_600); // 100 MiB at full size
const n = chunks * CHUNK; // bytes before the newline
const limit = 2 * n;

function check(line: Uint8Array): number {
  if (line.length !== n + 1 || line[0] !== 120 || line[n - 1] !== 120 || line[n] !== 10) throw new Error(`bad line of ${line.length} bytes`);
  return line.length;
}

function* feed(reader: asyncio.StreamReader) {
  const chunk = new Uint8Array(CHUNK).fill(120);
  for (let i = 0; i < chunks; i++) {
    reader.feedData(chunk);
    yield;
  }
  reader.feedData("\n");
}

function* inMemory() {
  const reader = new asyncio.StreamReader(limit);
  const feeder = asyncio.createTask(feed(reader));
  const line = yield* reader.readline();
  yield* feeder;
  return check(line);
}

function* overLoopback() {
  const payload = new Uint8Array(n + 1).fill(120);
  payload[n] = 10;
  const server = yield* asyncio.startServer(function* (_reader, writer) {
    writer.write(payload);
    yield* writer.drain();
    writer.close();
  }, "127.0.0.1", 0);
  const port = (server.sockets[0]!.getsockname() as [string, number])[1];
  const [reader, writer] = yield* asyncio.openConnection("127.0.0.1", port, { limit });
  const line = yield* reader.readline();
  writer.close();
  yield* writer.waitClosed();
  server.close();
  yield* server.waitClosed();
  return check(line);
}

function* main() {
  return (yield* inMemory()) + (yield* overLoopback());
}

const start = performance.now();
const total = await asyncio.run(main());
report(performance.now() - start, total, 2 * (n + 1));
