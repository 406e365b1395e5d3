import * as asyncio from "asyncio-ts";
import { excName, print, repr } from "./_py";

function* main() {
  const loop = asyncio.getRunningLoop();
  const task = asyncio.currentTask()!;
  const t0 = loop.time();
  const cm = asyncio.timeout(0.1);
  print("before enter: expired", cm.expired(), "when offset", Math.round((cm.when()! - t0) * 10) / 10);
  try {
    yield* asyncio.asyncWith(cm, function* (entered) {
      print("aenter returns the Timeout:", entered === cm, "expired:", cm.expired());
      try {
        yield* asyncio.sleep(1);
      } catch (e) {
        if (e instanceof asyncio.CancelledError) print("body sees CancelledError; cancelling:", task.cancelling(), "expired:", cm.expired());
        throw e;
      }
      print("not reached");
    });
  } catch (e) {
    if (!(e instanceof asyncio.TimeoutError)) throw e;
    print("TimeoutError caught outside:", excName(e), repr(e.message), e instanceof asyncio.TimeoutError);
  }
  print("elapsed", Math.round((loop.time() - t0) * 10) / 10, "expired:", cm.expired());
  print("cancelling after:", task.cancelling(), "task cancelled:", task.cancelled());
  yield* asyncio.sleep(0.01);
  print("next await works");
}

asyncio.runSync(main());
