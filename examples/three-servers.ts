/**
 * The seed's motivating case: fetch from three servers, one of them slow.
 *
 * Three local HTTP/1.0 servers (asyncio streams) answer after 0.3 s, 0.6 s and 2 s. A
 * client fetches from them one after the other, then concurrently with `gather` over
 * `openConnection`, then concurrently with `waitFor` giving up on whatever takes more
 * than 1 s. Each reply's arrival time and each total is printed.
 *
 *     npm run three-servers            (add -- --quick for every delay / 4)
 */
import * as asyncio from "asyncio-ts";

const SCALE = process.argv.includes("--quick") ? 0.25 : 1;
const SERVERS: [name: string, delay: number][] = [
  ["fast", 0.3 * SCALE],
  ["medium", 0.6 * SCALE],
  ["slow", 2.0 * SCALE],
];
const GIVE_UP_AFTER = 1.0 * SCALE;
const text = (b: Uint8Array) => new TextDecoder().decode(b);

/** A minimal HTTP/1.0 server that answers every GET after `delay` seconds. */
function* startHttpServer(name: string, delay: number) {
  return yield* asyncio.startServer(
    function* (reader, writer) {
      try {
        const head = text(yield* reader.readuntil("\r\n\r\n"));
        const path = head.split(" ")[1] ?? "/";
        yield* asyncio.sleep(delay);
        const body = `hello from ${name} (${path})\n`;
        writer.write(`HTTP/1.0 200 OK\r\nContent-Type: text/plain\r\nContent-Length: ${body.length}\r\n\r\n${body}`);
        yield* writer.drain();
      } finally {
        writer.close();
      }
    },
    "127.0.0.1",
    0,
  );
}

/** GET / from 127.0.0.1:port; gives the status line and the body. */
function* fetch(port: number): asyncio.Coroutine<[status: string, body: string]> {
  const [reader, writer] = yield* asyncio.openConnection("127.0.0.1", port);
  try {
    writer.write(`GET / HTTP/1.0\r\nHost: 127.0.0.1:${port}\r\n\r\n`);
    yield* writer.drain();
    const response = text(yield* reader.read());
    const [head = "", body = ""] = response.split("\r\n\r\n");
    return [head.split("\r\n")[0]!, body.trim()];
  } finally {
    writer.close();
    yield* writer.waitClosed();
  }
}

function* main() {
  const loop = asyncio.getRunningLoop();
  const servers: asyncio.Server[] = [];
  for (const [name, delay] of SERVERS) servers.push(yield* startHttpServer(name, delay));
  const ports = servers.map((s) => (s.sockets[0]!.getsockname() as [string, number])[1]);
  console.log(`servers: ${SERVERS.map(([name, delay]) => `${name} (answers after ${delay.toFixed(2)} s)`).join(", ")}`);

  let t0 = loop.time();
  const stamp = () => `${(loop.time() - t0).toFixed(2)} s`;

  /** Fetches from server `i` and prints the reply with its arrival time. */
  function* fetchAndPrint(i: number) {
    const [status, body] = yield* fetch(ports[i]!);
    console.log(`  ${stamp()}  ${SERVERS[i]![0]}: ${status}: ${body}`);
  }

  console.log("one after the other:");
  t0 = loop.time();
  for (let i = 0; i < SERVERS.length; i++) yield* fetchAndPrint(i);
  const sequential = loop.time() - t0;
  console.log(`  total ${sequential.toFixed(2)} s`);

  console.log("concurrently (gather):");
  t0 = loop.time();
  yield* asyncio.gather(...SERVERS.map((_, i) => fetchAndPrint(i)));
  const concurrent = loop.time() - t0;
  console.log(`  total ${concurrent.toFixed(2)} s`);

  console.log(`concurrently, giving up after ${GIVE_UP_AFTER.toFixed(2)} s (waitFor):`);
  t0 = loop.time();
  const outcomes = yield* asyncio.gather(...SERVERS.map((_, i) => asyncio.waitFor(fetchAndPrint(i), GIVE_UP_AFTER)), { returnExceptions: true });
  outcomes.forEach((outcome, i) => {
    if (outcome instanceof asyncio.TimeoutError) console.log(`  ${stamp()}  ${SERVERS[i]![0]}: gave up (TimeoutError)`);
  });
  console.log(`  total ${(loop.time() - t0).toFixed(2)} s`);
  console.log(`concurrency saved ${(sequential - concurrent).toFixed(2)} s`);

  for (const server of servers) {
    server.close();
    yield* server.waitClosed();
  }
}

await asyncio.run(main());
