import * as asyncio from "asyncio-ts";
import { print } from "./_py";

function* main() {
  const task = asyncio.currentTask()!;
  let cm = asyncio.timeout(0.1);
  try {
    yield* asyncio.asyncWith(cm, function* () {
      yield* asyncio.sleep(0.01);
      throw new RangeError("before the deadline");
    });
  } catch (e) {
    if (e instanceof asyncio.TimeoutError) print("wrong: TimeoutError");
    else if (e instanceof RangeError) print("ValueError passes through:", e.message, "expired:", cm.expired());
    else throw e;
  }
  cm = asyncio.timeout(0.01);
  try {
    yield* asyncio.asyncWith(cm, function* () {
      try {
        yield* asyncio.sleep(1);
      } catch (e) {
        if (e instanceof asyncio.CancelledError) throw new RangeError("raised while handling the expiry");
        throw e;
      }
    });
  } catch (e) {
    if (e instanceof asyncio.TimeoutError) print("wrong: TimeoutError");
    else if (e instanceof RangeError) print("ValueError wins over the timeout:", e.message, "expired:", cm.expired());
    else throw e;
  }
  print("cancelling:", task.cancelling());
  cm = asyncio.timeout(0.01);
  try {
    yield* asyncio.asyncWith(cm, function* () {
      try {
        yield* asyncio.sleep(1);
      } finally {
        print("finally runs before the TimeoutError");
        yield* asyncio.sleep(0.01);
        print("finally can still await");
      }
    });
  } catch (e) {
    if (!(e instanceof asyncio.TimeoutError)) throw e;
    print("TimeoutError after cleanup; expired:", cm.expired());
  }
  print("cancelling:", task.cancelling());
}

asyncio.runSync(main());
