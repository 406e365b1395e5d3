import * as asyncio from "asyncio-ts";
import { print } from "./_py";

function* main() {
  const loop = asyncio.getRunningLoop();
  const t0 = loop.time();
  let beats = 0;
  try {
    yield* asyncio.asyncWith(asyncio.timeout(0.23), function* (cm) {
      while (true) {
        yield* asyncio.sleep(0.1);
        beats += 1;
        if (beats <= 5) {
          // each heartbeat pushes the deadline further
          cm.reschedule(loop.time() + 0.23);
          print("beat", beats, "deadline pushed");
        } else {
          print("beat", beats, "no push");
        }
      }
    });
  } catch (e) {
    if (!(e instanceof asyncio.TimeoutError)) throw e;
    // the deadline (0.73 s) falls between beats 7 and 8, 30 ms from either, so load cannot reorder them
    print("watchdog fired after", beats, "beats; on time:", loop.time() - t0 >= 0.72);
  }
}

asyncio.runSync(main());
