import * as asyncio from "asyncio-ts";
import { print } from "./_py";

function* main() {
  const loop = asyncio.getRunningLoop();
  const done = loop.createFuture<string>();
  done.setResult("was done");
  const soon = loop.createFuture<string>();
  loop.callSoon((v: string) => soon.setResult(v), "set by call_soon");
  const pending = asyncio.createTask(asyncio.sleep(1, "too slow"));
  for (const aw of asyncio.asCompleted<string>([done, soon, pending], { timeout: 0 })) {
    try {
      print("got", yield* aw);
    } catch (e) {
      if (!(e instanceof asyncio.TimeoutError)) throw e;
      print("TimeoutError");
    }
  }
  pending.cancel();
  // only finished futures, timeout 0: every item has a result
  const a = loop.createFuture<number>();
  a.setResult(1);
  const results: number[] = [];
  for (const aw of asyncio.asCompleted([a], { timeout: 0 })) results.push(yield* aw);
  print(results);
}

asyncio.runSync(main());
