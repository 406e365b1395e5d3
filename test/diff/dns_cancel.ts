import * as asyncio from "asyncio-ts";
import { print, repr } from "./_py";

const { socket } = asyncio;

function* main() {
  const loop = asyncio.getRunningLoop();
  const task = asyncio.createTask(loop.getaddrinfo("localhost", 80, { type: socket.SOCK_STREAM }));
  yield* asyncio.sleep(0);
  print("cancel requested:", task.cancel());
  try {
    yield* task;
  } catch (e) {
    if (!(e instanceof asyncio.CancelledError)) throw e;
    print("lookup cancelled:", task.cancelled());
  }
  const infos = yield* loop.getaddrinfo("127.0.0.1", 80, { type: socket.SOCK_STREAM });
  const [host, port] = infos[0][4];
  print("the next lookup works:", `(${repr(host)}, ${port})`);
}

await asyncio.run(main());
