import * as asyncio from "asyncio-ts";
import { print } from "./_py";

function* main() {
  const loop = asyncio.getRunningLoop();
  const log: string[] = [];
  function* watcher(cm: asyncio.Timeout) {
    yield* asyncio.sleep(0.01);
    log.push("moving the deadline to now");
    cm.reschedule(loop.time());
  }
  const cm = asyncio.timeout(10);
  try {
    yield* asyncio.asyncWith(cm, function* (cm) {
      asyncio.createTask(watcher(cm));
      yield* asyncio.sleep(1);
    });
  } catch (e) {
    if (e instanceof asyncio.TimeoutError) log.push("TimeoutError soon after");
  }
  print(log, "expired:", cm.expired());
  const cm2 = asyncio.timeout(0.01);
  yield* asyncio.asyncWith(cm2, function* () {
    cm2.reschedule(null);
    yield* asyncio.sleep(0.02);
  });
  print("disabled before it fired; expired:", cm2.expired(), "when:", cm2.when());
}

asyncio.runSync(main(), { clock: new asyncio.VirtualClock() });
