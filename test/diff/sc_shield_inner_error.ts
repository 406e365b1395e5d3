import * as asyncio from "asyncio-ts";
import { print } from "./_py";

function* failsLater(): asyncio.Coroutine<never> {
  yield* asyncio.sleep(0.02);
  throw new RangeError("inner failed after the shield was cancelled");
}

function* main() {
  const inner = asyncio.createTask(failsLater());
  const outer = asyncio.shield(inner);
  yield* asyncio.sleep(0);
  outer.cancel();
  try {
    yield* outer;
  } catch (e) {
    if (e instanceof asyncio.CancelledError) print("outer cancelled");
  }
  try {
    yield* inner;
  } catch (e) {
    if (e instanceof RangeError) print("the inner error is still there to read:", e.message);
  }
  const inner2 = asyncio.createTask(failsLater());
  try {
    yield* asyncio.shield(inner2);
  } catch (e) {
    if (e instanceof RangeError) print("without cancellation the error comes through the shield:", e.message);
  }
}

asyncio.runSync(main(), { clock: new asyncio.VirtualClock() });
