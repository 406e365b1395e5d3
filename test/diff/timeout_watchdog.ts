import * as asyncio from "asyncio-ts";
import { print } from "./_py";

function* main() {
  const loop = asyncio.getRunningLoop();
  const t0 = loop.time();
  let beats = 0;
  try {
    yield* asyncio.asyncWith(asyncio.timeout(0.04), function* (cm) {
      while (true) {
        yield* asyncio.sleep(0.02);
        beats += 1;
        if (beats <= 5) {
          // each heartbeat pushes the deadline further
          cm.reschedule(loop.time() + 0.04);
          print("beat", beats, "deadline pushed");
        } else {
          print("beat", beats, "no push");
        }
      }
    });
  } catch (e) {
    if (!(e instanceof asyncio.TimeoutError)) throw e;
    print("watchdog fired after", beats, "beats; elapsed", (loop.time() - t0).toFixed(1));
  }
}

asyncio.runSync(main());
