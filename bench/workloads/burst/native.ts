// burst, native Node: the same batches on raw `net` sockets with async/await: a client
// connects and closes; the server reads each connection to its end and closes it. It
// listens with the long queue asyncio-ts asks for (see LISTEN_QUEUE in src/node/servers.ts):
// libuv accepts one connection per turn of Node's loop, so with a queue of 100 raw `net`
// drops SYNs here as asyncio-ts did (over 100 s), and with Node's default 511 still 6 s.
import * as net from "node:net";
import { report, size } from "../../harness";

const n = size(2_000);
const BATCHES = [100, 500];

let served = 0;
let expected = 0;
let allServed: () => void = () => {};

function client(port: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const sock = net.connect({ host: "127.0.0.1", port, noDelay: true });
    sock.on("error", reject);
    sock.on("connect", () => sock.destroy());
    sock.on("close", () => resolve());
  });
}

async function phase(port: number, batch: number): Promise<void> {
  expected += n;
  const done = new Promise<void>((resolve) => {
    allServed = resolve;
  });
  for (let started = 0; started < n; started += batch) {
    const clients: Promise<void>[] = [];
    for (let i = 0; i < Math.min(batch, n - started); i++) clients.push(client(port));
    await Promise.all(clients);
  }
  await done;
}

async function main(): Promise<number[]> {
  const server = net.createServer({ allowHalfOpen: true, noDelay: true }, (sock) => {
    sock.on("error", () => {});
    sock.resume();
    sock.on("end", () => sock.end());
    sock.on("close", () => {
      if (++served === expected) allServed();
    });
  });
  await new Promise<void>((resolve) => server.listen({ host: "127.0.0.1", port: 0, backlog: 65535 }, resolve));
  const port = (server.address() as net.AddressInfo).port;
  const times: number[] = [];
  for (const batch of BATCHES) {
    const start = performance.now();
    await phase(port, batch);
    times.push(performance.now() - start);
  }
  await new Promise((resolve) => server.close(resolve));
  return times;
}

const times = await main();
console.error(BATCHES.map((batch, i) => `batches of ${batch}: ${times[i]!.toFixed(0)} ms`).join(", "));
report(times[0]! + times[1]!, served, BATCHES.length * n);
