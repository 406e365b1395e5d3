import * as asyncio from "asyncio-ts";
import { print } from "./_py";

function* main() {
  print("empty:", [...asyncio.asCompleted([])]);
  const t = asyncio.createTask(asyncio.sleep(0.01, "dup"));
  const results: string[] = [];
  for (const f of asyncio.asCompleted([t, t])) results.push(yield* f);
  print("the same task twice counts once:", results);
  const loop = asyncio.getRunningLoop();
  const f = loop.createFuture<string>();
  f.setResult("already done");
  const results2: string[] = [];
  for (const nxt of asyncio.asCompleted([f, asyncio.createTask(asyncio.sleep(0.01, "later"))])) results2.push(yield* nxt);
  print(results2);
  const cancelled = asyncio.createTask(asyncio.sleep(1));
  cancelled.cancel();
  for (const nxt of asyncio.asCompleted([cancelled])) {
    try {
      yield* nxt;
    } catch (e) {
      if (e instanceof asyncio.CancelledError) print("a cancelled item raises CancelledError");
    }
  }
}

asyncio.runSync(main());
