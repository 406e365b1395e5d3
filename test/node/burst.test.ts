/**
 * Connection bursts: many clients connect at once to a server with the default backlog
 * (100). Node accepts one connection per turn of its event loop, so the burst waits in
 * the kernel's listen queue; none may be refused or dropped because that queue is full.
 * What is counted: connections refused (a full Unix listen queue fails connect() with
 * EAGAIN) and SYNs dropped (Linux's ListenOverflows), not times.
 */
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import * as asyncio from "asyncio-ts";
import { expect, test } from "vitest";

const BURST = 500;
const GREETING = "ok\n";

/** Linux's longest listen queue (`net.core.somaxconn`); null where it cannot be read. */
function somaxconn(): number | null {
  try {
    return Number(readFileSync("/proc/sys/net/core/somaxconn", "utf8"));
  } catch {
    return null;
  }
}

/** Connections dropped by full listen queues so far in this network namespace (Linux's TcpExt ListenOverflows). */
function listenOverflows(): number {
  const [names, values] = readFileSync("/proc/net/netstat", "utf8")
    .split("\n")
    .filter((line) => line.startsWith("TcpExt:"))
    .map((line) => line.split(/\s+/));
  return Number(values![names!.indexOf("ListenOverflows")]);
}

// The OS shortens every listen queue to its longest: a burst longer than that overflows whatever the server asks.
const queueHoldsBurst = (somaxconn() ?? 0) > BURST;

function* greet(_reader: asyncio.StreamReader, writer: asyncio.StreamWriter) {
  writer.write(GREETING);
  writer.close();
  yield* writer.waitClosed();
}

/** Connects, reads the greeting to its end, closes: true when the whole greeting came. */
function* client(connect: () => asyncio.Coroutine<[asyncio.StreamReader, asyncio.StreamWriter]>) {
  const [reader, writer] = yield* connect();
  const data = new TextDecoder().decode(yield* reader.read());
  writer.close();
  yield* writer.waitClosed();
  return data === GREETING;
}

/**
 * Runs BURST clients at once (their connect() calls come back to back) and names how
 * each ended. The 10 s bound only ends the failing case sooner: a dropped SYN is sent
 * again after 1 s, 3 s, 7 s, 15 s.
 */
function* burst(connect: () => asyncio.Coroutine<[asyncio.StreamReader, asyncio.StreamWriter]>) {
  const clients = [];
  for (let i = 0; i < BURST; i++) clients.push(asyncio.waitFor(client(connect), 10));
  const outcomes = yield* asyncio.gather(...clients, { returnExceptions: true });
  const counts: Record<string, number> = {};
  for (const outcome of outcomes) {
    const name = outcome === true ? "greeted" : outcome instanceof Error ? outcome.name : String(outcome);
    counts[name] = (counts[name] ?? 0) + 1;
  }
  return counts;
}

test.skipIf(!queueHoldsBurst)(`a burst of ${BURST} connections to a Unix server with the default backlog: none is refused by a full listen queue`, async () => {
  const dir = mkdtempSync(join(tmpdir(), "asyncio-ts-burst-"));
  const path = join(dir, "server.sock");
  try {
    const counts = await asyncio.run(
      (function* () {
        const server = yield* asyncio.startUnixServer(greet, path);
        const counts = yield* burst(() => asyncio.openUnixConnection(path));
        server.close();
        yield* server.waitClosed();
        return counts;
      })(),
    );
    // With a queue of 100, the connect() calls past the 101st failed at once with EAGAIN.
    expect(counts).toEqual({ greeted: BURST });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}, 60_000);

test.skipIf(!queueHoldsBurst)(`a burst of ${BURST} TCP connections to a server with the default backlog: all accepted, no SYN dropped by a full listen queue`, async () => {
  const before = listenOverflows();
  const counts = await asyncio.run(
    (function* () {
      const server = yield* asyncio.startServer(greet, "127.0.0.1", 0);
      const port = (server.sockets[0]!.getsockname() as [string, number])[1];
      const counts = yield* burst(() => asyncio.openConnection("127.0.0.1", port));
      server.close();
      yield* server.waitClosed();
      return counts;
    })(),
  );
  expect(counts).toEqual({ greeted: BURST });
  // With a queue of 100, 399 SYNs were dropped at once, and the clients sent them again after 1 s, 3 s, …
  expect(listenOverflows() - before).toBe(0);
}, 60_000);
