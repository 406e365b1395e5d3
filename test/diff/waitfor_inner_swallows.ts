import * as asyncio from "asyncio-ts";
import { print } from "./_py";

function* stubborn(label: string) {
  try {
    yield* asyncio.sleep(1);
    return "not reached";
  } catch (e) {
    if (!(e instanceof asyncio.CancelledError)) throw e;
    print(label, "swallows the cancellation");
    yield* asyncio.sleep(0.02);
    return label + " fallback";
  }
}

function* failsOnCancel() {
  try {
    yield* asyncio.sleep(1);
  } catch (e) {
    if (e instanceof asyncio.CancelledError) throw new RangeError("cleanup failed");
    throw e;
  }
}

function* main() {
  const loop = asyncio.getRunningLoop();
  const t = asyncio.createTask(stubborn("task"));
  const t0 = loop.time();
  const result = yield* asyncio.waitFor(t, 0.03);
  print("wait_for returned:", result, "elapsed", (loop.time() - t0).toFixed(1));
  print("task cancelled():", t.cancelled(), "cancelling:", asyncio.currentTask()!.cancelling());
  const t2 = asyncio.createTask(failsOnCancel());
  try {
    yield* asyncio.waitFor(t2, 0.03);
  } catch (e) {
    if (e instanceof asyncio.TimeoutError) print("wrong: TimeoutError");
    else if (e instanceof RangeError) print("error from the cancelled task wins:", e.message);
    else throw e;
  }
  print("cancelling:", asyncio.currentTask()!.cancelling());
}

asyncio.runSync(main());
