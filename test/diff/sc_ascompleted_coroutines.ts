import * as asyncio from "asyncio-ts";
import { print } from "./_py";

function* job(name: string, d: number) {
  yield* asyncio.sleep(d);
  return name;
}

function* main() {
  const results: string[] = [];
  for (const nxt of asyncio.asCompleted([job("slow", 0.03), job("fast", 0.01), job("mid", 0.02)])) results.push(yield* nxt);
  print(results);
  const loop = asyncio.getRunningLoop();
  const f = loop.createFuture<string>();
  loop.callLater(0.01, (v: string) => f.setResult(v), "future");
  const mixed: string[] = [];
  for (const nxt of asyncio.asCompleted<string>([f, job("coro", 0.02)])) mixed.push(yield* nxt);
  print(mixed);
}

asyncio.runSync(main(), { clock: new asyncio.VirtualClock() });
