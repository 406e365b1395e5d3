import * as asyncio from "asyncio-ts";
import { print } from "./_py";

function* main() {
  const lock = new asyncio.Lock();
  const log: string[] = [];
  function* holder() {
    yield* asyncio.asyncWith(lock, function* () {
      log.push("holder has it");
      yield* asyncio.sleep(1);
    });
  }
  function* waiter(n: number) {
    yield* asyncio.asyncWith(lock, function* () {
      log.push(`waiter ${n} has it`);
    });
  }
  const h = asyncio.createTask(holder());
  yield* asyncio.sleep(0);
  const ws = [0, 1].map((i) => asyncio.createTask(waiter(i)));
  yield* asyncio.sleep(0);
  h.cancel();
  yield* asyncio.gather(h, ...ws, { returnExceptions: true });
  print(log, "locked:", lock.locked());
  function* acquireReleaseMany() {
    for (let i = 0; i < 3; i++) {
      yield* lock.acquire();
      yield* asyncio.sleep(0);
      lock.release();
    }
  }
  yield* asyncio.gather(acquireReleaseMany(), acquireReleaseMany(), acquireReleaseMany());
  print("no deadlock; locked:", lock.locked());
}

asyncio.runSync(main());
