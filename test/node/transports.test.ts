/**
 * The low-level API over loopback: protocol callbacks and their order, BufferedProtocol,
 * write flow control (pauseWriting / resumeWriting), pauseReading, errors of misuse,
 * UDP endpoints, and TLS on both sides with the certificates of test/fixtures/tls.
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import * as net from "node:net";
import { join } from "node:path";
import * as tls from "node:tls";
import * as asyncio from "asyncio-ts";
import { describe, expect, test } from "vitest";

const dec = (b: Uint8Array) => new TextDecoder().decode(b);
const fixtures = join(import.meta.dirname, "..", "fixtures", "tls");
const ca = readFileSync(join(fixtures, "ca.pem"));
const cert = readFileSync(join(fixtures, "server.pem"));
const key = readFileSync(join(fixtures, "server.key"));

function portOf(server: asyncio.Server): number {
  return (server.sockets[0]!.getsockname() as [string, number])[1];
}

/** A protocol that logs its callbacks, and finishes `done` at connectionLost. */
class LogProtocol extends asyncio.Protocol {
  log: string[] = [];
  transport: asyncio.Transport | null = null;
  done = new asyncio.Future<undefined>();
  constructor(
    readonly name: string,
    readonly keepOpen = false,
  ) {
    super();
  }
  override connectionMade(transport: asyncio.BaseTransport): void {
    this.transport = transport as asyncio.Transport;
    this.log.push(`${this.name} made`);
  }
  override dataReceived(data: Uint8Array): void {
    this.log.push(`${this.name} data ${dec(data)}`);
  }
  override eofReceived(): boolean {
    this.log.push(`${this.name} eof`);
    return this.keepOpen;
  }
  override connectionLost(exc: Error | undefined): void {
    this.log.push(`${this.name} lost ${exc === undefined ? "clean" : exc.name}`);
    this.done.setResult(undefined);
  }
  override pauseWriting(): void {
    this.log.push(`${this.name} pause`);
  }
  override resumeWriting(): void {
    this.log.push(`${this.name} resume`);
  }
}

describe("protocols and socket transports", () => {
  test("callback order: made, data, eof, lost on both sides; eofReceived true keeps the transport half-open", async () => {
    const out = await asyncio.run(
      (function* () {
        const loop = asyncio.getRunningLoop();
        const serverSide: LogProtocol[] = [];
        const server = yield* loop.createServer(
          () => {
            const p = new (class extends LogProtocol {
              override eofReceived(): boolean {
                super.eofReceived();
                this.transport!.write("bye");
                this.transport!.close();
                return true;
              }
            })("server");
            serverSide.push(p);
            return p;
          },
          "127.0.0.1",
          0,
        );
        const [transport, client] = yield* loop.createConnection(() => new LogProtocol("client"), "127.0.0.1", portOf(server));
        client.log.push("client connected");
        transport.write("hello");
        yield* asyncio.sleep(0.05);
        transport.writeEof();
        yield* client.done;
        yield* serverSide[0]!.done;
        server.close();
        yield* server.waitClosed();
        return [client.log, serverSide[0]!.log];
      })(),
    );
    expect(out).toEqual([
      ["client made", "client connected", "client data bye", "client eof", "client lost clean"],
      ["server made", "server data hello", "server eof", "server lost clean"],
    ]);
  });

  test("BufferedProtocol receives into its own small buffer", async () => {
    const got = await asyncio.run(
      (function* () {
        const loop = asyncio.getRunningLoop();
        const server = yield* loop.createServer(
          () =>
            new (class extends asyncio.Protocol {
              override connectionMade(t: asyncio.BaseTransport): void {
                (t as asyncio.Transport).write("0123456789".repeat(10));
                t.close();
              }
            })(),
          "127.0.0.1",
          0,
        );
        const chunks: string[] = [];
        const done = loop.createFuture<undefined>();
        class Buffered extends asyncio.BufferedProtocol {
          buf = new Uint8Array(7);
          override getBuffer(): Uint8Array {
            return this.buf;
          }
          override bufferUpdated(n: number): void {
            chunks.push(dec(this.buf.subarray(0, n)));
          }
          override connectionLost(): void {
            done.setResult(undefined);
          }
        }
        yield* loop.createConnection(() => new Buffered(), "127.0.0.1", portOf(server));
        yield* done;
        server.close();
        return chunks;
      })(),
    );
    expect(got.join("")).toBe("0123456789".repeat(10));
    expect(Math.max(...got.map((c) => c.length))).toBe(7);
  });

  test("pauseWriting above the high-water mark, resumeWriting once the peer reads", async () => {
    const out = await asyncio.run(
      (function* () {
        const loop = asyncio.getRunningLoop();
        let serverTransport: asyncio.Transport | null = null;
        let received = 0;
        const server = yield* loop.createServer(
          () =>
            new (class extends asyncio.Protocol {
              override connectionMade(t: asyncio.BaseTransport): void {
                serverTransport = t as asyncio.Transport;
                serverTransport.pauseReading();
              }
              override dataReceived(data: Uint8Array): void {
                received += data.length;
              }
            })(),
          "127.0.0.1",
          0,
        );
        const [transport, client] = yield* loop.createConnection(() => new LogProtocol("client"), "127.0.0.1", portOf(server));
        const limits = transport.getWriteBufferLimits();
        transport.setWriteBufferLimits(32 * 1024);
        const chunk = new Uint8Array(64 * 1024);
        let written = 0;
        for (let i = 0; i < 400 && !client.log.includes("client pause"); i++) {
          transport.write(chunk);
          written += chunk.length;
          yield* asyncio.sleep(0.005);
        }
        const pausedSize = transport.getWriteBufferSize();
        const readingPaused = !serverTransport!.isReading();
        serverTransport!.resumeReading();
        while (!client.log.includes("client resume")) yield* asyncio.sleep(0.005);
        while (received < written) yield* asyncio.sleep(0.005);
        transport.close();
        yield* client.done;
        server.close();
        yield* server.waitClosed();
        return [limits, client.log, pausedSize > 32 * 1024, readingPaused, received === written];
      })(),
    );
    expect(out).toEqual([[16384, 65536], ["client made", "client pause", "client resume", "client lost clean"], true, true, true]);
  });

  test("setWriteBufferLimits checks its arguments as Python does", async () => {
    await asyncio.run(
      (function* () {
        const loop = asyncio.getRunningLoop();
        const server = yield* loop.createServer(() => new asyncio.Protocol(), "127.0.0.1", 0);
        const [transport] = yield* loop.createConnection(() => new asyncio.Protocol(), "127.0.0.1", portOf(server));
        transport.setWriteBufferLimits(undefined, 100);
        expect(transport.getWriteBufferLimits()).toEqual([100, 400]);
        transport.setWriteBufferLimits(1000);
        expect(transport.getWriteBufferLimits()).toEqual([250, 1000]);
        expect(() => transport.setWriteBufferLimits(10, 20)).toThrow("high (10) must be >= low (20) must be >= 0");
        transport.close();
        server.close();
      })(),
    );
  });

  test("misuse: write after writeEof, data that is not bytes, serverHostname without ssl; a write after close is dropped", async () => {
    const out = await asyncio.run(
      (function* () {
        const loop = asyncio.getRunningLoop();
        const server = yield* loop.createServer(() => new asyncio.Protocol(), "127.0.0.1", 0);
        const messages: string[] = [];
        const attempt = (fn: () => void) => {
          try {
            fn();
            messages.push("no error");
          } catch (e) {
            messages.push(`${(e as Error).name}: ${(e as Error).message}`);
          }
        };
        const [a] = yield* loop.createConnection(() => new asyncio.Protocol(), "127.0.0.1", portOf(server));
        attempt(() => a.write(42 as never));
        a.writeEof();
        attempt(() => a.write("x"));
        a.close();
        const [b] = yield* loop.createConnection(() => new asyncio.Protocol(), "127.0.0.1", portOf(server));
        b.close();
        attempt(() => b.write("x"));
        attempt(() => b.writelines(["x"]));
        expect(b.isClosing()).toBe(true);
        try {
          yield* loop.createConnection(() => new asyncio.Protocol(), "127.0.0.1", portOf(server), { serverHostname: "x" });
        } catch (e) {
          messages.push(`${(e as Error).name}: ${(e as Error).message}`);
        }
        server.close();
        return messages;
      })(),
    );
    expect(out).toEqual([
      "TypeError: data argument must be a bytes-like object (Uint8Array) or a string, not 42",
      "RuntimeError: Cannot call write() after writeEof()",
      // After close() a write is dropped, as CPython's transports drop it.
      "no error",
      "no error",
      "RangeError: serverHostname is only meaningful with ssl",
    ]);
  });

  test("an error in dataReceived goes to the exception handler and closes the transport with it", async () => {
    const out = await asyncio.run(
      (function* () {
        const loop = asyncio.getRunningLoop();
        const handled: string[] = [];
        loop.setExceptionHandler((_l, context) => handled.push(`${context.message} ${(context.exception as Error).message}`));
        const server = yield* loop.createServer(
          () =>
            new (class extends LogProtocol {
              override dataReceived(): void {
                throw new RangeError("parse failed");
              }
            })("server"),
          "127.0.0.1",
          0,
        );
        const [transport, client] = yield* loop.createConnection(() => new LogProtocol("client"), "127.0.0.1", portOf(server));
        transport.write("junk");
        yield* client.done;
        server.close();
        return [handled, client.log.at(-1)];
      })(),
    );
    expect(out).toEqual([["Fatal error: protocol.data_received() call failed. parse failed"], "client lost clean"]);
  });

  test("a Unix server replaces a stale socket file, refuses a path that is not a socket, and removes its file at close", async () => {
    const dir = mkdtempSync(join(tmpdir(), "asyncio-ts-"));
    try {
      const path = join(dir, "s.sock");
      const out = await asyncio.run(
        (function* () {
          const loop = asyncio.getRunningLoop();
          // A stale socket file: a listener killed before it could clean up.
          const script = `require("net").createServer().listen(${JSON.stringify(path)}, () => process.kill(process.pid, "SIGKILL"))`;
          spawnSync(process.execPath, ["-e", script]);
          const staleLeft = existsSync(path);
          const second = yield* loop.createUnixServer(() => new asyncio.Protocol(), path);
          second.close();
          yield* second.waitClosed();
          const removed = !existsSync(path);
          writeFileSync(path, "not a socket");
          let error = "";
          try {
            yield* loop.createUnixServer(() => new asyncio.Protocol(), path);
          } catch (e) {
            error = (e as Error).name;
          }
          return [staleLeft, removed, error];
        })(),
      );
      expect(out).toEqual([true, true, "OSError"]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test("abort drops buffered data and calls connectionLost(undefined); getExtraInfo", async () => {
    const out = await asyncio.run(
      (function* () {
        const loop = asyncio.getRunningLoop();
        const server = yield* loop.createServer(() => new asyncio.Protocol(), "127.0.0.1", 0);
        const [transport, client] = yield* loop.createConnection(() => new LogProtocol("client"), "127.0.0.1", portOf(server));
        const info = [
          transport.getExtraInfo("socket") instanceof net.Socket,
          (transport.getExtraInfo("peername") as unknown[])[1] === portOf(server),
          (transport.getExtraInfo("sockname") as unknown[])[0],
          transport.getExtraInfo("peercert", "none"),
          transport.getExtraInfo("nonsense", 7),
        ];
        transport.abort();
        yield* client.done;
        server.close();
        return [info, client.log];
      })(),
    );
    expect(out).toEqual([[true, true, "127.0.0.1", "none", 7], ["client made", "client lost clean"]]);
  });
});

describe("UDP endpoints", () => {
  test("echo over UDP: datagramReceived with the sender's address, sendto, close", async () => {
    const out = await asyncio.run(
      (function* () {
        const loop = asyncio.getRunningLoop();
        const log: string[] = [];
        class Echo extends asyncio.DatagramProtocol {
          transport: asyncio.DatagramTransport | null = null;
          override connectionMade(t: asyncio.BaseTransport): void {
            this.transport = t as asyncio.DatagramTransport;
          }
          override datagramReceived(data: Uint8Array, addr: asyncio.SocketAddress): void {
            log.push(`server got ${dec(data)} from ${(addr as [string, number])[0]}`);
            this.transport!.sendto(data, addr);
          }
        }
        const [serverTransport] = yield* loop.createDatagramEndpoint(() => new Echo(), { localAddr: ["127.0.0.1", 0] });
        const port = (serverTransport.getExtraInfo("sockname") as [string, number])[1];
        const replies = new asyncio.Queue<string>();
        const lost = loop.createFuture<undefined>();
        class Client extends asyncio.DatagramProtocol {
          override datagramReceived(data: Uint8Array): void {
            replies.putNowait(dec(data));
          }
          override connectionLost(): void {
            lost.setResult(undefined);
          }
        }
        const [client] = yield* loop.createDatagramEndpoint(() => new Client(), { remoteAddr: ["127.0.0.1", port] });
        client.sendto("ping");
        log.push(`client got ${yield* asyncio.waitFor(replies.get(), 2)}`);
        client.sendto("again", ["127.0.0.1", port]);
        log.push(`client got ${yield* asyncio.waitFor(replies.get(), 2)}`);
        try {
          client.sendto("x", ["127.0.0.1", port + 1]);
        } catch (e) {
          log.push((e as Error).name);
        }
        client.close();
        yield* lost;
        serverTransport.close();
        try {
          yield* loop.createDatagramEndpoint(() => new Client(), {});
        } catch (e) {
          log.push((e as Error).message);
        }
        return log;
      })(),
    );
    expect(out).toEqual([
      "server got ping from 127.0.0.1",
      "client got ping",
      "server got again from 127.0.0.1",
      "client got again",
      "RangeError",
      "unexpected address family: give localAddr, remoteAddr or family",
    ]);
  });
});

describe("TLS", () => {
  function* tlsEchoServer() {
    return yield* asyncio.startServer(
      function* (reader, writer) {
        const line = yield* reader.readline();
        writer.write(line);
        yield* writer.drain();
        writer.close();
      },
      "127.0.0.1",
      0,
      { ssl: { cert, key } },
    );
  }

  test("a client that trusts the CA talks to the TLS server; peercert, cipher and no writeEof", async () => {
    const out = await asyncio.run(
      (function* () {
        const server = yield* tlsEchoServer();
        const [reader, writer] = yield* asyncio.openConnection("127.0.0.1", portOf(server), { ssl: { ca }, serverHostname: "localhost" });
        writer.write("secret\n");
        const reply = dec(yield* reader.readline());
        const peercert = writer.getExtraInfo("peercert") as tls.PeerCertificate;
        const cipher = writer.getExtraInfo("cipher") as [string, string];
        const canWriteEof = writer.canWriteEof();
        const rest = yield* reader.read();
        writer.close();
        yield* writer.waitClosed();
        server.close();
        yield* server.waitClosed();
        return [reply, peercert.subject.CN, cipher[1].startsWith("TLS"), canWriteEof, rest.length, writer.getExtraInfo("sslcontext") !== undefined];
      })(),
    );
    expect(out).toEqual(["secret\n", "localhost", true, false, 0, true]);
  });

  test("the host name is checked against the certificate (an IP host too); serverHostname '' turns the check off", async () => {
    const out = await asyncio.run(
      (function* () {
        const server = yield* tlsEchoServer();
        const port = portOf(server);
        const results: string[] = [];
        for (const options of [
          { ssl: { ca } },
          { ssl: { ca }, serverHostname: "example.com" },
          { ssl: { ca }, serverHostname: "" },
          { ssl: tls.createSecureContext({ ca }), serverHostname: "localhost" },
        ]) {
          try {
            const [reader, writer] = yield* asyncio.openConnection("127.0.0.1", port, options);
            writer.write("x\n");
            results.push(`ok ${dec(yield* reader.readline()).trim()}`);
            writer.close();
          } catch (e) {
            results.push((e as Error).name);
          }
        }
        server.close();
        yield* server.waitClosed();
        return results;
      })(),
    );
    expect(out).toEqual(["ok x", "SSLCertVerificationError", "ok x", "ok x"]);
  });

  test("a client that does not trust the CA gets SSLCertVerificationError; a server without a certificate is a TypeError", async () => {
    const out = await asyncio.run(
      (function* () {
        const server = yield* tlsEchoServer();
        const results: string[] = [];
        for (const ssl of [true, {}]) {
          try {
            yield* asyncio.openConnection("127.0.0.1", portOf(server), { ssl, serverHostname: "localhost" });
            results.push("connected");
          } catch (e) {
            results.push(`${(e as Error).name} ${(e as Error).message.startsWith("[SSL: CERTIFICATE_VERIFY_FAILED]")}`);
          }
        }
        for (const ssl of [true, tls.createSecureContext({ cert, key }), { key }]) {
          try {
            yield* asyncio.startServer(() => {}, "127.0.0.1", 0, { ssl });
          } catch (e) {
            results.push((e as Error).name);
          }
        }
        server.close();
        yield* server.waitClosed();
        return results;
      })(),
    );
    expect(out).toEqual(["SSLCertVerificationError true", "SSLCertVerificationError true", "TypeError", "TypeError", "TypeError"]);
  });
});
