import * as asyncio from "asyncio-ts";
import { print } from "./_py";

function* main() {
  const inner = asyncio.createTask(asyncio.sleep(1));
  function* waiter() {
    return yield* asyncio.waitFor(inner, 5);
  }
  const w = asyncio.createTask(waiter());
  yield* asyncio.sleep(0.01);
  inner.cancel("inner cancelled directly");
  try {
    yield* w;
  } catch (e) {
    if (e instanceof asyncio.CancelledError) print("cancelling the awaited task: CancelledError; waiter cancelled:", w.cancelled());
  }
  function* swallowTwice() {
    for (let i = 0; i < 2; i++) {
      try {
        yield* asyncio.sleep(0.05);
      } catch (e) {
        if (!(e instanceof asyncio.CancelledError)) throw e;
      }
    }
    return "finally done";
  }
  const t = asyncio.createTask(swallowTwice());
  try {
    print(yield* asyncio.waitFor(t, 0.01));
  } catch (e) {
    if (e instanceof asyncio.TimeoutError) print("TimeoutError");
  }
  t.cancel();
  print(yield* asyncio.gather(t, { returnExceptions: true }));
}

asyncio.runSync(main(), { clock: new asyncio.VirtualClock() });
