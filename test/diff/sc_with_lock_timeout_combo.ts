import * as asyncio from "asyncio-ts";
import { print } from "./_py";

function* main() {
  const lock = new asyncio.Lock();
  yield* lock.acquire();
  try {
    yield* asyncio.asyncWith(asyncio.timeout(0.01), function* () {
      yield* asyncio.asyncWith(lock, function* () {
        print("never");
      });
    });
  } catch (e) {
    if (e instanceof asyncio.TimeoutError) print("gave up waiting for the lock; still held by main:", lock.locked());
  }
  print("no waiter left behind:", lock._waiters.size);
  lock.release();
  yield* asyncio.asyncWith(asyncio.timeout(0.1), function* () {
    yield* asyncio.asyncWith(lock, function* () {
      print("got it in time");
    });
  });
  const sem = new asyncio.Semaphore(0);
  try {
    yield* asyncio.waitFor(sem.acquire(), 0.01);
  } catch (e) {
    if (!(e instanceof asyncio.TimeoutError)) throw e;
    sem.release();
    print("permit not leaked:", !sem.locked());
  }
}

asyncio.runSync(main());
