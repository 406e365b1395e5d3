import * as asyncio from "asyncio-ts";
import { print } from "./_py";

function* main() {
  // From test_locks: cancel a waiter right after release wakes it; the next waiter gets the lock.
  const lock = new asyncio.Lock();
  yield* lock.acquire();
  const fa = asyncio.createTask(lock.acquire());
  const fb = asyncio.createTask(lock.acquire());
  const fc = asyncio.createTask(lock.acquire());
  yield* asyncio.sleep(0);
  lock.release();
  fa.cancel();
  fb.cancel();
  for (let i = 0; i < 3; i++) yield* asyncio.sleep(0);
  print("a cancelled:", fa.cancelled(), "b cancelled:", fb.cancelled(), "c has it:", fc.done() && fc.result(), lock.locked());
  lock.release();
  // Cancel the first waiter before release: the second gets it.
  yield* lock.acquire();
  const t1 = asyncio.createTask(lock.acquire());
  const t2 = asyncio.createTask(lock.acquire());
  yield* asyncio.sleep(0);
  t1.cancel();
  yield* asyncio.sleep(0);
  lock.release();
  for (let i = 0; i < 3; i++) yield* asyncio.sleep(0);
  print("t1 cancelled:", t1.cancelled(), "t2 has it:", t2.done());
  lock.release();
}

asyncio.runSync(main());
