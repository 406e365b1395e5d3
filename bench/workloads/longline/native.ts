// longline, native Node: the same two lines, searched as plain Node would: chunks kept in
// a list, only each new chunk searched for the newline, the line joined once with
// Buffer.concat. In memory, a producer hands chunks to an awaiting reader through a
// promise and yields (`await null`) after each; over loopback, raw `net` sockets.
import * as net from "node:net";
import { report, size } from "../../harness";

const CHUNK = 4096;
const chunks = size(25_600); // 100 MiB at full size
const n = chunks * CHUNK; // bytes before the newline
const NL = 10;

function check(line: Buffer): number {
  if (line.length !== n + 1 || line[0] !== 120 || line[n - 1] !== 120 || line[n] !== 10) throw new Error(`bad line of ${line.length} bytes`);
  return line.length;
}

/** Collects chunks until one holds a newline; `push` returns the line then, else null. */
class LineCollector {
  private parts: Buffer[] = [];
  private size = 0;

  push(chunk: Buffer): Buffer | null {
    const at = chunk.indexOf(NL);
    if (at === -1) {
      this.parts.push(chunk);
      this.size += chunk.length;
      return null;
    }
    this.parts.push(chunk.subarray(0, at + 1));
    return Buffer.concat(this.parts, this.size + at + 1);
  }
}

async function inMemory(): Promise<number> {
  const collector = new LineCollector();
  let wake: ((chunk: Buffer) => void) | null = null;
  const pending: Buffer[] = [];
  const give = (chunk: Buffer): void => {
    if (wake !== null) {
      const w = wake;
      wake = null;
      w(chunk);
    } else pending.push(chunk);
  };
  const feeder = (async () => {
    const chunk = Buffer.alloc(CHUNK, 120);
    for (let i = 0; i < chunks; i++) {
      give(chunk);
      await null;
    }
    give(Buffer.from("\n"));
  })();
  let line: Buffer | null = null;
  while (line === null) {
    const chunk = pending.length > 0 ? pending.shift()! : await new Promise<Buffer>((resolve) => (wake = resolve));
    line = collector.push(chunk);
  }
  await feeder;
  return check(line);
}

async function overLoopback(): Promise<number> {
  const payload = Buffer.alloc(n + 1, 120);
  payload[n] = NL;
  const server = net.createServer({ noDelay: true }, (sock) => {
    sock.end(payload);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.address() as net.AddressInfo).port;
  const line = await new Promise<Buffer>((resolve, reject) => {
    const collector = new LineCollector();
    const sock = net.connect({ host: "127.0.0.1", port, noDelay: true });
    sock.on("error", reject);
    sock.on("data", (chunk: Buffer) => {
      const got = collector.push(chunk);
      if (got !== null) {
        sock.end();
        resolve(got);
      }
    });
  });
  await new Promise((resolve) => server.close(resolve));
  return check(line);
}

const start = performance.now();
const total = (await inMemory()) + (await overLoopback());
report(performance.now() - start, total, 2 * (n + 1));
