import * as asyncio from "asyncio-ts";
import { print } from "./_py";

function* main() {
  const cond = new asyncio.Condition();
  const flag = { v: false };
  function* waiter() {
    yield* asyncio.asyncWith(cond, function* () {
      try {
        yield* cond.waitFor(() => flag.v);
      } catch (e) {
        if (e instanceof asyncio.CancelledError) print("cancelled in wait_for; holds lock:", cond.locked());
        throw e;
      }
    });
  }
  const t = asyncio.createTask(waiter());
  yield* asyncio.sleep(0);
  t.cancel();
  yield* asyncio.gather(t, { returnExceptions: true });
  print("lock free after:", !cond.locked());
  const t2 = asyncio.createTask(waiter());
  yield* asyncio.sleep(0);
  try {
    yield* asyncio.waitFor(asyncio.shield(t2), 0.01);
  } catch (e) {
    if (e instanceof asyncio.TimeoutError) print("still waiting after a timeout around shield:", !t2.done());
  }
  yield* asyncio.asyncWith(cond, function* () {
    flag.v = true;
    cond.notifyAll();
  });
  yield* t2;
  print("predicate satisfied:", t2.done());
}

asyncio.runSync(main());
