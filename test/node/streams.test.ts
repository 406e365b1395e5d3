/**
 * StreamReader on its own (fed by hand: readline, readexactly, readuntil, limits,
 * flow control, cancellation), and streams over loopback sockets (echo, Unix sockets,
 * drain back-pressure, cancellation of I/O, servers).
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { Socket } from "node:net";
import { join } from "node:path";
import * as asyncio from "asyncio-ts";
import { afterAll, describe, expect, test } from "vitest";

const enc = (s: string) => new TextEncoder().encode(s);
const dec = (b: Uint8Array) => new TextDecoder().decode(b);

function portOf(server: asyncio.Server): number {
  return (server.sockets[0]!.getsockname() as [string, number])[1];
}

/** A transport stand-in that records pauseReading / resumeReading. */
function fakeTransport() {
  const calls: string[] = [];
  return {
    calls,
    pauseReading: () => void calls.push("pause"),
    resumeReading: () => void calls.push("resume"),
  };
}

describe("StreamReader fed by hand", () => {
  test("readline, read(n), readexactly, read(-1) and atEof", () => {
    const out = asyncio.runSync(
      (function* () {
        const reader = new asyncio.StreamReader();
        reader.feedData("line one\nline two\nrest");
        const a = dec(yield* reader.readline());
        const b = dec(yield* reader.read(4));
        const c = dec(yield* reader.readexactly(5));
        reader.feedEof();
        const d = dec(yield* reader.read());
        const e = yield* reader.readline();
        return [a, b, c, d, e.length, reader.atEof()];
      })(),
    );
    expect(out).toEqual(["line one\n", "line", " two\n", "rest", 0, true]);
  });

  test("results are plain Uint8Arrays that do not alias the buffer", () => {
    const reader = new asyncio.StreamReader();
    reader.feedData(Buffer.from("ab\ncd\n"));
    const first = asyncio.runSync(reader.readline());
    expect(Object.getPrototypeOf(first)).toBe(Uint8Array.prototype);
    reader.feedData("ef\n");
    expect(dec(first)).toBe("ab\n");
  });

  test("readexactly at end of file throws IncompleteReadError with partial and expected, and empties the buffer", () => {
    const reader = new asyncio.StreamReader();
    reader.feedData("abc");
    reader.feedEof();
    const error = asyncio.runSync(
      (function* () {
        try {
          yield* reader.readexactly(5);
        } catch (e) {
          return e;
        }
      })(),
    ) as asyncio.IncompleteReadError;
    expect(error).toBeInstanceOf(asyncio.IncompleteReadError);
    expect(dec(error.partial)).toBe("abc");
    expect(error.expected).toBe(5);
    expect(error.message).toBe("3 bytes read on a total of 5 expected bytes");
    expect(reader.atEof()).toBe(true);
  });

  test("readuntil with a multi-byte separator split across chunks", () => {
    const out = asyncio.runSync(
      (function* () {
        const reader = new asyncio.StreamReader();
        const task = asyncio.createTask(reader.readuntil("\r\n\r\n"));
        yield;
        for (const piece of ["GET / HTTP/1.0\r", "\n\r", "\n", "body"]) {
          reader.feedData(piece);
          yield;
        }
        const head = dec(yield* task);
        return [head, reader.buffered];
      })(),
    );
    expect(out).toEqual(["GET / HTTP/1.0\r\n\r\n", 4]);
  });

  test("readuntil with an array of separators takes the earliest match (Python 3.13's tuple)", () => {
    const reader = new asyncio.StreamReader();
    reader.feedData("a;b|c;");
    const first = asyncio.runSync(reader.readuntil(["|", ";"]));
    const second = asyncio.runSync(reader.readuntil([enc("|"), enc(";")]));
    expect([dec(first), dec(second)]).toEqual(["a;", "b|"]);
    expect(() => asyncio.runSync(reader.readuntil([]))).toThrow(RangeError);
    expect(() => asyncio.runSync(reader.readuntil(""))).toThrow("Separator should be at least one-byte string");
  });

  test("LimitOverrunError leaves the data in the buffer; readline drops the long line and throws RangeError", () => {
    const out = asyncio.runSync(
      (function* () {
        const reader = new asyncio.StreamReader(8);
        reader.feedData("0123456789abcdef\nshort\n");
        let consumed = -1;
        try {
          yield* reader.readuntil("\n");
        } catch (e) {
          if (!(e instanceof asyncio.LimitOverrunError)) throw e;
          consumed = e.consumed;
        }
        const left = reader.buffered;
        let message = "";
        try {
          yield* reader.readline();
        } catch (e) {
          if (!(e instanceof RangeError)) throw e;
          message = e.message;
        }
        return [consumed, left, message, dec(yield* reader.readline())];
      })(),
    );
    expect(out).toEqual([16, 23, "Separator is found, but chunk is longer than limit", "short\n"]);
  });

  test("pauses the transport above 2 x limit and resumes at or below the limit", () => {
    const reader = new asyncio.StreamReader(10);
    const transport = fakeTransport();
    reader.setTransport(transport);
    reader.feedData("x".repeat(20));
    expect(transport.calls).toEqual([]);
    reader.feedData("y");
    expect(transport.calls).toEqual(["pause"]);
    asyncio.runSync(reader.read(5));
    expect(transport.calls).toEqual(["pause"]);
    asyncio.runSync(reader.read(6));
    expect(transport.calls).toEqual(["pause", "resume"]);
    expect(() => reader.setTransport(transport)).toThrow("Transport already set");
  });

  test("a second concurrent reader gets a RuntimeError", () => {
    const message = asyncio.runSync(
      (function* () {
        const reader = new asyncio.StreamReader();
        const first = asyncio.createTask(reader.readline());
        yield;
        try {
          yield* reader.read(1);
        } catch (e) {
          return [(e as Error).message, first.cancel()];
        }
      })(),
    );
    expect(message).toEqual(["read() called while another coroutine is already waiting for incoming data", true]);
  });

  test("cancelling a blocked readline, readexactly or readuntil loses no data", () => {
    const out = asyncio.runSync(
      (function* () {
        const reader = new asyncio.StreamReader();
        const results: string[] = [];
        for (const read of [() => reader.readline(), () => reader.readexactly(10), () => reader.readuntil("END")]) {
          const task = asyncio.createTask(read());
          yield;
          reader.feedData("part");
          yield;
          task.cancel();
          try {
            yield* task;
          } catch (e) {
            results.push((e as Error).name);
          }
          results.push(`${reader.buffered}`);
          results.push(dec(yield* reader.readexactly(4)));
        }
        return results;
      })(),
    );
    expect(out).toEqual(["CancelledError", "4", "part", "CancelledError", "4", "part", "CancelledError", "4", "part"]);
  });

  test("setException wakes the waiting reader and fails later reads", () => {
    const out = asyncio.runSync(
      (function* () {
        const reader = new asyncio.StreamReader();
        const task = asyncio.createTask(reader.read(10));
        yield;
        reader.setException(new asyncio.ConnectionResetError("boom"));
        const names: string[] = [];
        for (const aw of [task, reader.readline()]) {
          try {
            yield* aw;
          } catch (e) {
            names.push(`${(e as Error).name}: ${(e as Error).message}`);
          }
        }
        return names;
      })(),
    );
    expect(out).toEqual(["ConnectionResetError: boom", "ConnectionResetError: boom"]);
  });

  test("nextLine and lines() iterate line by line and stop at end of file", () => {
    const out = asyncio.runSync(
      (function* () {
        const reader = new asyncio.StreamReader();
        reader.feedData("a\nb\nc");
        reader.feedEof();
        const seen: string[] = [];
        for (const next of reader.lines()) {
          const line = yield* next;
          if (line === undefined) break;
          seen.push(dec(line));
        }
        return [seen, yield* reader.nextLine()];
      })(),
    );
    expect(out).toEqual([["a\n", "b\n", "c"], undefined]);
  });

  test("bad input gets clear errors", () => {
    expect(() => new asyncio.StreamReader(0)).toThrow("Limit cannot be <= 0");
    const reader = new asyncio.StreamReader();
    expect(() => asyncio.runSync(reader.readexactly(-1))).toThrow(RangeError);
    reader.feedEof();
    expect(() => reader.feedData("x")).toThrow("feedData() after feedEof()");
    expect(() => asyncio.runSync(reader.readuntil(42 as never))).toThrow(TypeError);
  });
});

describe("streams over loopback", () => {
  const dirs: string[] = [];
  afterAll(() => {
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  });

  test("echo server and client with readline, writelines, peer info and EOF", async () => {
    const out = await asyncio.run(
      (function* () {
        const server = yield* asyncio.startServer(function* (reader, writer) {
          let line: Uint8Array | undefined;
          while ((line = yield* reader.nextLine()) !== undefined) {
            writer.write(line);
            yield* writer.drain();
          }
          writer.close();
          yield* writer.waitClosed();
        }, "127.0.0.1", 0);
        const port = portOf(server);
        const [reader, writer] = yield* asyncio.openConnection("127.0.0.1", port);
        const peer = writer.getExtraInfo("peername") as [string, number];
        writer.writelines(["one\n", enc("two\n")]);
        const lines = [dec(yield* reader.readline()), dec(yield* reader.readline())];
        expect(writer.canWriteEof()).toBe(true);
        writer.writeEof();
        const rest = yield* reader.read();
        writer.close();
        yield* writer.waitClosed();
        server.close();
        yield* server.waitClosed();
        return [lines, rest.length, reader.atEof(), peer[0], peer[1] === port, writer.isClosing(), server.sockets.length];
      })(),
    );
    expect(out).toEqual([["one\n", "two\n"], 0, true, "127.0.0.1", true, true, 0]);
  });

  test("a plain function works as clientConnected", async () => {
    const got = await asyncio.run(
      (function* () {
        const server = yield* asyncio.startServer((_reader, writer) => {
          writer.write("hi\n");
          writer.close();
        }, "127.0.0.1", 0);
        const [reader, writer] = yield* asyncio.openConnection("127.0.0.1", portOf(server));
        const data = yield* reader.read();
        writer.close();
        server.close();
        yield* server.waitClosed();
        return dec(data);
      })(),
    );
    expect(got).toBe("hi\n");
  });

  test("Unix sockets: openUnixConnection and startUnixServer, the socket file is removed at close", async () => {
    const dir = mkdtempSync(join(tmpdir(), "asyncio-ts-"));
    dirs.push(dir);
    const path = join(dir, "echo.sock");
    const out = await asyncio.run(
      (function* () {
        const server = yield* asyncio.startUnixServer(function* (reader, writer) {
          writer.write(yield* reader.readexactly(3));
          yield* writer.drain();
          writer.close();
        }, path);
        const [reader, writer] = yield* asyncio.openUnixConnection(path);
        writer.write("abc");
        const got = dec(yield* reader.read());
        const info = [server.sockets[0]!.getsockname(), writer.getExtraInfo("peername")];
        writer.close();
        yield* writer.waitClosed();
        server.close();
        yield* server.waitClosed();
        const { existsSync } = yield* asyncio.wrapPromise(import("node:fs"));
        return [got, info, existsSync(path)];
      })(),
    );
    expect(out).toEqual(["abc", [path, path], false]);
  });

  test("over a socket, a reader that nobody reads pauses its transport at 2 x limit and resumes it when read", async () => {
    const out = await asyncio.run(
      (function* () {
        const side: { reader: asyncio.StreamReader | null; writer: asyncio.StreamWriter | null } = { reader: null, writer: null };
        const server = yield* asyncio.startServer(
          (reader, writer) => {
            side.reader = reader;
            side.writer = writer;
          },
          "127.0.0.1",
          0,
          { limit: 1024 },
        );
        const [, writer] = yield* asyncio.openConnection("127.0.0.1", portOf(server));
        const size = 1024 * 1024;
        writer.write(new Uint8Array(size));
        while (side.reader === null || side.reader.buffered <= 2048) yield* asyncio.sleep(0.005);
        const serverReader = side.reader;
        const transport = side.writer!.transport as asyncio.SocketTransport;
        yield* asyncio.sleep(0.02);
        // Bounded by 2 x limit plus one delivery (at most 256 KiB and a socket read of
        // 64 KiB, as asyncio's largest recv), not the whole megabyte.
        const paused = [transport.isReading(), serverReader.buffered <= 2048 + 320 * 1024];
        let total = 0;
        while (total < size) total += (yield* serverReader.read(4096)).length;
        const resumed = transport.isReading();
        writer.close();
        side.writer!.close();
        server.close();
        yield* server.waitClosed();
        return [...paused, resumed, total];
      })(),
    );
    expect(out).toEqual([false, true, true, 1024 * 1024]);
  });

  test("drain() waits while the peer does not read, and returns once it does", async () => {
    const out = await asyncio.run(
      (function* () {
        const release = new asyncio.Event();
        let received = 0;
        const server = yield* asyncio.startServer(function* (reader, writer) {
          yield* release.wait();
          for (;;) {
            const chunk = yield* reader.read(1 << 20);
            if (chunk.length === 0) break;
            received += chunk.length;
          }
          writer.close();
        }, "127.0.0.1", 0);
        const [, writer] = yield* asyncio.openConnection("127.0.0.1", portOf(server));
        const chunk = new Uint8Array(1 << 20);
        let written = 0;
        // Write until drain() really blocks (the kernel buffers fill up first).
        let blocked = false;
        for (let i = 0; i < 256 && !blocked; i++) {
          writer.write(chunk);
          written += chunk.length;
          const drain = asyncio.createTask(writer.drain());
          yield* asyncio.sleep(0.02);
          blocked = !drain.done();
          if (blocked) {
            release.set();
            yield* drain;
          }
        }
        const size = (writer.transport as asyncio.SocketTransport).getWriteBufferSize();
        writer.writeEof();
        while (received < written) yield* asyncio.sleep(0.01);
        writer.close();
        server.close();
        yield* server.waitClosed();
        return [blocked, received === written, size >= 0];
      })(),
    );
    expect(out).toEqual([true, true, true]);
  });

  test("cancelling a blocked drain() returns at once and the writer stays usable", async () => {
    const out = await asyncio.run(
      (function* () {
        const release = new asyncio.Event();
        let total = 0;
        const server = yield* asyncio.startServer(function* (reader, writer) {
          yield* release.wait();
          total = (yield* reader.read()).length;
          writer.close();
        }, "127.0.0.1", 0);
        const [, writer] = yield* asyncio.openConnection("127.0.0.1", portOf(server));
        const chunk = new Uint8Array(1 << 20);
        let written = 0;
        let drain: asyncio.Task<void> | null = null;
        for (let i = 0; i < 256; i++) {
          writer.write(chunk);
          written += chunk.length;
          drain = asyncio.createTask(writer.drain());
          yield* asyncio.sleep(0.02);
          if (!drain.done()) break;
        }
        drain!.cancel();
        const t0 = asyncio.getRunningLoop().time();
        let cancelled = false;
        try {
          yield* drain!;
        } catch (e) {
          cancelled = e instanceof asyncio.CancelledError;
        }
        const quick = asyncio.getRunningLoop().time() - t0 < 0.05;
        writer.write("tail");
        written += 4;
        release.set();
        yield* writer.drain();
        writer.writeEof();
        while (total === 0) yield* asyncio.sleep(0.01);
        server.close();
        yield* server.waitClosed();
        return [cancelled, quick, total === written];
      })(),
    );
    expect(out).toEqual([true, true, true]);
  });

  test("cancelling a read on a socket loses no data: the next read gets it", async () => {
    const out = await asyncio.run(
      (function* () {
        const server = yield* asyncio.startServer(function* (reader, writer) {
          yield* reader.readline();
          writer.write("first part");
          yield* writer.drain();
          yield* reader.readline();
          writer.write(" and the end\n");
          writer.close();
        }, "127.0.0.1", 0);
        const [reader, writer] = yield* asyncio.openConnection("127.0.0.1", portOf(server));
        writer.write("go\n");
        const pending = asyncio.createTask(reader.readline());
        while (reader.buffered === 0) yield* asyncio.sleep(0.005);
        pending.cancel();
        yield* asyncio.wait([pending]);
        writer.write("more\n");
        const line = dec(yield* asyncio.waitFor(reader.readline(), 2));
        writer.close();
        server.close();
        yield* server.waitClosed();
        return [pending.cancelled(), line];
      })(),
    );
    expect(out).toEqual([true, "first part and the end\n"]);
  });

  test("waitFor on a read gives up with TimeoutError and the reader stays usable", async () => {
    const out = await asyncio.run(
      (function* () {
        const server = yield* asyncio.startServer(function* (reader, writer) {
          yield* asyncio.sleep(0.15);
          writer.write("late\n");
          yield* reader.read();
          writer.close();
        }, "127.0.0.1", 0);
        const [reader, writer] = yield* asyncio.openConnection("127.0.0.1", portOf(server));
        let timedOut = false;
        try {
          yield* asyncio.waitFor(reader.readline(), 0.05);
        } catch (e) {
          timedOut = e instanceof asyncio.TimeoutError;
        }
        const line = dec(yield* reader.readline());
        writer.close();
        server.close();
        yield* server.waitClosed();
        return [timedOut, line];
      })(),
    );
    expect(out).toEqual([true, "late\n"]);
  });

  test("Server: async context manager, serveForever cancelled closes it, startServing false defers accepting", async () => {
    const out = await asyncio.run(
      (function* () {
        const log: string[] = [];
        const server = yield* asyncio.startServer(
          function* (_r, writer) {
            log.push("client");
            writer.close();
          },
          "127.0.0.1",
          0,
          { startServing: false },
        );
        log.push(`serving ${server.isServing()}`);
        const [reader, writer] = yield* asyncio.openConnection("127.0.0.1", portOf(server));
        yield* asyncio.sleep(0.05);
        log.push(`before serving: ${log.includes("client")}`);
        const forever = asyncio.createTask(server.serveForever());
        yield* reader.read();
        log.push(`serving ${server.isServing()}`);
        forever.cancel();
        try {
          yield* forever;
        } catch (e) {
          log.push((e as Error).name);
        }
        log.push(`after cancel: serving ${server.isServing()}, sockets ${server.sockets.length}`);
        writer.close();
        const second = yield* asyncio.startServer(() => {}, "127.0.0.1", 0);
        const same = yield* asyncio.asyncWith(second, function* (s) {
          return s === second && s.isServing();
        });
        log.push(`context manager ${same} ${second.isServing()}`);
        return log;
      })(),
    );
    expect(out).toEqual([
      "serving false",
      "before serving: false",
      "client",
      "serving true",
      "CancelledError",
      "after cancel: serving false, sockets 0",
      "context manager true false",
    ]);
  });

  test("waitClosed waits for the connections; closeClients and abortClients close them", async () => {
    const out = await asyncio.run(
      (function* () {
        const server = yield* asyncio.startServer(function* (reader) {
          yield* reader.read();
        }, "127.0.0.1", 0);
        const a = yield* asyncio.openConnection("127.0.0.1", portOf(server));
        const b = yield* asyncio.openConnection("127.0.0.1", portOf(server));
        yield* asyncio.sleep(0.02);
        server.close();
        const waiting = asyncio.createTask(server.waitClosed());
        yield* asyncio.sleep(0.02);
        const doneBefore = waiting.done();
        server.closeClients();
        const readA = yield* a[0].read();
        server.abortClients();
        yield* asyncio.waitFor(waiting, 2);
        a[1].close();
        b[1].close();
        return [doneBefore, readA.length, waiting.done()];
      })(),
    );
    expect(out).toEqual([false, 0, true]);
  });

  test("a clientConnected coroutine that fails goes to the exception handler and closes the connection", async () => {
    const out = await asyncio.run(
      (function* () {
        const loop = asyncio.getRunningLoop();
        const seen: string[] = [];
        loop.setExceptionHandler((_loop, context) => seen.push(`${context.message}: ${(context.exception as Error).message}`));
        const server = yield* asyncio.startServer(function* () {
          throw new RangeError("bad client");
        }, "127.0.0.1", 0);
        const [reader, writer] = yield* asyncio.openConnection("127.0.0.1", portOf(server));
        const data = yield* reader.read();
        writer.close();
        server.close();
        yield* server.waitClosed();
        return [data.length, seen];
      })(),
    );
    expect(out).toEqual([0, ["Unhandled exception in client_connected_cb: bad client"]]);
  });

  test("cancelling openConnection while it connects leaves no socket behind", async () => {
    const sockets = () => (process as unknown as { _getActiveHandles(): unknown[] })._getActiveHandles().filter((h) => h instanceof Socket).length;
    const before = sockets();
    const out = await asyncio.run(
      (function* () {
        const server = yield* asyncio.startServer(() => {}, "127.0.0.1", 0);
        const results: string[] = [];
        for (let i = 0; i < 5; i++) {
          try {
            yield* asyncio.waitFor(asyncio.openConnection("127.0.0.1", portOf(server)), 0);
            results.push("connected");
          } catch (e) {
            results.push((e as Error).name);
          }
        }
        server.close();
        yield* server.waitClosed();
        return results;
      })(),
    );
    expect(out).toEqual(["TimeoutError", "TimeoutError", "TimeoutError", "TimeoutError", "TimeoutError"]);
    for (let i = 0; i < 50 && sockets() > before; i++) await new Promise((r) => setTimeout(r, 10));
    expect(sockets()).toBeLessThanOrEqual(before);
  });

  test("runSync cannot wait for a connection: a clear error says to use asyncio.run", () => {
    expect(() => asyncio.runSync(asyncio.openConnection("127.0.0.1", 9))).toThrow(/runSync cannot wait for host I\/O.*use asyncio.run/);
  });

  test("connecting to a closed port raises ConnectionRefusedError", async () => {
    const error = await asyncio.run(
      (function* () {
        const server = yield* asyncio.startServer(() => {}, "127.0.0.1", 0);
        const port = portOf(server);
        server.close();
        yield* server.waitClosed();
        try {
          yield* asyncio.openConnection("127.0.0.1", port);
        } catch (e) {
          return e;
        }
      })(),
    );
    expect(error).toBeInstanceOf(asyncio.ConnectionRefusedError);
    expect(error).toBeInstanceOf(asyncio.OSError);
    expect((error as asyncio.OSError).message).toMatch(/^\[Errno \d+\] Connection refused/);
  });

  test("listening on a port in use raises OSError naming the address", async () => {
    const error = await asyncio.run(
      (function* () {
        const server = yield* asyncio.startServer(() => {}, "127.0.0.1", 0);
        try {
          yield* asyncio.startServer(() => {}, "127.0.0.1", portOf(server));
        } catch (e) {
          return e;
        } finally {
          server.close();
        }
      })(),
    );
    expect(error).toBeInstanceOf(asyncio.OSError);
    expect((error as Error).message).toMatch(/Address already in use: error while attempting to bind on address \('127.0.0.1', \d+\)/);
  });
});
