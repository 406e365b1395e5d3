// echo, native Node: the same line protocol on raw `net` sockets with async/await:
// the server splits incoming data into lines and echoes each one; a client sends a
// line and awaits its reply before the next.
import * as net from "node:net";
import { report, size } from "../../harness";

const CLIENTS = 50;
const n = size(20_000);
const NL = 10;

/** Calls onLine for every complete line in the data, keeping the unfinished rest. */
function lineSplitter(onLine: (line: Buffer) => void): (chunk: Buffer) => void {
  let rest: Buffer | null = null;
  return (chunk) => {
    let data = rest === null ? chunk : Buffer.concat([rest, chunk]);
    let at: number;
    while ((at = data.indexOf(NL)) !== -1) {
      onLine(data.subarray(0, at + 1));
      data = data.subarray(at + 1);
    }
    rest = data.length > 0 ? data : null;
  };
}

function client(port: number, id: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const line = Buffer.from(`${String(id).padStart(4, "0")}${"x".repeat(59)}\n`);
    const sock = net.connect({ host: "127.0.0.1", port, noDelay: true });
    let done = 0;
    let bytes = 0;
    sock.on("error", reject);
    sock.on("connect", () => sock.write(line));
    sock.on(
      "data",
      lineSplitter((reply) => {
        if (reply.length !== line.length || reply[3] !== line[3]) reject(new Error(`client ${id}: bad reply`));
        bytes += reply.length;
        if (++done === n) {
          sock.end();
          sock.on("close", () => resolve(bytes));
        } else {
          sock.write(line);
        }
      }),
    );
  });
}

async function main(): Promise<number> {
  const server = net.createServer({ noDelay: true }, (sock) => {
    sock.on("data", lineSplitter((line) => sock.write(line)));
    sock.on("end", () => sock.end());
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.address() as net.AddressInfo).port;
  const clients: Promise<number>[] = [];
  for (let id = 0; id < CLIENTS; id++) clients.push(client(port, id));
  const totals = await Promise.all(clients);
  await new Promise((resolve) => server.close(resolve));
  return totals.reduce((a, b) => a + b, 0);
}

const start = performance.now();
const total = await main();
report(performance.now() - start, total, CLIENTS * n * 64);
