import * as asyncio from "asyncio-ts";
import { print } from "./_py";

function* main() {
  const sem = new asyncio.Semaphore(1);
  yield* sem.acquire();
  const order: string[] = [];
  function* waiter(name: string) {
    try {
      yield* sem.acquire();
    } catch (e) {
      if (e instanceof asyncio.CancelledError) order.push(`${name} cancelled`);
      throw e;
    }
    order.push(name);
    yield* asyncio.sleep(0);
    sem.release();
  }
  const ws = new Map([..."abcd"].map((n) => [n, asyncio.createTask(waiter(n))]));
  yield* asyncio.sleep(0);
  ws.get("b")!.cancel();
  sem.release();
  ws.get("a")!.cancel();
  yield* asyncio.gather(...ws.values(), { returnExceptions: true });
  print(order, "locked:", sem.locked());
  const sem2 = new asyncio.Semaphore(2);
  yield* sem2.acquire();
  print("value 2 after one acquire, locked:", sem2.locked());
  yield* sem2.acquire();
  print("after two:", sem2.locked());
  sem2.release();
  sem2.release();
  sem2.release();
  print("Semaphore may be released above its start:", sem2.locked());
}

asyncio.runSync(main());
