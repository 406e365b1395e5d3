import * as asyncio from "asyncio-ts";
import { print } from "./_py";

function* main() {
  // From test_locks: a waiter that was notified and then cancelled while re-acquiring
  // the lock must still end up holding the lock, then release it in async with.
  const cond = new asyncio.Condition();
  function* waiter() {
    return yield* asyncio.asyncWith(cond, function* () {
      yield* cond.wait();
      return "returned normally";
    });
  }
  const w = asyncio.createTask(waiter());
  yield* asyncio.sleep(0);
  yield* cond.acquire();
  cond.notify();
  w.cancel();
  yield* asyncio.sleep(0);
  cond.release();
  const res = yield* asyncio.gather(w, { returnExceptions: true });
  print(res[0] instanceof Error ? res[0].name : "str", "lock free:", !cond.locked());
  // notify_all wakes in FIFO order
  const order: number[] = [];
  function* w2(n: number) {
    yield* asyncio.asyncWith(cond, function* () {
      yield* cond.wait();
      order.push(n);
    });
  }
  const ts = [0, 1, 2, 3].map((i) => asyncio.createTask(w2(i)));
  yield* asyncio.sleep(0);
  yield* asyncio.asyncWith(cond, function* () {
    cond.notifyAll();
  });
  yield* asyncio.gather(...ts);
  print(order);
}

asyncio.runSync(main());
