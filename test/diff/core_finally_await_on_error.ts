import * as asyncio from "asyncio-ts";
import { print } from "./_py";

function* withCleanup(fail: boolean) {
  try {
    yield* asyncio.sleep(0);
    if (fail) throw new RangeError("body failed");
    return "ok";
  } finally {
    print("cleanup starts");
    yield* asyncio.sleep(0.01);
    print("cleanup ends");
  }
}

function* main() {
  print(yield* withCleanup(false));
  try {
    yield* withCleanup(true);
  } catch (e) {
    if (e instanceof RangeError) print("propagated after async cleanup:", e.message);
  }
  const t = asyncio.createTask(withCleanup(false));
  yield* asyncio.sleep(0);
  t.cancel();
  try {
    yield* t;
  } catch (e) {
    if (e instanceof asyncio.CancelledError) print("cancelled, cleanup ran fully");
  }
}

asyncio.runSync(main());
