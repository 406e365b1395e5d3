/**
 * The simulated network of asyncio-ts/testing (src/testing/network.ts): streams code run
 * unchanged over it, its timing exact on virtual time, and its faults (resets,
 * partitions, refused and unreachable connections, a peer that never reads) shaped as
 * CPython's real streams show them (checked against python3 3.11 on real sockets: the
 * error types and messages of refused connections, resets, bind failures, EOF handling,
 * a close with unread data resetting the peer).
 */
import * as asyncio from "asyncio-ts";
import { Network, NetworkServer, runTest } from "asyncio-ts/testing";
import { expect, test, vi } from "vitest";

const text = (bytes: Uint8Array) => new TextDecoder().decode(bytes);

/** The server and client of a line echo, written against asyncio's own streams API. */
function* echo(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) {
  for (;;) {
    const line = yield* reader.readline();
    if (line.length === 0) break;
    writer.write(line);
    yield* writer.drain();
  }
  writer.close();
  yield* writer.waitClosed();
}

/** A handler that closes each connection at once (one that did not would keep waitClosed waiting, as in Python 3.12+). */
function hangUp(_reader: asyncio.StreamReader, writer: asyncio.StreamWriter) {
  writer.close();
}

function* closeServer(server: { close(): void; waitClosed(): asyncio.Coroutine<void> }) {
  server.close();
  yield* server.waitClosed();
}

test("an echo server and client exchange lines for 10 virtual seconds in milliseconds of real time", async () => {
  const network = new Network({ latency: 0.05 });
  network.addHost("server");
  const started = performance.now();
  const result = await runTest(
    function* () {
      const server = yield* network.onHost("server", asyncio.startServer(echo, "0.0.0.0", 8888));
      const [reader, writer] = yield* asyncio.openConnection("server", 8888);
      const replies: string[] = [];
      for (let i = 0; i < 100; i++) {
        writer.write(`line ${i}\n`);
        replies.push(text(yield* reader.readline()));
      }
      const time = asyncio.getRunningLoop().time();
      writer.close();
      yield* writer.waitClosed();
      yield* closeServer(server);
      return { replies, time };
    },
    { network },
  );
  const elapsed = performance.now() - started;
  expect(result.replies).toEqual(Array.from({ length: 100 }, (_, i) => `line ${i}\n`));
  // A round trip to connect, then one per line: 101 × 0.1 s.
  expect(result.time).toBeCloseTo(10.1, 9);
  expect(elapsed).toBeLessThan(1000);
});

test("a program written for sockets runs unchanged: 127.0.0.1, port 0, peername and sockname", async () => {
  const network = new Network();
  // The body of a socket program, as it would be run by asyncio.run.
  function* main() {
    const server = yield* asyncio.startServer(echo, "127.0.0.1", 0);
    const [, port] = server.sockets[0]!.getsockname();
    const [reader, writer] = yield* asyncio.openConnection("127.0.0.1", port);
    writer.write("hello\n");
    const reply = text(yield* reader.readline());
    const names = [writer.getExtraInfo("peername"), writer.getExtraInfo("sockname"), writer.getExtraInfo("socket", "none")];
    writer.close();
    yield* writer.waitClosed();
    server.close();
    yield* server.waitClosed();
    return { reply, port, names, isNetworkServer: server instanceof NetworkServer && server instanceof asyncio.AbstractServer };
  }
  const result = await runTest(main, { network });
  expect(result).toEqual({
    reply: "hello\n",
    port: 49152,
    names: [
      ["127.0.0.1", 49152],
      ["127.0.0.1", 49153],
      "none",
    ],
    isNetworkServer: true,
  });
});

test("latency and bandwidth add up exactly on virtual time", async () => {
  // 0.25 s each way, 1024 bytes/s: 2048 bytes take 2 s on the wire, then 0.25 s to arrive.
  const network = new Network({ latency: 0.25, bandwidth: 1024 });
  network.addHost("server");
  const arrivals: number[] = [];
  await runTest(
    function* () {
      const loop = asyncio.getRunningLoop();
      const server = yield* network.onHost(
        "server",
        asyncio.startServer(function* (reader, writer) {
          arrivals.push(loop.time()); // accepted: one and a half round trips
          let got = 0;
          while (got < 2048) {
            got += (yield* reader.read(65536)).length;
          }
          arrivals.push(loop.time());
          writer.write("k");
          writer.close();
        }, null, 80),
      );
      const [reader, writer] = yield* asyncio.openConnection("server", 80);
      arrivals.push(loop.time()); // connected: one round trip
      writer.write(new Uint8Array(2048));
      yield* reader.readexactly(1);
      arrivals.push(loop.time()); // 1 byte back: 1/1024 s on the wire, then 0.25 s
      writer.close();
      yield* closeServer(server);
    },
    { network },
  );
  expect(arrivals).toEqual([0.5, 0.75, 0.5 + 2 + 0.25, 0.5 + 2 + 0.25 + 1 / 1024 + 0.25]);
});

test("a per-link setting overrides the default, and loopback is instant", async () => {
  const network = new Network({ latency: 1 });
  network.addHost("near");
  network.addHost("far");
  network.link("main", "near", { latency: 0.01 });
  const times = await runTest(
    function* () {
      const loop = asyncio.getRunningLoop();
      const servers = [
        yield* network.onHost("near", asyncio.startServer(hangUp, null, 1)),
        yield* network.onHost("far", asyncio.startServer(hangUp, null, 1)),
        yield* asyncio.startServer(hangUp, null, 1),
      ];
      const times: number[] = [];
      for (const host of ["near", "far", "127.0.0.1"]) {
        const start = loop.time();
        const [reader, writer] = yield* asyncio.openConnection(host, 1);
        times.push(loop.time() - start);
        yield* reader.read(); // until the server hangs up
        writer.close();
      }
      for (const server of servers) yield* closeServer(server);
      return times;
    },
    { network },
  );
  expect(times).toEqual([0.02, 2, 0]);
});

test("drain blocks against a peer that never reads, and resumes when it reads", async () => {
  // A finite bandwidth, so that the transfer takes virtual time once it flows.
  const network = new Network({ receiveBuffer: 16384, bandwidth: 1024 * 1024 });
  network.addHost("server");
  const result = await runTest(
    function* () {
      const startReading = new asyncio.Event();
      let received = 0;
      const server = yield* network.onHost(
        "server",
        asyncio.startServer(function* (reader, writer) {
          yield* startReading.wait(); // never reads until told
          for (;;) {
            const chunk = yield* reader.read(65536);
            if (chunk.length === 0) break;
            received += chunk.length;
          }
          writer.close();
        }, null, 80),
      );
      const [, writer] = yield* asyncio.openConnection("server", 80);
      const chunk = new Uint8Array(8192);
      let written = 0;
      const writing = asyncio.createTask(
        (function* () {
          for (;;) {
            writer.write(chunk);
            written += chunk.length;
            yield* writer.drain();
          }
        })(),
      );
      yield* asyncio.sleep(10);
      // Blocked: the server's StreamReader holds 2 × 64 KiB (where it pauses reading),
      // the window 16 KiB, and the writer's own buffer 72 KiB: the write that took it
      // past its 64 KiB high-water mark paused it.
      const blockedAt = written;
      const buffered = writer.transport.getWriteBufferSize();
      yield* asyncio.sleep(10);
      const stillBlocked = written === blockedAt;
      startReading.set();
      yield* asyncio.sleep(1);
      const resumed = written > blockedAt;
      writing.cancel();
      writer.close();
      yield* asyncio.sleep(1);
      yield* closeServer(server);
      return { blockedAt, buffered, stillBlocked, resumed, received, written };
    },
    { network },
  );
  expect(result.stillBlocked).toBe(true);
  // The writer paused past its 64 KiB high-water mark, 25 writes in; the window moved on
  // what it could: the server's StreamReader took 128 KiB and one segment more (it pauses
  // its transport once it holds more than 2 × limit), the receive window holds 16 KiB,
  // and the rest waits in the writer's buffer, above the 16 KiB low-water mark: still paused.
  expect(result.blockedAt).toBe(25 * 8192);
  expect(result.buffered).toBe(25 * 8192 - (2 * 64 * 1024 + 1460) - 16384);
  expect(result.resumed).toBe(true);
  expect(result.received).toBe(result.written);
});

test("a reset mid-write: the reader, drain and waitClosed raise ConnectionResetError as CPython's", async () => {
  const network = new Network({ latency: 0.01, bandwidth: 100_000 });
  network.addHost("server");
  let serverSaw = "";
  const result = await runTest(
    function* () {
      const server = yield* network.onHost(
        "server",
        asyncio.startServer(function* (reader) {
          try {
            yield* reader.read();
          } catch (error) {
            serverSaw = (error as Error).message;
          }
        }, null, 80),
      );
      const [reader, writer] = yield* asyncio.openConnection("server", 80);
      const errors: string[] = [];
      const writing = asyncio.createTask(
        (function* () {
          try {
            for (;;) {
              writer.write(new Uint8Array(10_000));
              yield* writer.drain();
            }
          } catch (error) {
            errors.push(`drain: ${(error as Error).name}: ${(error as Error).message}`);
          }
        })(),
      );
      yield* asyncio.sleep(2);
      const reset = network.reset("main", "server");
      yield* writing;
      for (const [name, op] of [
        ["read", () => reader.read(100)],
        ["readexactly", () => reader.readexactly(3)],
        ["waitClosed", () => writer.waitClosed()],
      ] as const) {
        try {
          yield* op();
          errors.push(`${name}: no error`);
        } catch (error) {
          errors.push(`${name}: ${(error as Error).name}: ${(error as Error).message} (errno ${(error as asyncio.OSError).errno})`);
        }
      }
      // As CPython: a write after the reset is dropped, and drain() says why; from the
      // fifth dropped write on, each is logged as CPython logs it.
      const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
      for (let i = 0; i < 5; i++) writer.write("more");
      const warnings = warn.mock.calls.map((call) => String(call[0]).split(" (")[0]);
      warn.mockRestore();
      try {
        yield* writer.drain();
      } catch (error) {
        errors.push(`drain again: ${(error as Error).name}: ${(error as Error).message}`);
      }
      yield* closeServer(server);
      return { reset, errors, warnings, closing: writer.isClosing() };
    },
    { network },
  );
  expect(result.reset).toBe(1);
  expect(serverSaw).toBe("[Errno 104] Connection reset by peer");
  expect(result.errors).toEqual([
    "drain: ConnectionResetError: [Errno 104] Connection reset by peer",
    "read: ConnectionResetError: [Errno 104] Connection reset by peer (errno 104)",
    "readexactly: ConnectionResetError: [Errno 104] Connection reset by peer (errno 104)",
    "waitClosed: ConnectionResetError: [Errno 104] Connection reset by peer (errno 104)",
    "drain again: ConnectionResetError: [Errno 104] Connection reset by peer",
  ]);
  expect(result.warnings).toEqual(["socket.send() raised exception."]);
  expect(result.closing).toBe(true);
});

test("end of file as CPython: readexactly gives IncompleteReadError with the partial bytes, then read gives b''", async () => {
  const network = new Network({ latency: 0.01 });
  const result = await runTest(
    function* () {
      const server = yield* asyncio.startServer((_reader, writer) => {
        writer.write("abc");
        writer.close();
      }, "127.0.0.1", 7);
      const [reader, writer] = yield* asyncio.openConnection("127.0.0.1", 7);
      let error: asyncio.IncompleteReadError | null = null;
      try {
        yield* reader.readexactly(5);
      } catch (e) {
        error = e as asyncio.IncompleteReadError;
      }
      const after = yield* reader.read(10);
      writer.close();
      yield* closeServer(server);
      return [error?.message, text(error!.partial), error?.expected, after.length, reader.atEof()];
    },
    { network },
  );
  expect(result).toEqual(["3 bytes read on a total of 5 expected bytes", "abc", 5, 0, true]);
});

test("a connection to a port nobody listens on is refused after a round trip, in CPython's words", async () => {
  const network = new Network({ latency: 0.1 });
  network.addHost("server");
  const result = await runTest(
    function* () {
      try {
        yield* asyncio.openConnection("server", 9);
        return "connected";
      } catch (error) {
        const e = error as asyncio.ConnectionRefusedError;
        return [e instanceof asyncio.ConnectionRefusedError, e.message, e.errno, asyncio.getRunningLoop().time()];
      }
    },
    { network },
  );
  expect(result).toEqual([true, "[Errno 111] Connect call failed ('10.0.0.2', 9)", 111, 0.2]);
});

test("a partition holds data until healed, and a connection attempt across it times out at 127 s", async () => {
  const network = new Network({ latency: 0.5 });
  network.addHost("server");
  const result = await runTest(
    function* () {
      const loop = asyncio.getRunningLoop();
      const server = yield* network.onHost("server", asyncio.startServer(echo, null, 80));
      const [reader, writer] = yield* asyncio.openConnection("server", 80); // t = 1
      network.partition("server");
      writer.write("held\n");
      const reading = asyncio.createTask(reader.readline());
      yield* asyncio.sleep(30);
      const doneDuringPartition = reading.done();
      let timeout = "";
      try {
        yield* asyncio.openConnection("server", 80);
      } catch (error) {
        timeout = `${(error as Error).name}: ${(error as Error).message} at t=${loop.time()}`;
      }
      network.heal();
      const healedAt = loop.time();
      const line = text(yield* reading);
      const arrivedAfterHeal = loop.time() - healedAt;
      writer.close();
      yield* writer.waitClosed();
      yield* closeServer(server);
      return { doneDuringPartition, timeout, line, arrivedAfterHeal };
    },
    { network },
  );
  expect(result).toEqual({
    doneDuringPartition: false,
    timeout: "TimeoutError: [Errno 110] Connect call failed ('10.0.0.2', 80) at t=158",
    line: "held\n",
    // Released at the heal, one way to the server (0.5 s), echoed back (0.5 s).
    arrivedAfterHeal: 1,
  });
});

test("a connection attempt that is healed before its next SYN retry connects then", async () => {
  const network = new Network();
  network.addHost("server");
  const time = await runTest(
    function* () {
      const server = yield* network.onHost("server", asyncio.startServer(hangUp, null, 80));
      network.partition("main", "server");
      const connecting = asyncio.createTask(asyncio.openConnection("server", 80));
      yield* asyncio.sleep(5); // SYNs at 0, 1, 3 went unanswered; the next is at 7
      network.heal("main", "server");
      const [, writer] = yield* connecting;
      writer.close();
      yield* closeServer(server);
      return asyncio.getRunningLoop().time();
    },
    { network },
  );
  expect(time).toBe(7);
});

test("the same seed gives the same run, bit for bit, with jitter and loss; another seed another", async () => {
  function* traffic(network: Network) {
    const loop = asyncio.getRunningLoop();
    const trace: string[] = [];
    const server = yield* network.onHost("server", asyncio.startServer(echo, null, 80));
    const clients = [0, 1, 2].map((c) =>
      asyncio.createTask(
        (function* () {
          const [reader, writer] = yield* asyncio.openConnection("server", 80);
          for (let i = 0; i < 20; i++) {
            writer.write(`${c}:${i}\n`);
            const line = text(yield* reader.readline()).trim();
            trace.push(`${loop.time()} ${line}`);
          }
          writer.close();
          yield* writer.waitClosed();
        })(),
      ),
    );
    yield* asyncio.gather(...clients);
    yield* closeServer(server);
    return trace;
  }
  const run = (seed: number) => {
    const network = new Network({ seed, latency: 0.01, jitter: 0.02, loss: 0.1 });
    network.addHost("server");
    return runTest(() => traffic(network), { network });
  };
  const [a, b, c] = [await run(7), await run(7), await run(8)];
  expect(a).toHaveLength(60);
  expect(b).toEqual(a);
  expect(c).not.toEqual(a);
});

test("a port in use, another host's address and an unknown host fail as CPython's binds and lookups do", async () => {
  const network = new Network();
  network.addHost("server");
  const errors = await runTest(
    function* () {
      const errors: string[] = [];
      const server = yield* asyncio.startServer(() => {}, "0.0.0.0", 8080);
      for (const [host, port] of [
        ["127.0.0.1", 8080],
        ["server", 8080],
      ] as const) {
        try {
          yield* asyncio.startServer(() => {}, host, port);
        } catch (error) {
          errors.push(`${(error as Error).name} ${(error as asyncio.OSError).errno}: ${(error as Error).message}`);
        }
      }
      try {
        yield* asyncio.openConnection("nowhere", 80);
      } catch (error) {
        errors.push(`${(error as Error).name}: ${(error as Error).message}`);
      }
      yield* closeServer(server);
      return errors;
    },
    { network },
  );
  expect(errors).toEqual([
    "OSError 98: [Errno 98] error while attempting to bind on address ('127.0.0.1', 8080): address already in use",
    `OSError 99: [Errno 99] error while attempting to bind on address ('10.0.0.2', 8080): cannot assign requested address (it is host "server"'s, and this code runs on "main": start the server inside network.onHost("server", …))`,
    'gaierror: [Errno -2] Name or service not known: no host "nowhere" on <Network hosts=[main 10.0.0.1, server 10.0.0.2] connections=0>',
  ]);
});

test("bad settings name the option and the value", () => {
  expect(() => new Network({ latency: -1 })).toThrow(new RangeError("new Network() option latency must be a finite number of seconds >= 0, got -1"));
  expect(() => new Network({ bandwidth: Number.NaN })).toThrow(/option bandwidth must be a number of bytes per second > 0 \(Infinity: no limit\), got NaN/);
  expect(() => new Network({ loss: 1 })).toThrow(/option loss must be a probability in \[0, 1\), got 1/);
  expect(() => new Network({ seed: 1.5 })).toThrow(/option seed must be an integer, got 1.5/);
  expect(() => new Network({ receiveBuffer: 0 })).toThrow(/option receiveBuffer must be a positive integer number of bytes, got 0/);
  const network = new Network();
  expect(() => network.link("main", "mars", { latency: 1 })).toThrow(
    new RangeError('Network.link(): no host "mars" on <Network hosts=[main 10.0.0.1] connections=0> (add it with addHost)'),
  );
  network.addHost("b");
  expect(() => network.link("main", "b", { jitter: -0.1 })).toThrow(/Network.link\("main", "b"\) option jitter must be a finite number of seconds >= 0, got -0.1/);
  expect(() => network.addHost("b")).toThrow(/already has a host "b" \(10.0.0.2\)/);
  expect(() => network.addHost("c", { address: "10.0.0.2" })).toThrow(/address 10.0.0.2 is already host "b"'s/);
  expect(() => network.addHost("d", { address: "300.1.1.1" })).toThrow(/must be an IPv4 address/);
  expect(() => network.partition("main", "main")).toThrow(/cannot cut host "main" off from itself/);
  expect(() => runTest(function* () {}, { network: {} as Network })).toThrow(/runTest\(\) option network must be a Network/);
});

test("closing with received data unread resets the peer, as a socket does (drain and read raise)", async () => {
  const network = new Network({ bandwidth: 1024 * 1024 });
  network.addHost("server");
  const result = await runTest(
    function* () {
      const server = yield* network.onHost(
        "server",
        asyncio.startServer(function* (_reader, writer) {
          yield* asyncio.sleep(1); // never reads: the client fills the buffers
          writer.close();
        }, null, 80),
      );
      const [reader, writer] = yield* asyncio.openConnection("server", 80);
      const errors: string[] = [];
      try {
        for (let i = 0; i < 200; i++) {
          writer.write(new Uint8Array(65536));
          yield* writer.drain();
        }
      } catch (error) {
        errors.push(`writer: ${(error as Error).name} ${(error as Error).message}`);
      }
      try {
        yield* reader.read(10);
      } catch (error) {
        errors.push(`read: ${(error as Error).name} ${(error as Error).message}`);
      }
      writer.close();
      yield* closeServer(server);
      return errors;
    },
    { network },
  );
  expect(result).toEqual(["writer: ConnectionResetError [Errno 104] Connection reset by peer", "read: ConnectionResetError [Errno 104] Connection reset by peer"]);
});

test("a low-level protocol gets asyncio's callbacks in order: made, data, eof (half-open), lost", async () => {
  const network = new Network({ latency: 0.01 });
  const log: string[] = [];
  class Recorder extends asyncio.Protocol {
    transport: asyncio.Transport | null = null;
    constructor(readonly side: string) {
      super();
    }
    override connectionMade(transport: asyncio.BaseTransport) {
      this.transport = transport as asyncio.Transport;
      log.push(`${this.side} made ${JSON.stringify(transport.getExtraInfo("peername"))}`);
    }
    override dataReceived(data: Uint8Array) {
      log.push(`${this.side} data ${text(data)}`);
    }
    override eofReceived() {
      log.push(`${this.side} eof`);
      if (this.side === "server") {
        // Half-open: still writes after the client's end of file, then closes.
        this.transport!.write("bye");
        this.transport!.close();
      }
      return true;
    }
    override connectionLost(exc: Error | undefined) {
      log.push(`${this.side} lost ${exc}`);
    }
  }
  await runTest(
    function* () {
      const loop = asyncio.getRunningLoop();
      const server = yield* loop.createServer(() => new Recorder("server"), "127.0.0.1", 5000);
      const [transport, protocol] = yield* loop.createConnection(() => new Recorder("client"), "127.0.0.1", 5000);
      expect(protocol).toBeInstanceOf(Recorder);
      expect(transport.canWriteEof()).toBe(true);
      transport.write("hello");
      transport.writeEof();
      expect(() => transport.write("late")).toThrow(new asyncio.RuntimeError("Cannot call write() after writeEof()"));
      yield* asyncio.sleep(1);
      expect(transport.isClosing()).toBe(false); // eofReceived returned true: half-open
      transport.close();
      yield* closeServer(server);
    },
    { network },
  );
  expect(log).toEqual([
    'client made ["127.0.0.1",5000]',
    'server made ["127.0.0.1",49152]',
    "server data hello",
    "server eof",
    "server lost undefined",
    "client data bye",
    "client eof",
    "client lost undefined",
  ]);
});

test("pauseWriting and resumeWriting follow the water marks; pauseReading holds data back", async () => {
  const network = new Network({ bandwidth: 1000, receiveBuffer: 1000, mss: 500 });
  network.addHost("server");
  const events: string[] = [];
  let serverTransport: asyncio.Transport | null = null;
  class Sink extends asyncio.Protocol {
    received = 0;
    override connectionMade(transport: asyncio.BaseTransport) {
      serverTransport = transport as asyncio.Transport;
      serverTransport.pauseReading();
    }
    override dataReceived(data: Uint8Array) {
      this.received += data.length;
    }
  }
  class Source extends asyncio.Protocol {
    override pauseWriting() {
      events.push(`pause at t=${asyncio.getRunningLoop().time()}`);
    }
    override resumeWriting() {
      events.push(`resume at t=${asyncio.getRunningLoop().time()}`);
    }
  }
  const sink = new Sink();
  await runTest(
    function* () {
      const loop = asyncio.getRunningLoop();
      const server = yield* network.onHost("server", loop.createServer(() => sink, null, 1));
      const [transport] = yield* loop.createConnection(() => new Source(), "server", 1);
      transport.setWriteBufferLimits(2000, 500);
      expect(transport.getWriteBufferLimits()).toEqual([500, 2000]);
      transport.write(new Uint8Array(3000)); // 1000 go onto the wire (the window), 2000 wait
      expect(transport.getWriteBufferSize()).toBe(2000);
      transport.write(new Uint8Array(1));
      expect(events).toEqual(["pause at t=0"]);
      yield* asyncio.sleep(10);
      expect(sink.received).toBe(0); // reading paused: the window stays full
      expect(serverTransport!.isReading()).toBe(false);
      serverTransport!.resumeReading();
      yield* asyncio.sleep(10);
      expect(sink.received).toBe(3001);
      expect(transport.getWriteBufferSize()).toBe(0);
      transport.close();
      serverTransport!.close();
      yield* closeServer(server);
    },
    { network },
  );
  // Resumed once 500 bytes or fewer waited: at t=10 the sink read the 1000 held bytes and
  // the window took 1000 more (1001 left), then 500 more as each segment arrived (500
  // bytes at 1000 bytes/s: at t=10.5 and t=11), leaving 1.
  expect(events).toEqual(["pause at t=0", "resume at t=11"]);
});

test("a server that does not serve yet completes handshakes, and its handler runs once serving starts", async () => {
  const network = new Network();
  const result = await runTest(
    function* () {
      const loop = asyncio.getRunningLoop();
      const server = yield* asyncio.startServer(
        function* (reader, writer) {
          writer.write(yield* reader.readline());
          writer.close();
        },
        "127.0.0.1",
        80,
        { startServing: false },
      );
      const [reader, writer] = yield* asyncio.openConnection("127.0.0.1", 80);
      writer.write("queued\n");
      yield* asyncio.sleep(5);
      const servingBefore = server.isServing();
      const forever = asyncio.createTask(server.serveForever());
      const line = text(yield* reader.readline());
      const at = loop.time();
      forever.cancel();
      try {
        yield* forever;
      } catch (error) {
        if (!(error instanceof asyncio.CancelledError)) throw error;
      }
      writer.close();
      return { servingBefore, line, at, servingAfter: server.isServing(), sockets: server.sockets.length };
    },
    { network },
  );
  expect(result).toEqual({ servingBefore: false, line: "queued\n", at: 5, servingAfter: false, sockets: 0 });
});

test("under a seeded chaos schedule the echo still holds, and the seed replays the same run", async () => {
  function* traffic(network: Network) {
    const loop = asyncio.getRunningLoop();
    const server = yield* network.onHost("server", asyncio.startServer(echo, null, 80));
    const trace: string[] = [];
    yield* asyncio.gather(
      ...[0, 1, 2, 3].map((c) =>
        (function* () {
          const [reader, writer] = yield* asyncio.openConnection("server", 80);
          for (let i = 0; i < 10; i++) {
            writer.write(`${c}.${i}\n`);
            trace.push(`${loop.time()} ${text(yield* reader.readline()).trim()}`);
          }
          writer.close();
          yield* writer.waitClosed();
        })(),
      ),
    );
    yield* closeServer(server);
    return trace;
  }
  const run = (seed: number) => {
    const network = new Network({ latency: 0.01 });
    network.addHost("server");
    return runTest(() => traffic(network), { network, seed });
  };
  const first = await run(3);
  expect(first).toHaveLength(40);
  for (let c = 0; c < 4; c++) {
    expect(first.filter((line) => line.includes(` ${c}.`)).map((line) => line.split(" ")[1])).toEqual(
      Array.from({ length: 10 }, (_, i) => `${c}.${i}`),
    );
  }
  expect(await run(3)).toEqual(first);
});

test("a lossy link delays connections by whole SYN retries, and segments by retransmission timeouts", async () => {
  const network = new Network({ seed: 42, latency: 0.001, loss: 0.5 });
  network.addHost("server");
  const result = await runTest(
    function* () {
      const loop = asyncio.getRunningLoop();
      const server = yield* network.onHost("server", asyncio.startServer(echo, null, 80));
      const connects: number[] = [];
      const lines: number[] = [];
      for (let i = 0; i < 10; i++) {
        const start = loop.time();
        const [reader, writer] = yield* asyncio.openConnection("server", 80);
        connects.push(loop.time() - start);
        const sent = loop.time();
        writer.write("x\n");
        yield* reader.readline();
        lines.push(loop.time() - sent);
        writer.close();
        yield* writer.waitClosed();
      }
      yield* closeServer(server);
      return { connects, lines };
    },
    { network },
  );
  // A connection waits for the SYN that got through, sent 0, 1, 3, 7, 15, 31 or 63 s after
  // the first (a lost SYN or SYN-ACK waits for the next), then takes its 2 ms round trip.
  expect(result.connects.map((t) => Math.round((t - 0.002) * 1000) / 1000)).toEqual([1, 1, 63, 1, 1, 0, 0, 3, 1, 1]);
  // A line there and back: 2 ms, plus 0.2 s, 0.4 s, 0.8 s… for each loss of a segment.
  expect(result.lines.map((t) => (t - 0.002) / 0.2)).toEqual([1, 18, 3, 2, 1, 4, 3, 8, 8, 18].map((n) => expect.closeTo(n, 9)));
});

test("jitter never reorders a connection's bytes", async () => {
  const network = new Network({ latency: 0.01, jitter: 0.5, mss: 10, seed: 9 });
  network.addHost("server");
  const received = await runTest(
    function* () {
      let got = "";
      const server = yield* network.onHost(
        "server",
        asyncio.startServer(function* (reader, writer) {
          got = text(yield* reader.read());
          writer.close();
        }, null, 80),
      );
      const [reader, writer] = yield* asyncio.openConnection("server", 80);
      for (let i = 0; i < 100; i++) writer.write(`${i},`);
      writer.writeEof();
      yield* reader.read();
      writer.close();
      yield* closeServer(server);
      return got;
    },
    { network },
  );
  expect(received).toBe(Array.from({ length: 100 }, (_, i) => `${i},`).join(""));
});

test("a BufferedProtocol fills its own buffer from the network, as from a socket", async () => {
  const network = new Network({ mss: 700 });
  const sizes: number[] = [];
  class Collector extends asyncio.BufferedProtocol {
    buffer = new Uint8Array(1000);
    total = 0;
    override getBuffer() {
      return this.buffer;
    }
    override bufferUpdated(n: number) {
      sizes.push(n);
      this.total += n;
    }
  }
  const total = await runTest(
    function* () {
      const loop = asyncio.getRunningLoop();
      const collector = new Collector();
      const server = yield* loop.createServer(() => collector, "127.0.0.1", 1);
      const [transport] = yield* loop.createConnection(() => new asyncio.Protocol(), "127.0.0.1", 1);
      transport.write(new Uint8Array(2500));
      yield* asyncio.sleep(0);
      yield* asyncio.sleep(0);
      transport.close();
      yield* asyncio.sleep(0);
      server.closeClients();
      yield* closeServer(server);
      return collector.total;
    },
    { network },
  );
  expect(total).toBe(2500);
  // Arrived at once (loopback): one read of 2500 bytes, copied 1000 at a time.
  expect(sizes).toEqual([1000, 1000, 500]);
});

test("runTest reports data still on its way when main ends, naming the link", async () => {
  const network = new Network({ latency: 0.5 });
  network.addHost("server");
  const failure = await runTest(
    function* () {
      yield* network.onHost("server", asyncio.startServer(hangUp, null, 80));
      const [, writer] = yield* asyncio.openConnection("server", 80);
      writer.write("unseen");
    },
    { network },
  ).catch((error: unknown) => error as Error);
  expect(failure).toBeInstanceOf(Error);
  expect((failure as Error).message).toContain(
    "1 timer still scheduled when main finished (cancel the handles of callLater/callAt):\n    network segment main→server() at t=1.5",
  );
});

test("a cancelled connection attempt leaves nothing behind, and a server closed mid-handshake resets the client", async () => {
  const network = new Network({ latency: 0.5 });
  network.addHost("server");
  const result = await runTest(
    function* () {
      const server = yield* network.onHost("server", asyncio.startServer(hangUp, null, 80));
      network.partition("server");
      const attempt = asyncio.createTask(asyncio.openConnection("server", 80));
      yield* asyncio.sleep(2);
      attempt.cancel();
      yield* asyncio.sleep(0);
      const cancelled = attempt.cancelled();
      network.heal();
      const [reader, writer] = yield* asyncio.openConnection("server", 80); // t = 3
      const port = writer.getExtraInfo("sockname")![1]; // the cancelled attempt took none
      writer.close();
      yield* reader.read();
      // Now the server closes while a handshake is on its way: the client is reset.
      const late = asyncio.createTask(asyncio.openConnection("server", 80));
      yield* asyncio.sleep(1.2); // the SYN-ACK is in at 1.0 s; the last segment lands at 1.5 s
      const [lateReader, lateWriter] = yield* late;
      yield* closeServer(server);
      let error = "";
      try {
        yield* lateReader.read();
      } catch (e) {
        error = (e as Error).name;
      }
      lateWriter.close();
      return { cancelled, port, error };
    },
    { network },
  );
  expect(result).toEqual({ cancelled: true, port: 49152, error: "ConnectionResetError" });
});

test("2 MiB arrive intact and in order at the bandwidth's pace", async () => {
  const size = 2 * 1024 * 1024; // 1437 segments in flight at once
  const network = new Network({ latency: 0.05, bandwidth: 1024 * 1024, receiveBuffer: 2 * size });
  network.addHost("server");
  const data = new Uint8Array(size);
  for (let i = 0; i < size; i++) data[i] = (i * 7919) % 251;
  const result = await runTest(
    function* () {
      const loop = asyncio.getRunningLoop();
      let received: Uint8Array = new Uint8Array(0);
      let doneAt = 0;
      const server = yield* network.onHost(
        "server",
        asyncio.startServer(function* (reader, writer) {
          received = yield* reader.readexactly(size);
          doneAt = loop.time();
          writer.close();
        }, null, 80),
      );
      const [reader, writer] = yield* asyncio.openConnection("server", 80); // t = 0.1
      writer.write(data); // all of it on the wire at once: the window is larger
      yield* reader.read();
      writer.close();
      yield* closeServer(server);
      return { same: received.length === size && Buffer.compare(received, data) === 0, doneAt };
    },
    { network },
  );
  expect(result.same).toBe(true);
  // Connected at 0.1 s; the last byte leaves 2 s later and lands 0.05 s after that.
  expect(result.doneAt).toBeCloseTo(0.1 + 2 + 0.05, 9);
});
