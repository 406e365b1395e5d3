import * as asyncio from "asyncio-ts";
import { print } from "./_py";

function* main() {
  const lock = new asyncio.Lock();
  const order: string[] = [];
  function* worker(name: string, hold: number) {
    yield* asyncio.asyncWith(lock, function* () {
      order.push(name);
      yield* asyncio.sleep(hold);
    });
  }
  const tasks = [..."abcde"].map((n) => asyncio.createTask(worker(n, 0.005)));
  yield* asyncio.sleep(0);
  print("locked:", lock.locked());
  yield* asyncio.gather(...tasks);
  print("order:", order.join(""), "locked:", lock.locked());
  // A waiter woken and then cancelled passes the lock on.
  yield* lock.acquire();
  const log: string[] = [];
  function* waiter(name: string) {
    try {
      yield* lock.acquire();
    } catch (e) {
      if (e instanceof asyncio.CancelledError) log.push(`${name} cancelled`);
      throw e;
    }
    log.push(`${name} acquired`);
    lock.release();
  }
  const w1 = asyncio.createTask(waiter("w1"));
  const w2 = asyncio.createTask(waiter("w2"));
  yield* asyncio.sleep(0);
  lock.release();
  w1.cancel();
  yield* asyncio.gather(w1, w2, { returnExceptions: true });
  print(log, "locked:", lock.locked());
  try {
    lock.release();
  } catch (e) {
    if (e instanceof asyncio.RuntimeError) print("RuntimeError:", e.message);
  }
  yield* lock.acquire();
  const c = asyncio.createTask(lock.acquire());
  yield* asyncio.sleep(0);
  c.cancel();
  yield* asyncio.gather(c, { returnExceptions: true });
  lock.release();
  print("cancelled waiters don't block newcomers:", yield* asyncio.waitFor(lock.acquire(), 0.1));
}

asyncio.runSync(main());
