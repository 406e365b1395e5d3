import * as asyncio from "asyncio-ts";
import { print } from "./_py";

function* mirror(name: string, d: number) {
  try {
    yield* asyncio.sleep(d);
    return name;
  } catch (e) {
    if (e instanceof asyncio.CancelledError) print(name, "cancelled");
    throw e;
  }
}

function* main() {
  const tasks = ([["eu", 0.03], ["us", 0.01], ["asia", 0.02]] as const).map(([n, d]) => asyncio.createTask(mirror(n, d)));
  let winner = "";
  for (const nxt of asyncio.asCompleted(tasks)) {
    winner = yield* nxt;
    break;
  }
  for (const t of tasks) t.cancel();
  yield* asyncio.gather(...tasks, { returnExceptions: true });
  print("winner:", winner);
}

asyncio.runSync(main(), { clock: new asyncio.VirtualClock() });
