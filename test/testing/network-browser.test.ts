/**
 * The host-free (browser) entry's `openConnection` and `startServer` (src/core/networks.ts):
 * over a `Network` of asyncio-ts/testing installed on the loop they carry the streams API
 * with no Node module loaded, as the playground runs them in a Web Worker; with none
 * installed they say that a browser has no sockets and where the fake network is.
 *
 * This file imports the browser entry only (never src/index.ts), so the loop has no
 * socket methods here: `EventLoop.prototype.createConnection` comes from src/node/.
 */
import { Network, NetworkServer, runTest } from "asyncio-ts/testing";
import { expect, test } from "vitest";
import * as asyncio from "../../src/index.browser";

const text = (bytes: Uint8Array) => new TextDecoder().decode(bytes);
const NO_SOCKETS = "no sockets in a browser; use the fake network of asyncio-ts/testing";

/** A server that answers each line upper-cased after `delay` seconds. */
function shout(delay: number) {
  return function* (reader: asyncio.StreamReader, writer: asyncio.StreamWriter) {
    const line = yield* reader.readline();
    yield* asyncio.sleep(delay);
    writer.write(text(line).toUpperCase());
    yield* writer.drain();
    writer.close();
    yield* writer.waitClosed();
  };
}

function* ask(host: string, port: number, line: string) {
  const [reader, writer] = yield* asyncio.openConnection(host, port);
  writer.write(line);
  const reply = text(yield* reader.readline());
  writer.close();
  yield* writer.waitClosed();
  return reply;
}

test("the browser entry has no socket methods on its loop: only the network can carry its streams", () => {
  const loop = asyncio.newEventLoop();
  expect("createConnection" in loop).toBe(false);
  loop.close();
});

test("openConnection and startServer of the browser entry run over an installed Network, timed by its latency", async () => {
  const network = new Network({ latency: 0.05 });
  network.addHost("server");
  function* main() {
    const server = yield* network.onHost("server", asyncio.startServer(shout(1), "0.0.0.0", 7000));
    const reply = yield* ask("server", 7000, "hello\n");
    const at = asyncio.getRunningLoop().time();
    server.close();
    yield* server.waitClosed();
    return { reply, at: at.toFixed(2), server };
  }
  const { reply, at, server } = await runTest(main, { network });
  expect(reply).toBe("HELLO\n");
  // Connect: one round trip (0.1 s); the line there (0.05), 1 s of work, the answer back (0.05).
  expect(at).toBe("1.20");
  expect(server).toBeInstanceOf(NetworkServer);
  expect(server).toBeInstanceOf(asyncio.AbstractServer);
});

test("installed with network.install, the network serves asyncio.run's loop too, until uninstalled", async () => {
  const network = new Network({ latency: 0.01 });
  function* main() {
    const loop = asyncio.getRunningLoop();
    network.install(loop);
    const server = yield* asyncio.startServer(shout(0), "127.0.0.1", 8080);
    const reply = yield* ask("127.0.0.1", 8080, "local\n");
    server.close();
    yield* server.waitClosed();
    network.uninstall(loop);
    let after = "";
    try {
      yield* asyncio.openConnection("127.0.0.1", 8080);
    } catch (error) {
      after = (error as Error).message;
    }
    return [reply, after];
  }
  const [reply, after] = await asyncio.run(main(), { clock: new asyncio.VirtualClock() });
  expect(reply).toBe("LOCAL\n");
  expect(after).toContain(NO_SOCKETS);
});

test("without a network, openConnection and startServer throw RuntimeError naming the call, the loop and the fake network", async () => {
  function* main() {
    const errors: unknown[] = [];
    try {
      yield* asyncio.openConnection("example.com", 80);
    } catch (error) {
      errors.push(error);
    }
    try {
      yield* asyncio.startServer(() => {}, "0.0.0.0", 8000);
    } catch (error) {
      errors.push(error);
    }
    return errors;
  }
  const [connect, serve] = await asyncio.run(main(), { clock: new asyncio.VirtualClock() });
  expect(connect).toBeInstanceOf(asyncio.RuntimeError);
  expect((connect as Error).message).toMatch(
    /^openConnection\('example\.com', 80\): no sockets in a browser; use the fake network of asyncio-ts\/testing \(network\.install\(loop\), or runTest\(main, \{ network \}\)\): <EventLoop #\d+ running debug=false> has none installed$/,
  );
  expect(serve).toBeInstanceOf(asyncio.RuntimeError);
  expect((serve as Error).message).toMatch(/^startServer\(…, '0\.0\.0\.0', 8000\): no sockets in a browser; use the fake network/);
});

test("startServer over a network still checks its callback; openConnection gets the network's refusals", async () => {
  const network = new Network({ latency: 0.02 });
  function* main() {
    const outcomes: string[] = [];
    try {
      yield* asyncio.startServer("not a function" as never, "0.0.0.0", 1);
    } catch (error) {
      outcomes.push(`${(error as Error).name}: ${(error as Error).message}`);
    }
    try {
      yield* asyncio.openConnection("127.0.0.1", 9);
    } catch (error) {
      outcomes.push(`${(error as Error).name}: ${(error as Error).message}`);
    }
    return outcomes;
  }
  expect(await runTest(main, { network })).toEqual([
    "TypeError: startServer() clientConnected must be a function or a coroutine function, got 'not a function'",
    "ConnectionRefusedError: [Errno 111] Connect call failed ('127.0.0.1', 9)",
  ]);
});

test("a task table says what a task in a stream read or drain waits for, not a bare future", async () => {
  const network = new Network({ latency: 0.05 });
  network.addHost("server");
  function* main() {
    const done = new asyncio.Event();
    // A peer that never reads: what is written to it piles up until drain must wait.
    const deaf = function* (_reader: asyncio.StreamReader, writer: asyncio.StreamWriter) {
      yield* done.wait();
      writer.close();
    };
    const server = yield* network.onHost("server", asyncio.startServer(shout(1), "0.0.0.0", 7000));
    const sink = yield* network.onHost("server", asyncio.startServer(deaf, "0.0.0.0", 7001));
    const asking = asyncio.createTask(ask("server", 7000, "hello\n"), { name: "asking" });
    const flooding = asyncio.createTask(
      (function* () {
        const [, writer] = yield* asyncio.openConnection("server", 7001);
        try {
          writer.write(new Uint8Array(1_000_000));
          yield* writer.drain();
        } finally {
          // close() would wait to send the megabyte first, as TCP's does: a peer that never reads never lets it.
          writer.transport.abort();
        }
      })(),
      { name: "flooding" },
    );
    yield* asyncio.sleep(0.5);
    const rows = asyncio.taskTable().filter((row) => row.name === "asking" || row.name === "flooding");
    flooding.cancel();
    const reply = yield* asking;
    yield* asyncio.wait([flooding]);
    done.set();
    for (const s of [server, sink]) s.close();
    for (const s of [server, sink]) yield* s.waitClosed();
    return { rows: rows.map((row) => `${row.name}: ${row.waitsOn}`), reply };
  }
  const { rows, reply } = await runTest(main, { network });
  expect(reply).toBe("HELLO\n");
  expect(rows).toEqual([
    expect.stringMatching(/^asking: waits to read from StreamReader#\d$/),
    expect.stringMatching(/^flooding: waits for the writes of StreamReaderProtocol#\d to drain$/),
  ]);
});
