import * as asyncio from "asyncio-ts";
import { print } from "./_py";

function* main() {
  const loop = asyncio.getRunningLoop();
  const fut = loop.createFuture<string>();
  function* consumer() {
    try {
      const v = yield* fut;
      print("got", v);
    } catch (e) {
      if (!(e instanceof asyncio.CancelledError)) throw e;
      print("consumer: future was cancelled");
      return "handled";
    }
  }
  const t = asyncio.createTask(consumer());
  yield* asyncio.sleep(0);
  print("cancelling the future:", fut.cancel());
  print("task result:", yield* t, "task cancelled:", t.cancelled());
  const fut2 = loop.createFuture();
  const waiters = [0, 1].map(() => asyncio.createTask(asyncio.waitFor(fut2, null)));
  yield* asyncio.sleep(0);
  fut2.setException(new RangeError("shared failure"));
  for (const w of waiters) {
    try {
      yield* w;
    } catch (e) {
      if (e instanceof RangeError) print("waiter got", e.message);
    }
  }
}

asyncio.runSync(main());
