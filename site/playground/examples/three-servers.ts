// The seed's motivating case: three servers, one slow, and a client that asks them all.
// A browser has no sockets, so the servers and the client talk over the fake network of
// asyncio-ts/testing: three hosts in memory, 50 ms from the client each way, timed by the
// loop's clock. Under Node, drop the network lines and the same code uses real sockets
// (examples/three-servers.ts does it with HTTP servers).
import * as asyncio from "asyncio-ts";
import { Network } from "asyncio-ts/testing";

const SERVERS: [name: string, delay: number][] = [
  ["fast", 0.3],
  ["medium", 0.6],
  ["slow", 2.0],
];
const PORT = 8000;
const network = new Network({ latency: 0.05 });

/** A server that takes `delay` seconds to answer each request. */
function server(name: string, delay: number) {
  return function* (reader: asyncio.StreamReader, writer: asyncio.StreamWriter) {
    const request = new TextDecoder().decode(yield* reader.readline()).trim();
    yield* asyncio.sleep(delay);
    writer.write(`hello from ${name} (${request})\n`);
    writer.close();
    yield* writer.waitClosed();
  };
}

/** Connects to `host`, sends a request line, and returns the answer. */
function* fetch(host: string) {
  const [reader, writer] = yield* asyncio.openConnection(host, PORT);
  writer.write("GET /\n");
  const reply = new TextDecoder().decode(yield* reader.readline()).trim();
  writer.close();
  yield* writer.waitClosed();
  return reply;
}

function* main() {
  const loop = asyncio.getRunningLoop();
  network.install(loop); // openConnection and startServer now go over the fake network
  const servers: asyncio.AbstractServer[] = [];
  for (const [name, delay] of SERVERS) {
    network.addHost(name);
    servers.push(yield* network.onHost(name, asyncio.startServer(server(name, delay), "0.0.0.0", PORT)));
  }
  let t0 = loop.time();
  const stamp = () => `${(loop.time() - t0).toFixed(2)} s`;

  console.log("one after the other:");
  for (const [name] of SERVERS) {
    const reply = yield* fetch(name);
    console.log(`  ${stamp()}  ${reply}`);
  }
  const sequential = loop.time() - t0;

  console.log("concurrently (gather):");
  t0 = loop.time();
  yield* asyncio.gather(
    ...SERVERS.map(([name]) =>
      asyncio.createTask(
        (function* () {
          const reply = yield* fetch(name);
          console.log(`  ${stamp()}  ${reply}`);
        })(),
        { name },
      ),
    ),
  );
  const concurrent = loop.time() - t0;

  console.log("concurrently, waiting 1 s at most (wait with a timeout):");
  t0 = loop.time();
  const requests = SERVERS.map(([name]) => asyncio.createTask(fetch(name), { name: `${name}-1s` }));
  const [done, pending] = yield* asyncio.wait(requests, { timeout: 1.0 });
  for (const task of done) console.log(`  ${task.getName()}: ${task.result()}`);
  for (const task of pending) {
    task.cancel();
    console.log(`  ${task.getName()}: no answer after ${stamp()}, cancelled`);
  }
  console.log(`concurrency saved ${(sequential - concurrent).toFixed(2)} s`);

  for (const s of servers) s.close();
}

await asyncio.run(main());
