import * as asyncio from "asyncio-ts";
import { print } from "./_py";

function* main() {
  const loop = asyncio.getRunningLoop();
  for (let i = 0; i < 200; i++) {
    yield* asyncio.asyncWith(asyncio.timeout(10), function* () {
      yield* asyncio.sleep(0);
    });
  }
  const scheduled = loop._scheduled.toArray();
  const live = scheduled.filter((h) => !h.cancelled());
  print("no live timers left behind:", live.length, "heap bounded:", scheduled.length < 200);
  print("cancelling():", asyncio.currentTask()!.cancelling());
}

asyncio.runSync(main());
