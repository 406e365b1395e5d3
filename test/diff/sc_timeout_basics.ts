import * as asyncio from "asyncio-ts";
import { print } from "./_py";

function* main() {
  const loop = asyncio.getRunningLoop();
  let cm = asyncio.timeout(0.02);
  try {
    yield* asyncio.asyncWith(cm, function* (cm) {
      print("when set:", cm.when() !== null, "expired:", cm.expired());
      yield* asyncio.sleep(1);
    });
  } catch (e) {
    if (!(e instanceof asyncio.TimeoutError)) throw e;
    print("TimeoutError; expired:", cm.expired());
  }
  cm = asyncio.timeout(0.5);
  yield* asyncio.asyncWith(cm, function* () {
    yield* asyncio.sleep(0.01);
  });
  print("no expiry:", cm.expired());
  yield* asyncio.asyncWith(asyncio.timeout(null), function* (cm) {
    print("when None:", cm.when());
    cm.reschedule(loop.time() + 0.01);
    try {
      yield* asyncio.sleep(1);
    } catch (e) {
      if (e instanceof asyncio.CancelledError) print("inside sees CancelledError");
      throw e;
    }
  });
  print("unreachable");
}

function* outer() {
  try {
    yield* main();
  } catch (e) {
    if (!(e instanceof asyncio.TimeoutError)) throw e;
    print("rescheduled timeout fired");
  }
  const cm = asyncio.timeout(0.01);
  try {
    cm.reschedule(1);
  } catch (e) {
    if (e instanceof asyncio.RuntimeError) print("RuntimeError:", e.message);
  }
  try {
    yield* asyncio.asyncWith(asyncio.timeout(0.01), function* () {
      try {
        yield* asyncio.sleep(1);
      } finally {
        print("cleanup before TimeoutError");
      }
    });
  } catch (e) {
    if (!(e instanceof asyncio.TimeoutError)) throw e;
    print("cause is CancelledError:", (e.cause as Error).name);
  }
  try {
    yield* asyncio.asyncWith(asyncio.timeout(-1), function* () {
      yield* asyncio.sleep(0);
    });
  } catch (e) {
    if (e instanceof asyncio.TimeoutError) print("negative delay expires at once");
  }
}

asyncio.runSync(outer());
