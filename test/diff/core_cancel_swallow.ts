import * as asyncio from "asyncio-ts";
import { print } from "./_py";

function* stubborn() {
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      yield* asyncio.sleep(1);
      print("slept");
    } catch (e) {
      if (!(e instanceof asyncio.CancelledError)) throw e;
      print("swallowed cancellation", attempt, "cancelling() =", asyncio.currentTask()!.cancelling());
    }
  }
  return "survived";
}

function* main() {
  const t = asyncio.createTask(stubborn());
  yield* asyncio.sleep(0);
  for (let i = 0; i < 2; i++) {
    t.cancel();
    yield* asyncio.sleep(0);
    yield* asyncio.sleep(0);
  }
  print("uncancel ->", t.uncancel(), t.uncancel(), t.uncancel());
  print(yield* t, t.cancelled(), t.cancelling());
  const done = asyncio.createTask(asyncio.sleep(0));
  yield* done;
  print("cancel done task:", done.cancel(), done.cancelling());
}

asyncio.runSync(main(), { clock: new asyncio.VirtualClock() });
