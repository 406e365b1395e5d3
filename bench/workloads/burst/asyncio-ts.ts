// burst: N connections opened and closed in batches against a server with the default
// backlog (100): each batch opens its connections all at once and closes them, then the
// next batch starts; the server reads each connection to its end and closes it. Two
// phases, batches of 100 then of 500, each timed until the server has served every
// connection (reported on stderr; `ms` is their sum). Checks that every one was served.
import * as asyncio from "asyncio-ts";
import { report, size } from "../../harness";

const n = size(2_000);
const BATCHES = [100, 500];

let served = 0;
let allServed: asyncio.Future<undefined> | null = null;
let expected = 0;

function* serve(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) {
  yield* reader.read();
  writer.close();
  yield* writer.waitClosed();
  if (++served === expected) allServed!.setResult(undefined);
}

function* client(port: number) {
  const [, writer] = yield* asyncio.openConnection("127.0.0.1", port);
  writer.close();
  yield* writer.waitClosed();
}

function* phase(port: number, batch: number) {
  expected += n;
  allServed = asyncio.getRunningLoop().createFuture();
  for (let done = 0; done < n; done += batch) {
    const clients = [];
    for (let i = 0; i < Math.min(batch, n - done); i++) clients.push(client(port));
    yield* asyncio.gather(...clients);
  }
  yield* allServed;
}

function* main() {
  const server = yield* asyncio.startServer(serve, "127.0.0.1", 0);
  const port = (server.sockets[0]!.getsockname() as [string, number])[1];
  const times: number[] = [];
  for (const batch of BATCHES) {
    const start = performance.now();
    yield* phase(port, batch);
    times.push(performance.now() - start);
  }
  server.close();
  yield* server.waitClosed();
  return times;
}

const times = await asyncio.run(main());
console.error(BATCHES.map((batch, i) => `batches of ${batch}: ${times[i]!.toFixed(0)} ms`).join(", "));
report(times[0]! + times[1]!, served, BATCHES.length * n);
