import * as asyncio from "asyncio-ts";
import { print } from "./_py";

function* work(log: string[]) {
  try {
    yield* asyncio.sleep(0.08);
    log.push("work finished");
    return 42;
  } catch (e) {
    if (e instanceof asyncio.CancelledError) log.push("work cancelled");
    throw e;
  }
}

function* main() {
  const log: string[] = [];
  const inner = asyncio.createTask(work(log));
  function* shieldedCaller() {
    try {
      return yield* asyncio.shield(inner);
    } catch (e) {
      if (e instanceof asyncio.CancelledError) log.push("caller cancelled inside shield");
      throw e;
    }
  }
  const c = asyncio.createTask(shieldedCaller());
  yield* asyncio.sleep(0.01);
  print("cancel caller:", c.cancel(), "cancel again:", c.cancel());
  yield* asyncio.gather(c, { returnExceptions: true });
  print("inner done?", inner.done());
  print("inner result", yield* inner);
  print(log);
  const w = asyncio.createTask(asyncio.waitFor(asyncio.shield(asyncio.sleep(0.03, "late")), 0.01));
  try {
    yield* w;
  } catch (e) {
    if (e instanceof asyncio.TimeoutError) print("wait_for timed out around a shield");
  }
  yield* asyncio.sleep(0.03);
}

asyncio.runSync(main());
