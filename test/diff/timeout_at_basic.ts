import * as asyncio from "asyncio-ts";
import { print } from "./_py";

function* main() {
  const loop = asyncio.getRunningLoop();
  const t0 = loop.time();
  let deadline = t0 + 0.07;
  let cm = asyncio.timeoutAt(deadline);
  print("when is the deadline:", cm.when() === deadline);
  try {
    yield* asyncio.asyncWith(cm, function* () {
      yield* asyncio.sleep(1);
    });
  } catch (e) {
    if (!(e instanceof asyncio.TimeoutError)) throw e;
    print("timeout_at fired at", (loop.time() - t0).toFixed(1), "expired", cm.expired());
  }
  cm = asyncio.timeoutAt(null);
  yield* asyncio.asyncWith(cm, function* (cm) {
    yield* asyncio.sleep(0.01);
    print("timeout_at(None): when", cm.when());
    cm.reschedule(loop.time() + 0.2);
    yield* asyncio.sleep(0.01);
  });
  print("no expiry:", cm.expired());
  // a deadline computed before a long await may already be in the past on entry
  deadline = loop.time() + 0.02;
  yield* asyncio.sleep(0.05);
  try {
    yield* asyncio.asyncWith(asyncio.timeoutAt(deadline), function* () {
      print("entered a past deadline");
      yield* asyncio.sleep(0.1);
    });
  } catch (e) {
    if (!(e instanceof asyncio.TimeoutError)) throw e;
    print("past deadline fires at once; elapsed", (loop.time() - t0).toFixed(1));
  }
}

asyncio.runSync(main());
