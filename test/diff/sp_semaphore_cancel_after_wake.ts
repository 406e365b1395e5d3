import * as asyncio from "asyncio-ts";
import { print } from "./_py";

function* main() {
  // From test_locks: a waiter woken by release but cancelled before it runs gives the
  // permit back, and the next waiter gets it.
  const sem = new asyncio.Semaphore(1);
  yield* sem.acquire();
  const got: number[] = [];
  function* w(n: number) {
    yield* sem.acquire();
    got.push(n);
  }
  const t1 = asyncio.createTask(w(1));
  const t2 = asyncio.createTask(w(2));
  const t3 = asyncio.createTask(w(3));
  yield* asyncio.sleep(0);
  sem.release();
  t1.cancel();
  yield* asyncio.sleep(0);
  yield* asyncio.sleep(0);
  print("got:", got, "t1 cancelled:", t1.cancelled(), "locked:", sem.locked());
  sem.release();
  yield* asyncio.sleep(0);
  yield* asyncio.sleep(0);
  print("got:", got);
  sem.release();
  yield* asyncio.gather(t2, t3);
  sem.release();
  print("all permits back:", !sem.locked());
}

asyncio.runSync(main());
