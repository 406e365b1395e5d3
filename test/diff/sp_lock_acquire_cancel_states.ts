import * as asyncio from "asyncio-ts";
import { print } from "./_py";

function* main() {
  const lock = new asyncio.Lock();
  yield* lock.acquire();
  const waiters = [0, 1, 2].map(() => asyncio.createTask(lock.acquire()));
  yield* asyncio.sleep(0);
  waiters[1]!.cancel();
  yield* asyncio.sleep(0);
  print("cancelled middle waiter; locked:", lock.locked());
  lock.release();
  yield* asyncio.sleep(0);
  print("first waiter has it:", waiters[0]!.done(), "third waits:", !waiters[2]!.done());
  lock.release();
  yield* asyncio.sleep(0);
  print("third has it:", waiters[2]!.done(), waiters[2]!.done() ? waiters[2]!.result() : null);
  lock.release();
  print("finally unlocked:", !lock.locked());
}

asyncio.runSync(main());
