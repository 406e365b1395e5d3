import * as asyncio from "asyncio-ts";
import { print } from "./_py";

const r1 = (x: number) => x.toFixed(1);

function* main() {
  const loop = asyncio.getRunningLoop();
  let t0 = loop.time();
  let cm = asyncio.timeout(10);
  try {
    yield* asyncio.asyncWith(cm, function* (cm) {
      yield* asyncio.sleep(0.01);
      cm.reschedule(loop.time() + 0.05);
      yield* asyncio.sleep(1);
    });
  } catch (e) {
    if (!(e instanceof asyncio.TimeoutError)) throw e;
    print("earlier deadline fired: elapsed", r1(loop.time() - t0), "expired:", cm.expired());
  }
  // a deadline already in the past fires on the next loop iteration
  t0 = loop.time();
  cm = asyncio.timeout(10);
  try {
    yield* asyncio.asyncWith(cm, function* (cm) {
      cm.reschedule(loop.time() - 5);
      print("still running synchronously, expired:", cm.expired());
      yield* asyncio.sleep(0);
      print("not reached");
    });
  } catch (e) {
    if (!(e instanceof asyncio.TimeoutError)) throw e;
    print("past deadline: elapsed", r1(loop.time() - t0), "expired:", cm.expired());
  }
  // reschedule several times; only the last one counts
  t0 = loop.time();
  cm = asyncio.timeout(0.01);
  try {
    yield* asyncio.asyncWith(cm, function* (cm) {
      for (const d of [0.3, 0.02, 0.2, 0.1]) cm.reschedule(loop.time() + d);
      yield* asyncio.sleep(1);
    });
  } catch (e) {
    if (!(e instanceof asyncio.TimeoutError)) throw e;
    print("last reschedule wins: elapsed", r1(loop.time() - t0));
  }
}

asyncio.runSync(main());
