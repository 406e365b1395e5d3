import * as asyncio from "asyncio-ts";
import { print } from "./_py";

type Box = [asyncio.Future<number>];

function* player(name: string, inbox: Box, outbox: Box, rounds: number, loop: asyncio.EventLoop) {
  for (let i = 0; i < rounds; i++) {
    const fut = inbox[0];
    const ball = yield* fut;
    print(name, "got", ball);
    inbox[0] = loop.createFuture<number>();
    loop.callSoon(print, "  (callback queued by " + name + ")");
    outbox[0].setResult(ball + 1);
  }
  return name + " done";
}

function* main() {
  const loop = asyncio.getRunningLoop();
  const aBox: Box = [loop.createFuture<number>()];
  const bBox: Box = [loop.createFuture<number>()];
  const a = asyncio.createTask(player("A", aBox, bBox, 3, loop));
  const b = asyncio.createTask(player("B", bBox, aBox, 3, loop));
  yield* asyncio.sleep(0);
  print("serve");
  aBox[0].setResult(0);
  print(yield* asyncio.gather(a, b));
  print("last ball waiting for A:", aBox[0].done(), aBox[0].done() ? aBox[0].result() : undefined);
}

asyncio.runSync(main());
