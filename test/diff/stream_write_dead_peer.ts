// A server writes to a client that has closed, then drains, as a chat server writing to
// every client does: the first write goes out (the peer's kernel answers it with a
// reset), the next one fails at once, the transport starts closing, drain() raises
// ConnectionResetError('Connection lost'), and the program's dead-client handling runs.
import * as asyncio from "asyncio-ts";
import { bytesRepr } from "./_bytes";
import { print } from "./_py";

function* main() {
  const connected = new asyncio.Event();
  const clients: { w?: asyncio.StreamWriter; r?: asyncio.StreamReader } = {};

  function* handle(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) {
    clients.w = writer;
    clients.r = reader;
    connected.set();
  }

  const server = yield* asyncio.startServer(handle, "127.0.0.1", 0);
  const port = server.sockets[0]!.getsockname()[1];
  const [, writer] = yield* asyncio.openConnection("127.0.0.1", port);
  yield* connected.wait();
  writer.close();
  yield* writer.waitClosed();
  const peer = clients.w!;
  print("server reads EOF:", bytesRepr(yield* clients.r!.read()));
  const dead: number[] = [];
  for (let i = 0; i < 4; i++) {
    peer.write("hello\n");
    print(i, "write accepted; closing:", peer.isClosing());
    try {
      yield* peer.drain();
      print(i, "drain returned");
    } catch (e) {
      if (!(e instanceof asyncio.ConnectionError)) throw e;
      print(i, "drain raised", e.name, e.message);
      dead.push(i);
    }
    yield* asyncio.sleep(0.05);
    print(i, "after a pause; closing:", peer.isClosing());
  }
  print("dead-client handling ran at write", dead[0], "then", dead.slice(1));
  try {
    yield* peer.waitClosed();
    print("wait_closed returned");
  } catch (e) {
    if (!(e instanceof asyncio.ConnectionError)) throw e;
    print("wait_closed raised", e.name, e.message);
  }
  server.close();
  yield* server.waitClosed();
}

await asyncio.run(main());
