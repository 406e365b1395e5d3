import * as asyncio from "asyncio-ts";
import { print } from "./_py";

function* main() {
  const loop = asyncio.getRunningLoop();
  const slots = [0, 1, 2, 3, 4].map(() => loop.createFuture<number>());
  function* producer() {
    for (const [i, f] of slots.entries()) {
      yield* asyncio.sleep(0.005 * (5 - i));
      f.setResult(i * i);
      print("produced", i);
    }
  }
  function* consumer() {
    let total = 0;
    for (const f of slots) {
      total += yield* f;
      print("consumed", f.result());
    }
    return total;
  }
  const p = asyncio.createTask(producer());
  print("total", yield* consumer());
  yield* p;
}

asyncio.runSync(main());
