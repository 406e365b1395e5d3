import * as asyncio from "asyncio-ts";
import { print } from "./_py";

function* job(name: string, d: number, log: string[]) {
  yield* asyncio.sleep(d);
  log.push(name);
  return name.toUpperCase();
}

function* main() {
  const log: string[] = [];
  let ts: asyncio.Task<string>[] = [];
  yield* asyncio.asyncWith(new asyncio.TaskGroup(), function* (tg) {
    ts = ([["a", 0.03], ["b", 0.01], ["c", 0.02]] as const).map(([n, d]) => tg.createTask(job(n, d, log)));
  });
  print("completion order:", log, "| creation order results:", ts.map((t) => t.result()));
}

asyncio.runSync(main(), { clock: new asyncio.VirtualClock() });
