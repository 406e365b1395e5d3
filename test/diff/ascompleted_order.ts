import * as asyncio from "asyncio-ts";
import { print } from "./_py";

function* job(name: string, delay: number) {
  yield* asyncio.sleep(delay);
  print("job", name, "finishing");
  return name;
}

function* main() {
  const loop = asyncio.getRunningLoop();
  const t0 = loop.time();
  const tasks = (
    [
      ["c", 0.06],
      ["a", 0.02],
      ["d", 0.08],
      ["b", 0.04],
    ] as const
  ).map(([n, d]) => asyncio.createTask(job(n, d)));
  const order: string[] = [];
  let i = 0;
  for (const nextDone of asyncio.asCompleted(tasks)) {
    const result = yield* nextDone;
    print("item", i, "->", result);
    order.push(result);
    i++;
  }
  print("completion order:", order, "elapsed", (loop.time() - t0).toFixed(1));
  const fut = loop.createFuture<string>();
  loop.callLater(0.01, (v: string) => fut.setResult(v), "future");
  const t = asyncio.createTask(job("task", 0.03));
  const results: string[] = [];
  for (const c of asyncio.asCompleted<string>([t, fut])) results.push(yield* c);
  print(results);
}

asyncio.runSync(main());
