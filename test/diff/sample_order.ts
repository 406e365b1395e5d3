import * as asyncio from "asyncio-ts";
import { print } from "./_py";

function* worker(name: string, n: number) {
  for (let i = 0; i < n; i++) {
    print(name, "step", i);
    yield* asyncio.sleep(0);
  }
  return name.repeat(2);
}

function* main() {
  const loop = asyncio.getRunningLoop();
  loop.callSoon(print, "callback 1");
  const t1 = asyncio.createTask(worker("a", 3));
  loop.callSoon(print, "callback 2");
  const t2 = asyncio.createTask(worker("b", 2));
  print("created");
  const results = yield* asyncio.gather(t1, t2);
  print("results", results);
}

asyncio.runSync(main());
