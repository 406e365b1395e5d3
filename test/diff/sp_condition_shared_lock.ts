import * as asyncio from "asyncio-ts";
import { print } from "./_py";

function* main() {
  const lock = new asyncio.Lock();
  const c1 = new asyncio.Condition(lock);
  const c2 = new asyncio.Condition(lock);
  const log: string[] = [];
  function* on(cond: asyncio.Condition, name: string) {
    yield* asyncio.asyncWith(cond, function* () {
      yield* cond.wait();
      log.push(`${name} woke, lock held: ${lock.locked() ? "True" : "False"}`);
    });
  }
  const ts = [asyncio.createTask(on(c1, "c1")), asyncio.createTask(on(c2, "c2"))];
  yield* asyncio.sleep(0);
  yield* asyncio.asyncWith(lock, function* () {
    print("holding the shared lock; conditions see it:", c1.locked(), c2.locked());
    c2.notify();
  });
  yield* asyncio.sleep(0.01);
  print(log);
  yield* asyncio.asyncWith(c1, function* () {
    c1.notify();
  });
  yield* asyncio.gather(...ts);
  print(log, "lock free:", !lock.locked());
}

asyncio.runSync(main());
