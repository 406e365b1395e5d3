import * as asyncio from "asyncio-ts";
import { print } from "./_py";

function* main() {
  const loop = asyncio.getRunningLoop();
  const fut = loop.createFuture();
  const log: string[] = [];
  function* waiter(name: string) {
    yield* fut;
    log.push(name);
  }
  const tasks = [..."abc"].map((n) => asyncio.createTask(waiter(n)));
  yield* asyncio.sleep(0);
  const late = asyncio.createTask(waiter("late"));
  fut.addDoneCallback(() => log.push("callback"));
  yield* asyncio.sleep(0);
  fut.setResult(undefined);
  log.push("set");
  yield* asyncio.gather(...tasks, late);
  print(log);
}

asyncio.runSync(main());
