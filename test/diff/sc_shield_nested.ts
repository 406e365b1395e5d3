import * as asyncio from "asyncio-ts";
import { print } from "./_py";

function* work() {
  yield* asyncio.sleep(0.02);
  return "deep";
}

function* main() {
  const inner = asyncio.createTask(work());
  const s1 = asyncio.shield(inner);
  const s2 = asyncio.shield(s1);
  yield* asyncio.sleep(0);
  s2.cancel();
  print("outer shield cancelled:", s2.cancelled(), "middle:", s1.cancelled(), "inner:", inner.cancelled());
  print(yield* inner, yield* s1);
  function* cancelSelfUnderShield() {
    const t = asyncio.currentTask()!;
    const loop = asyncio.getRunningLoop();
    loop.callSoon(() => t.cancel());
    try {
      return yield* asyncio.shield(asyncio.sleep(0.01, "finished under shield"));
    } catch (e) {
      if (e instanceof asyncio.CancelledError) return "awaiter cancelled; work goes on";
      throw e;
    }
  }
  print(yield* asyncio.createTask(cancelSelfUnderShield()));
}

asyncio.runSync(main(), { clock: new asyncio.VirtualClock() });
