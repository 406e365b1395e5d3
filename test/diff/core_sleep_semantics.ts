import * as asyncio from "asyncio-ts";
import { print } from "./_py";

function* main() {
  const loop = asyncio.getRunningLoop();
  const t0 = loop.time();
  print(yield* asyncio.sleep(0.01, "r1"));
  print(yield* asyncio.sleep(-5, "negative acts like zero"));
  const order: string[] = [];
  function* sleeper(name: string, d: number) {
    yield* asyncio.sleep(d);
    order.push(name);
  }
  yield* asyncio.gather(sleeper("c", 0.09), sleeper("a", 0.03), sleeper("b", 0.06), sleeper("zero", 0));
  print(order);
  const s = asyncio.createTask(asyncio.sleep(10, "never"));
  yield* asyncio.sleep(0.01);
  s.cancel();
  try {
    yield* s;
  } catch (e) {
    if (e instanceof asyncio.CancelledError) print("sleep cancelled midway");
  }
  print("elapsed about", Math.round((loop.time() - t0) * 10) / 10);
  let counter = 0;
  function* ticker() {
    for (;;) {
      counter += 1;
      yield* asyncio.sleep(0);
    }
  }
  const tk = asyncio.createTask(ticker());
  for (let i = 0; i < 5; i++) yield* asyncio.sleep(0);
  tk.cancel();
  print("ticks during 5 sleep(0):", counter);
}

await asyncio.run(main());
