// The seed's motivating case: three servers, one slow. A browser has no sockets, so each
// "server" here is a timer (asyncio.sleep for its answer time); examples/three-servers.ts
// is the same program over real local HTTP servers. (A fake network is being built in
// asyncio-ts/testing; this example will move to it.)
import * as asyncio from "asyncio-ts";

const SERVERS: [name: string, delay: number][] = [
  ["fast", 0.3],
  ["medium", 0.6],
  ["slow", 2.0],
];

/** A request to a server that answers after `delay` seconds. */
function* fetch(name: string, delay: number) {
  yield* asyncio.sleep(delay);
  return `hello from ${name}`;
}

function* main() {
  const loop = asyncio.getRunningLoop();
  let t0 = loop.time();
  const stamp = () => `${(loop.time() - t0).toFixed(2)} s`;

  console.log("one after the other:");
  for (const [name, delay] of SERVERS) {
    const reply = yield* fetch(name, delay);
    console.log(`  ${stamp()}  ${reply}`);
  }
  const sequential = loop.time() - t0;

  console.log("concurrently (gather):");
  t0 = loop.time();
  yield* asyncio.gather(
    ...SERVERS.map(([name, delay]) =>
      asyncio.createTask(
        (function* () {
          const reply = yield* fetch(name, delay);
          console.log(`  ${stamp()}  ${reply}`);
        })(),
        { name },
      ),
    ),
  );
  const concurrent = loop.time() - t0;

  console.log("concurrently, giving up after 1 s (waitFor):");
  t0 = loop.time();
  const outcomes = yield* asyncio.gather(
    ...SERVERS.map(([name, delay]) => asyncio.createTask(asyncio.waitFor(fetch(name, delay), 1.0), { name: `${name}-1s` })),
    { returnExceptions: true },
  );
  outcomes.forEach((outcome, i) => {
    const text = outcome instanceof asyncio.TimeoutError ? "gave up (TimeoutError)" : outcome;
    console.log(`  ${SERVERS[i]![0]}: ${text}`);
  });
  console.log(`concurrency saved ${(sequential - concurrent).toFixed(2)} s`);
}

await asyncio.run(main());
