import { isMainThread } from "node:worker_threads";
import * as asyncio from "asyncio-ts";
import { print } from "./_py";

const request = new asyncio.ContextVar("request", { default: "none" });

export function slowSquare(x: number, delay: number) {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, delay * 1000);
  return x * x;
}
const slowSquareRef = asyncio.workerFunction<typeof slowSquare>(import.meta.url, "slowSquare");

function* ticker(stop: asyncio.Event) {
  let n = 0;
  while (!stop.isSet()) {
    n += 1;
    yield* asyncio.sleep(0.02);
  }
  return n;
}

function* main() {
  const loop = asyncio.getRunningLoop();
  request.set("r1");
  // Start the pool's threads first, so that only the work is timed.
  yield* asyncio.gather(...[0, 1, 2].map(() => asyncio.toThread(slowSquareRef, 0, 0)));
  const stop = new asyncio.Event();
  const t = asyncio.createTask(ticker(stop));
  const t0 = loop.time();
  const results = yield* asyncio.gather(
    asyncio.toThread(slowSquareRef, 2, 0.2),
    asyncio.toThread(slowSquareRef, 3, 0.05),
    asyncio.toThread(slowSquareRef, 4, 0.1),
  );
  const elapsed = loop.time() - t0;
  stop.set();
  const ticks = yield* t;
  print("results in argument order:", results);
  print("ran side by side:", elapsed < 0.3);
  print("the loop kept ticking:", ticks >= 4);
  print("context in the caller unchanged:", request.get());
}

if (isMainThread) await asyncio.run(main());
