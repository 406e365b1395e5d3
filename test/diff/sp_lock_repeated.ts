import * as asyncio from "asyncio-ts";
import { print } from "./_py";

function* main() {
  const lock = new asyncio.Lock();
  print(lock.locked());
  print(yield* lock.acquire(), lock.locked());
  const t = asyncio.createTask(lock.acquire());
  yield* asyncio.sleep(0);
  print("second acquire waits:", !t.done());
  lock.release();
  print("after release, still locked for the waiter:", lock.locked());
  yield* t;
  print("waiter has it:", t.result(), lock.locked());
  lock.release();
  print(lock.locked());
}

asyncio.runSync(main());
