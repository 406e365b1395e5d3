import * as asyncio from "asyncio-ts";
import { print } from "./_py";

function* main() {
  const cm = asyncio.timeout(1);
  yield* asyncio.asyncWith(cm, function* () {
    yield* asyncio.sleep(0);
  });
  for (const action of ["reenter", "reschedule"]) {
    try {
      if (action === "reenter") {
        yield* asyncio.asyncWith(cm, function* () {});
      } else {
        cm.reschedule(5);
      }
    } catch (e) {
      if (e instanceof asyncio.RuntimeError) print(action, "->", e.message);
    }
  }
  print("when() kept after exit:", cm.when() !== null, "expired:", cm.expired());
}

asyncio.runSync(main());
