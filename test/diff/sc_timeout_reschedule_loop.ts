import * as asyncio from "asyncio-ts";
import { print } from "./_py";

function* main() {
  const loop = asyncio.getRunningLoop();
  // A heartbeat extends its own deadline while work keeps arriving.
  let beats = 0;
  try {
    yield* asyncio.asyncWith(asyncio.timeout(0.03), function* (cm) {
      for (let i = 0; i < 5; i++) {
        yield* asyncio.sleep(0.02);
        beats += 1;
        cm.reschedule(loop.time() + 0.03);
      }
      yield* asyncio.sleep(1);
    });
  } catch (e) {
    if (e instanceof asyncio.TimeoutError) print("heartbeats before the deadline won:", beats);
  }
  // expired() flips only when the deadline passes.
  const cm = asyncio.timeout(0.02);
  yield* asyncio.asyncWith(cm, function* () {
    yield* asyncio.sleep(0.01);
    print("expired halfway:", cm.expired());
  });
  print("expired after leaving early:", cm.expired());
}

asyncio.runSync(main(), { clock: new asyncio.VirtualClock() });
