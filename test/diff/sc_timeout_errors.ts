import * as asyncio from "asyncio-ts";
import { print } from "./_py";

function* main() {
  const t = asyncio.timeout(1);
  yield* asyncio.asyncWith(t, function* () {
    try {
      yield* asyncio.asyncWith(t, function* () {});
    } catch (e) {
      if (e instanceof asyncio.RuntimeError) print("RuntimeError:", e.message);
    }
  });
  try {
    t.reschedule(null);
  } catch (e) {
    if (e instanceof asyncio.RuntimeError) print("RuntimeError:", e.message);
  }
  yield* asyncio.asyncWith(asyncio.timeout(0.5), function* () {
    function* inner() {
      try {
        yield* asyncio.asyncWith(asyncio.timeout(0.01), function* () {
          throw new RangeError("not a timeout");
        });
      } catch (e) {
        if (e instanceof RangeError) return `other errors pass through: ${e.message}`;
        throw e;
      }
    }
    print(yield* inner());
  });
  try {
    yield* asyncio.asyncWith(asyncio.timeout(0.01), function* () {
      try {
        yield* asyncio.sleep(1);
      } catch (e) {
        if (e instanceof asyncio.CancelledError) throw new RangeError("raised while being cancelled");
        throw e;
      }
    });
  } catch (e) {
    if (e instanceof RangeError) print("an error replacing the cancellation is kept:", e.message);
    else if (e instanceof asyncio.TimeoutError) print("TimeoutError");
  }
}

asyncio.runSync(main());
