import * as asyncio from "asyncio-ts";
import { print } from "./_py";

function* main() {
  const lock = new asyncio.Lock();
  let counter = 0;
  let unsafe = 0;
  function* safeInc() {
    yield* asyncio.asyncWith(lock, function* () {
      const v = counter;
      yield* asyncio.sleep(0);
      counter = v + 1;
    });
  }
  function* unsafeInc() {
    const v = unsafe;
    yield* asyncio.sleep(0);
    unsafe = v + 1;
  }
  yield* asyncio.gather(...Array.from({ length: 50 }, () => safeInc()));
  yield* asyncio.gather(...Array.from({ length: 50 }, () => unsafeInc()));
  print("with lock:", counter, "without:", unsafe);
}

asyncio.runSync(main());
