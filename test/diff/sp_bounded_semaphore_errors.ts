import * as asyncio from "asyncio-ts";
import { print } from "./_py";

function* main() {
  const b = new asyncio.BoundedSemaphore(2);
  yield* b.acquire();
  yield* b.acquire();
  b.release();
  b.release();
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      b.release();
    } catch (e) {
      if (e instanceof RangeError) print("attempt", attempt, "ValueError:", e.message);
    }
  }
  yield* asyncio.asyncWith(b, function* () {
    yield* asyncio.asyncWith(b, function* () {});
  });
  print("bounded semaphore still works; locked:", b.locked());
  const s = new asyncio.Semaphore();
  print("default value 1:", !s.locked());
  yield* s.acquire();
  print("then locked:", s.locked());
  s.release();
  try {
    new asyncio.BoundedSemaphore(-2);
  } catch (e) {
    if (e instanceof RangeError) print("ValueError:", e.message);
  }
}

asyncio.runSync(main());
