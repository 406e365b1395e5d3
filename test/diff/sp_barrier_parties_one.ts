import * as asyncio from "asyncio-ts";
import { print } from "./_py";

function* main() {
  const b = new asyncio.Barrier(1);
  const idx: number[] = [];
  for (let i = 0; i < 3; i++) idx.push(yield* b.wait());
  print(idx, b.nWaiting, b.broken);
  const b3 = new asyncio.Barrier(3);
  const first = asyncio.createTask(b3.wait());
  yield* asyncio.sleep(0);
  const second = asyncio.createTask(b3.wait());
  yield* asyncio.sleep(0);
  print("two waiting:", b3.nWaiting);
  const third = yield* b3.wait();
  print("indexes:", first.done() ? first.result() : "pending", yield* first, yield* second, third);
}

asyncio.runSync(main());
