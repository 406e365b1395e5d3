import * as asyncio from "asyncio-ts";
import { print } from "./_py";

function* save(log: string[]) {
  yield* asyncio.sleep(0.03);
  log.push("saved");
  return "ok";
}

function* main() {
  const log: string[] = [];
  const task = asyncio.createTask(save(log));
  try {
    yield* asyncio.asyncWith(asyncio.timeout(0.01), function* () {
      yield* asyncio.shield(task);
    });
  } catch (e) {
    if (e instanceof asyncio.TimeoutError) log.push("caller timed out");
  }
  print(log, "task still running:", !task.done());
  print(yield* task, log);
}

asyncio.runSync(main(), { clock: new asyncio.VirtualClock() });
