import * as asyncio from "asyncio-ts";
import { print } from "./_py";

function tryReschedule(label: string, cm: asyncio.Timeout, when: number | null) {
  try {
    cm.reschedule(when);
    print(label, "-> ok");
  } catch (e) {
    if (!(e instanceof asyncio.RuntimeError)) throw e;
    print(label, "-> RuntimeError:", e.message);
  }
}

function* main() {
  const loop = asyncio.getRunningLoop();
  let cm = asyncio.timeout(1);
  tryReschedule("created", cm, loop.time() + 1);
  yield* asyncio.asyncWith(cm, function* () {
    tryReschedule("active", cm, loop.time() + 2);
  });
  tryReschedule("finished", cm, loop.time() + 1);
  tryReschedule("finished, None", cm, null);
  cm = asyncio.timeout(0.01);
  try {
    yield* asyncio.asyncWith(cm, function* () {
      try {
        yield* asyncio.sleep(1);
      } catch (e) {
        if (e instanceof asyncio.CancelledError) tryReschedule("expiring", cm, loop.time() + 5);
        throw e;
      }
    });
  } catch (e) {
    if (!(e instanceof asyncio.TimeoutError)) throw e;
    print("timed out anyway");
  }
  tryReschedule("expired", cm, loop.time() + 1);
  print("when kept:", cm.when() !== null);
  // a Timeout can be entered only once
  for (const cm of [asyncio.timeout(1), asyncio.timeout(0.01)]) {
    try {
      yield* asyncio.asyncWith(cm, function* () {
        yield* asyncio.sleep(0.02);
      });
    } catch (e) {
      if (!(e instanceof asyncio.TimeoutError)) throw e;
      print("first use timed out");
    }
    try {
      yield* asyncio.asyncWith(cm, function* () {
        print("entered twice (wrong)");
      });
    } catch (e) {
      if (!(e instanceof asyncio.RuntimeError)) throw e;
      print("second enter -> RuntimeError:", e.message);
    }
  }
  cm = asyncio.timeout(1);
  yield* asyncio.asyncWith(cm, function* (cm) {
    try {
      yield* asyncio.asyncWith(cm, function* () {
        print("nested re-entry (wrong)");
      });
    } catch (e) {
      if (!(e instanceof asyncio.RuntimeError)) throw e;
      print("nested enter -> RuntimeError:", e.message);
    }
    tryReschedule("still active", cm, null);
  });
}

asyncio.runSync(main());
