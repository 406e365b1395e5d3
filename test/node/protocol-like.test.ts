/**
 * Protocols written as CPython's documentation writes them, with no base class: a class
 * with just the methods a program uses type-checks and runs, and what it lacks does what
 * the base class's method does (nothing).
 */
import * as asyncio from "asyncio-ts";
import { expect, test } from "vitest";

const decode = (data: Uint8Array) => new TextDecoder().decode(data);

test("a TCP protocol with only dataReceived, on both ends; its own fields and keys unchanged", async () => {
  class Collector {
    chunks: string[] = [];
    dataReceived(data: Uint8Array) {
      this.chunks.push(decode(data));
    }
  }
  const out = await asyncio.run(
    (function* () {
      const loop = asyncio.getRunningLoop();
      const serverSide = new Collector();
      const server = yield* loop.createServer(() => serverSide, "127.0.0.1", 0);
      const [host, port] = server.sockets[0]!.getsockname();
      // The client is typed as its own class: no `extends asyncio.Protocol`, no cast.
      const [transport, client] = yield* loop.createConnection(() => new Collector(), host, port);
      expect(client).toBeInstanceOf(Collector);
      transport.write("hello");
      while (serverSide.chunks.length === 0) yield* asyncio.sleep(0.001);
      transport.close();
      server.close();
      yield* server.waitClosed();
      return { got: serverSide.chunks.join(""), keys: Object.keys(serverSide), hasNoOp: typeof (serverSide as unknown as asyncio.Protocol).eofReceived };
    })(),
  );
  expect(out).toEqual({ got: "hello", keys: ["chunks"], hasNoOp: "function" });
});

test("a buffered protocol without the base class is fed through getBuffer and bufferUpdated", async () => {
  class Into {
    buffer = new Uint8Array(4);
    received: string[] = [];
    done = asyncio.getEventLoop().createFuture<void>();
    getBuffer() {
      return this.buffer;
    }
    bufferUpdated(n: number) {
      this.received.push(decode(this.buffer.subarray(0, n)));
    }
    eofReceived() {
      this.done.setResult(undefined);
      return false;
    }
  }
  const received = await asyncio.run(
    (function* () {
      const loop = asyncio.getRunningLoop();
      const into = new Into();
      const server = yield* loop.createServer(() => into, "127.0.0.1", 0);
      const [host, port] = server.sockets[0]!.getsockname();
      const [transport] = yield* loop.createConnection(() => new asyncio.Protocol(), host, port);
      transport.write("abcdefghij");
      transport.writeEof();
      yield* into.done;
      transport.close();
      server.close();
      yield* server.waitClosed();
      return into.received.join("");
    })(),
  );
  expect(received).toBe("abcdefghij");
});

test("setProtocol takes a protocol without the base class too", async () => {
  const log = await asyncio.run(
    (function* () {
      const loop = asyncio.getRunningLoop();
      const log: string[] = [];
      const got = loop.createFuture<void>();
      const server = yield* loop.createServer(
        () =>
          new (class extends asyncio.Protocol {
            override connectionMade(transport: asyncio.BaseTransport) {
              transport.setProtocol({
                dataReceived(data: Uint8Array) {
                  log.push(`new protocol got ${decode(data)}`);
                  got.setResult(undefined);
                },
              });
            }
          })(),
        "127.0.0.1",
        0,
      );
      const [host, port] = server.sockets[0]!.getsockname();
      const [transport] = yield* loop.createConnection(() => new asyncio.Protocol(), host, port);
      yield* asyncio.sleep(0.01);
      transport.write("x");
      yield* got;
      transport.close();
      server.close();
      yield* server.waitClosed();
      return log;
    })(),
  );
  expect(log).toEqual(["new protocol got x"]);
});

test("a factory that returns no object fails clearly; an object with no protocol method does not type-check", async () => {
  const error = await asyncio.run(
    (function* () {
      const loop = asyncio.getRunningLoop();
      const server = yield* loop.createServer(() => new asyncio.Protocol(), "127.0.0.1", 0);
      const [host, port] = server.sockets[0]!.getsockname();
      try {
        yield* loop.createConnection(() => 42 as never, host, port);
        return null;
      } catch (e) {
        return e;
      } finally {
        server.close();
        yield* server.waitClosed();
      }
    })(),
  );
  expect(String(error)).toBe("TypeError: a protocol factory must return a protocol object (with methods such as connectionMade), got 42");
  const typeOnly = (loop: asyncio.EventLoop) => {
    class NotAProtocol {
      greet() {}
    }
    // @ts-expect-error a class sharing no method with Protocol is not a protocol
    return loop.createConnection(() => new NotAProtocol(), "127.0.0.1", 1);
  };
  expect(typeof typeOnly).toBe("function");
});
