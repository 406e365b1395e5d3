import * as asyncio from "asyncio-ts";
import { print } from "./_py";

const round2 = (x: number) => Math.round(x * 100) / 100;

function* main() {
  const loop = asyncio.getRunningLoop();
  const t0 = loop.time();
  try {
    yield* asyncio.asyncWith(asyncio.timeoutAt(t0 + 0.05), function* (cm) {
      print("deadline in", round2(cm.when()! - t0));
      cm.reschedule(t0 + 0.01);
      yield* asyncio.sleep(1);
    });
  } catch (e) {
    if (e instanceof asyncio.TimeoutError) print("fired at the new deadline, not the old one:", 0.01 <= loop.time() - t0 && loop.time() - t0 < 0.05);
  }
  const t1 = loop.time();
  const cm = asyncio.timeoutAt(t1 + 0.01);
  yield* asyncio.asyncWith(cm, function* () {
    cm.reschedule(t1 + 1);
    yield* asyncio.sleep(0.03);
    print("pushed later; expired:", cm.expired());
    cm.reschedule(null);
    yield* asyncio.sleep(0.01);
  });
  print("reschedule(None) disables:", cm.when());
  yield* asyncio.asyncWith(asyncio.timeoutAt(null), function* () {
    yield* asyncio.sleep(0);
  });
  print("timeout_at(None) never fires");
  try {
    yield* asyncio.asyncWith(asyncio.timeoutAt(loop.time() - 1), function* () {
      yield* asyncio.sleep(0);
    });
  } catch (e) {
    if (e instanceof asyncio.TimeoutError) print("a deadline in the past fires at the first await");
  }
}

asyncio.runSync(main(), { clock: new asyncio.VirtualClock() });
