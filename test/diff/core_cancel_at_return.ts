import * as asyncio from "asyncio-ts";
import { print, repr } from "./_py";

function* quick() {
  yield* asyncio.sleep(0);
  print("quick resumed; about to return");
  return "value";
}

function* main() {
  const loop = asyncio.getRunningLoop();
  const t = asyncio.createTask(quick());
  yield* asyncio.sleep(0);
  // t is scheduled to resume; cancel before its last step runs
  print("cancel:", t.cancel("late"));
  try {
    print(yield* t);
  } catch (e) {
    if (!(e instanceof asyncio.CancelledError)) throw e;
    print("cancelled at return:", t.cancelled(), repr(e.message));
  }
  const f = loop.createFuture<string>();
  function* waiter() {
    return yield* f;
  }
  const w = asyncio.createTask(waiter());
  yield* asyncio.sleep(0);
  f.setResult("got it");
  w.cancel();
  try {
    print(yield* w);
  } catch (e) {
    if (!(e instanceof asyncio.CancelledError)) throw e;
    print("woken then cancelled: CancelledError", w.cancelled());
  }
  print("future kept its result:", f.result());
}

asyncio.runSync(main());
