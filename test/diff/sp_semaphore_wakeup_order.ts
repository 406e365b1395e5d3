import * as asyncio from "asyncio-ts";
import { print } from "./_py";

function* main() {
  const sem = new asyncio.Semaphore(0);
  const order: (number | string)[] = [];
  function* w(n: number | string) {
    yield* sem.acquire();
    order.push(n);
  }
  const ts = [0, 1, 2, 3, 4].map((i) => asyncio.createTask(w(i)));
  yield* asyncio.sleep(0);
  print("locked with waiters:", sem.locked());
  sem.release();
  sem.release();
  yield* asyncio.sleep(0);
  print("after 2 releases:", order);
  const late = asyncio.createTask(w("late"));
  yield* asyncio.sleep(0);
  for (let i = 0; i < 4; i++) sem.release();
  yield* asyncio.gather(...ts, late);
  print("FIFO, the newcomer last:", order);
  const bs = new asyncio.BoundedSemaphore(2);
  yield* asyncio.asyncWith(bs, function* () {
    yield* asyncio.asyncWith(bs, function* () {
      print("both permits held:", bs.locked());
    });
  });
  print("released:", bs.locked());
}

asyncio.runSync(main());
