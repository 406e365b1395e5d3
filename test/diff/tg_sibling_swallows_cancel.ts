import * as asyncio from "asyncio-ts";
import { fmtExc, print } from "./_py";

function* stubborn() {
  try {
    yield* asyncio.sleep(1);
    return "finished normally";
  } catch (e) {
    if (!(e instanceof asyncio.CancelledError)) throw e;
    print("stubborn: swallowing the cancellation, cleaning up");
    yield* asyncio.sleep(0.02);
    print("stubborn: cleanup done");
    return "swallowed";
  }
}

function* fail(): asyncio.Coroutine<never> {
  yield* asyncio.sleep(0.01);
  throw new RangeError("trigger");
}

function* main() {
  const loop = asyncio.getRunningLoop();
  const t0 = loop.time();
  let s!: asyncio.Task<string>;
  try {
    yield* asyncio.asyncWith(new asyncio.TaskGroup(), function* (tg) {
      s = tg.createTask(stubborn());
      tg.createTask(fail());
    });
  } catch (eg) {
    if (!(eg instanceof asyncio.ExceptionGroup)) throw eg;
    print("group:", eg.exceptions.map(fmtExc));
  }
  print("stubborn result:", s.result(), "cancelled:", s.cancelled(), "cancelling:", s.cancelling());
  print("group waited for the cleanup: elapsed", Math.round((loop.time() - t0) * 100) / 100 >= 0.03);
}

asyncio.runSync(main());
