import * as asyncio from "asyncio-ts";
import { print } from "./_py";

function* main() {
  const loop = asyncio.getRunningLoop();
  const [a, b, c] = [loop.createFuture<number>(), loop.createFuture<number>(), loop.createFuture<number>()];
  a.addDoneCallback((f) => b.setResult(f.result() + 1));
  b.addDoneCallback((f) => c.setResult(f.result() * 10));
  const log: string[] = [];
  c.addDoneCallback(() => log.push("c done"));
  loop.callSoon((s: string) => log.push(s), "tick 1");
  a.setResult(1);
  loop.callSoon((s: string) => log.push(s), "tick 2");
  print(yield* c, log);
  yield* asyncio.sleep(0);
  print(log);
}

asyncio.runSync(main());
