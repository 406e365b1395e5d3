import * as asyncio from "asyncio-ts";
import { print } from "./_py";

function* main() {
  const lock = new asyncio.Lock();
  try {
    yield* asyncio.asyncWith(lock, function* () {
      print("inside:", lock.locked());
      throw new RangeError("boom");
    });
  } catch (e) {
    if (e instanceof RangeError) print("error propagated:", e.message, "| released:", !lock.locked());
  }
  function* hold() {
    yield* asyncio.asyncWith(lock, function* () {
      yield* asyncio.sleep(1);
    });
  }
  const t = asyncio.createTask(hold());
  yield* asyncio.sleep(0);
  t.cancel();
  yield* asyncio.gather(t, { returnExceptions: true });
  print("released after cancellation:", !lock.locked());
  yield* asyncio.asyncWith(lock, function* () {});
  print("usable:", !lock.locked());
}

asyncio.runSync(main());
