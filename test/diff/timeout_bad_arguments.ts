import * as asyncio from "asyncio-ts";
import { print, repr } from "./_py";

function* main() {
  for (const bad of ["1", [1]]) {
    try {
      yield* asyncio.asyncWith(asyncio.timeout(bad as never), function* () {
        yield* asyncio.sleep(0);
      });
      print("entered with", repr(bad));
    } catch (e) {
      if (e instanceof TypeError) print("TypeError for", repr(bad));
      else throw e;
    }
  }
  yield* asyncio.asyncWith(asyncio.timeout(undefined), function* (cm) {
    yield* asyncio.sleep(0.01);
    print("no deadline:", cm.when());
    cm.reschedule(undefined);
    try {
      cm.reschedule("2" as never);
    } catch (e) {
      if (e instanceof TypeError) print("reschedule: TypeError");
      else throw e;
    }
  });
  yield* asyncio.asyncWith(asyncio.timeoutAt(null), function* (cm) {
    print("timeout_at(None):", cm.when());
  });
  try {
    yield* asyncio.waitFor(asyncio.sleep(0), "1" as never);
  } catch (e) {
    if (e instanceof TypeError) print("wait_for: TypeError");
    else throw e;
  }
}

await asyncio.run(main());
