import * as asyncio from "asyncio-ts";
import { print } from "./_py";

function* main() {
  const loop = asyncio.getRunningLoop();
  const ev = new asyncio.Event();
  const log: string[] = [];
  function* waiter() {
    yield* ev.wait();
    log.push("waiter woke");
  }
  const t = asyncio.createTask(waiter());
  loop.callLater(0.01, () => ev.set());
  loop.callLater(0.01, (s: string) => log.push(s), "timer after set");
  yield* t;
  log.push("main resumed");
  print(log);
  const q = new asyncio.Queue<string>();
  loop.callSoon((s: string) => q.putNowait(s), "from a callback");
  print(yield* q.get());
}

asyncio.runSync(main(), { clock: new asyncio.VirtualClock() });
