/**
 * Streams when things go wrong: a peer that resets mid-read, a client that sends
 * nothing, a 100 MB line without a newline (memory stays bounded), 1 000 concurrent
 * connections (nothing leaks), writing to a closed writer.
 */
import { execFile } from "node:child_process";
import * as net from "node:net";
import { join } from "node:path";
import { promisify } from "node:util";
import * as asyncio from "asyncio-ts";
import { expect, test, vi } from "vitest";

const dec = (b: Uint8Array) => new TextDecoder().decode(b);
const root = join(import.meta.dirname, "..", "..");

function portOf(server: asyncio.Server): number {
  return (server.sockets[0]!.getsockname() as [string, number])[1];
}

test("a peer that resets the connection mid-read: the read throws ConnectionResetError, the data before it was delivered", async () => {
  const out = await asyncio.run(
    (function* () {
      const result = new asyncio.Future<string[]>();
      const server = yield* asyncio.startServer(function* (reader, writer) {
        const seen: string[] = [];
        seen.push(dec(yield* reader.readexactly(5)));
        try {
          yield* reader.readexactly(100);
        } catch (e) {
          seen.push(`${(e as Error).name}: ${(e as Error).message}`);
        }
        try {
          yield* writer.drain();
        } catch (e) {
          seen.push(`drain: ${(e as Error).name}`);
        }
        result.setResult(seen);
      }, "127.0.0.1", 0);
      const raw = net.connect(portOf(server), "127.0.0.1");
      raw.on("error", () => {});
      yield* asyncio.wrapPromise(new Promise((resolve) => raw.once("connect", resolve)));
      raw.write("hello partial");
      yield* asyncio.sleep(0.05);
      raw.resetAndDestroy();
      const seen = yield* asyncio.waitFor(result, 5);
      server.close();
      yield* server.waitClosed();
      return seen;
    })(),
  );
  expect(out[0]).toBe("hello");
  expect(out[1]).toMatch(/^ConnectionResetError: \[Errno 104\] Connection reset by peer$/);
  expect(out[2]).toBe("drain: ConnectionResetError");
});

test("a client that connects and sends nothing does not keep the server from serving others", async () => {
  const out = await asyncio.run(
    (function* () {
      const server = yield* asyncio.startServer(function* (reader, writer) {
        const line = yield* reader.readline();
        writer.write(line);
        writer.close();
      }, "127.0.0.1", 0);
      const port = portOf(server);
      const [, silentWriter] = yield* asyncio.openConnection("127.0.0.1", port);
      const replies: string[] = [];
      for (let i = 0; i < 5; i++) {
        const [reader, writer] = yield* asyncio.openConnection("127.0.0.1", port);
        writer.write(`client ${i}\n`);
        replies.push(dec(yield* asyncio.waitFor(reader.readline(), 2)).trim());
        writer.close();
      }
      silentWriter.close();
      yield* silentWriter.waitClosed();
      server.close();
      yield* asyncio.waitFor(server.waitClosed(), 2);
      return replies;
    })(),
  );
  expect(out).toEqual(["client 0", "client 1", "client 2", "client 3", "client 4"]);
});

test("a 100 MB line without a newline: LimitOverrunError, and the peak RSS of the process stays under 200 MB", async () => {
  const script = join(import.meta.dirname, "fixtures", "streams-long-line.ts");
  const tsx = join(root, "node_modules", "tsx", "dist", "cli.mjs");
  const { stdout } = await promisify(execFile)(process.execPath, [tsx, script], { cwd: root, timeout: 60_000 });
  const result = JSON.parse(stdout.trim().split("\n").at(-1)!);
  expect(result.firstError).toBe("LimitOverrunError: Separator is not found, and chunk exceed the limit");
  expect(result.total).toBe(100 * 1024 * 1024 + 4);
  expect(result.tail.endsWith("\n")).toBe(true);
  console.log(`100 MB line: peak RSS ${(result.maxRssBytes / 2 ** 20).toFixed(1)} MiB`);
  expect(result.maxRssBytes).toBeLessThan(200 * 2 ** 20);
});

test("1 000 concurrent connections: all served, and no socket, transport or task is left afterwards", async () => {
  const handlesBefore = (process as unknown as { _getActiveHandles(): unknown[] })._getActiveHandles().length;
  const out = await asyncio.run(
    (function* () {
      const server = yield* asyncio.startServer(
        function* (reader, writer) {
          const line = yield* reader.readline();
          writer.write(line);
          yield* writer.drain();
          writer.close();
          yield* writer.waitClosed();
        },
        "127.0.0.1",
        0,
        { backlog: 1024 },
      );
      const port = portOf(server);
      function* client(i: number) {
        const [reader, writer] = yield* asyncio.openConnection("127.0.0.1", port);
        writer.write(`${i}\n`);
        const reply = dec(yield* reader.readline());
        yield* reader.read();
        writer.close();
        yield* writer.waitClosed();
        return Number(reply) === i;
      }
      const clients = [];
      for (let i = 0; i < 1000; i++) clients.push(client(i));
      const ok = yield* asyncio.waitFor(asyncio.gather(...clients), 30);
      server.close();
      yield* asyncio.waitFor(server.waitClosed(), 5);
      yield* asyncio.sleep(0.05);
      return {
        ok: ok.filter(Boolean).length,
        clients: server._clients.size,
        tasks: asyncio.allTasks().size,
      };
    })(),
  );
  expect(out).toEqual({ ok: 1000, clients: 0, tasks: 1 });
  // Node closes handles asynchronously: give it a moment.
  for (let i = 0; i < 50; i++) {
    const now = (process as unknown as { _getActiveHandles(): unknown[] })._getActiveHandles().filter((h) => h instanceof net.Socket || h instanceof net.Server).length;
    if (now <= handlesBefore) break;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  const sockets = (process as unknown as { _getActiveHandles(): unknown[] })._getActiveHandles().filter((h) => h instanceof net.Socket || h instanceof net.Server);
  expect(sockets.length).toBeLessThanOrEqual(handlesBefore);
}, 60_000);

test("a write after close is dropped as CPython drops it, the next drain raises ConnectionResetError, and the fifth such write warns", async () => {
  const warnings: unknown[] = [];
  const warn = vi.spyOn(console, "warn").mockImplementation((...args: unknown[]) => void warnings.push(args.join(" ")));
  try {
    const out = await asyncio.run(
      (function* () {
        const server = yield* asyncio.startServer(function* (reader, serverWriter) {
          yield* reader.read();
          serverWriter.close();
        }, "127.0.0.1", 0);
        const [, writer] = yield* asyncio.openConnection("127.0.0.1", portOf(server));
        writer.close();
        const messages: string[] = [];
        for (let i = 1; i <= 4; i++) writer.write("late");
        messages.push(`warnings after 4 dropped writes: ${warnings.length}`);
        writer.write("late");
        messages.push(`warnings after 5: ${warnings.length}`);
        yield* writer.waitClosed();
        try {
          yield* writer.drain();
        } catch (e) {
          messages.push(`${(e as Error).name}: ${(e as Error).message}`);
        }
        server.close();
        yield* server.waitClosed();
        return messages;
      })(),
    );
    expect(out).toEqual(["warnings after 4 dropped writes: 0", "warnings after 5: 1", "ConnectionResetError: Connection lost"]);
    expect(warnings[0]).toMatch(/^socket\.send\(\) raised exception\. \(<SocketTransport closing peer=.*>: a write after the connection was closed or lost is dropped\)$/);
  } finally {
    warn.mockRestore();
  }
});

test("a program that forgets to close its server and connections ends: closing the loop releases their sockets", async () => {
  let leftovers: { server: asyncio.Server; writer: asyncio.StreamWriter; serverWriter: asyncio.StreamWriter | null } | null = null;
  await asyncio.run(
    (function* () {
      let serverWriter: asyncio.StreamWriter | null = null;
      const server = yield* asyncio.startServer((_r, w) => {
        serverWriter = w;
      }, "127.0.0.1", 0);
      const [, writer] = yield* asyncio.openConnection("127.0.0.1", portOf(server));
      writer.write("unfinished business");
      yield* asyncio.sleep(0.02);
      leftovers = { server, writer, serverWriter };
    })(),
  );
  const { server, writer, serverWriter } = leftovers!;
  const socket = writer.getExtraInfo("socket") as net.Socket;
  expect(socket.destroyed).toBe(true);
  expect((serverWriter!.getExtraInfo("socket") as net.Socket).destroyed).toBe(true);
  expect(server.isServing()).toBe(false);
  expect(server.sockets).toEqual([]);
});
