// Twenty clients at once with gather over open_connection against one server; each
// gets its own answers, in order, and the server counts them.
import * as asyncio from "asyncio-ts";
import { print, repr } from "./_py";

let served = 0;
const text = (b: Uint8Array) => new TextDecoder().decode(b);

function* handle(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) {
  const name = text(yield* reader.readline()).trim();
  for (let i = 0; i < 3; i++) {
    writer.write(`${name}:${i}\n`);
    yield* writer.drain();
    yield* asyncio.sleep(0.001);
  }
  writer.close();
  served += 1;
}

function* client(port: number, n: number) {
  const [reader, writer] = yield* asyncio.openConnection("127.0.0.1", port);
  writer.write(`c${String(n).padStart(2, "0")}\n`);
  const lines: string[] = [];
  let line: Uint8Array | undefined;
  while ((line = yield* reader.nextLine()) !== undefined) lines.push(text(line).trim());
  writer.close();
  yield* writer.waitClosed();
  return lines;
}

function* main() {
  const server = yield* asyncio.startServer(handle, "127.0.0.1", 0);
  const port = (server.sockets[0]!.getsockname() as [string, number])[1];
  const clients = [];
  for (let n = 0; n < 20; n++) clients.push(client(port, n));
  const results = yield* asyncio.gather(...clients);
  print(repr(results[0]), repr(results[19]));
  print(results.every((r, n) => JSON.stringify(r) === JSON.stringify([0, 1, 2].map((i) => `c${String(n).padStart(2, "0")}:${i}`))));
  yield* asyncio.sleep(0.02);
  print("served", served);
  server.close();
  yield* server.waitClosed();
}

await asyncio.run(main());
