import * as asyncio from "asyncio-ts";
import { print } from "./_py";

function* work(delay: number, value: string, fail = false) {
  yield* asyncio.sleep(delay);
  if (fail) throw new RangeError(value);
  return value;
}

function* main() {
  const loop = asyncio.getRunningLoop();
  const t0 = loop.time();
  print(yield* asyncio.waitFor(work(0.1, "waited fully"), null));
  print("elapsed", (loop.time() - t0).toFixed(1));
  try {
    yield* asyncio.waitFor(work(0.01, "boom", true), null);
  } catch (e) {
    if (!(e instanceof RangeError)) throw e;
    print("error passes through:", e.message);
  }
  try {
    yield* asyncio.waitFor(work(0.01, "boom with timeout", true), 1);
  } catch (e) {
    if (!(e instanceof RangeError)) throw e;
    print("error passes through:", e.message);
  }
  const t = asyncio.createTask(work(0.01, "task"));
  print(yield* asyncio.waitFor(t, null), t.done());
  print("cancelling:", asyncio.currentTask()!.cancelling());
}

asyncio.runSync(main());
