import * as asyncio from "asyncio-ts";
import { print } from "./_py";

function* slow(tag: string, d: number) {
  try {
    yield* asyncio.sleep(d);
    return tag;
  } finally {
    print(tag, "cleanup");
  }
}

function* main() {
  const t = asyncio.createTask(slow("fast", 0.01));
  print(yield* asyncio.waitFor(t, 1));
  const t2 = asyncio.createTask(slow("slow", 1));
  try {
    yield* asyncio.waitFor(t2, 0.02);
  } catch (e) {
    if (!(e instanceof asyncio.TimeoutError)) throw e;
    print("TimeoutError; inner cancelled:", t2.cancelled());
  }
  print(yield* asyncio.waitFor(asyncio.sleep(0.01, "no limit"), null));
  const loop = asyncio.getRunningLoop();
  const f = loop.createFuture<string>();
  f.setResult("ready");
  print(yield* asyncio.waitFor(f, 0));
  function* waiter() {
    return yield* asyncio.waitFor(asyncio.createTask(slow("inner", 1)), 5);
  }
  const w = asyncio.createTask(waiter());
  yield* asyncio.sleep(0.01);
  w.cancel();
  try {
    yield* w;
  } catch (e) {
    if (e instanceof asyncio.CancelledError) print("outer cancelled while waiting: CancelledError, not TimeoutError");
  }
  function* stubborn() {
    try {
      yield* asyncio.sleep(1);
    } catch (e) {
      if (!(e instanceof asyncio.CancelledError)) throw e;
      print("stubborn swallows");
      return "kept going";
    }
  }
  const st = asyncio.createTask(stubborn());
  print("swallowed:", yield* asyncio.waitFor(st, 0.01));
}

asyncio.runSync(main());
