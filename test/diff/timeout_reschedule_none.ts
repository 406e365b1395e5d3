import * as asyncio from "asyncio-ts";
import { print } from "./_py";

const r1 = (x: number) => x.toFixed(1);

function* main() {
  const loop = asyncio.getRunningLoop();
  let t0 = loop.time();
  let cm = asyncio.timeout(0.05);
  yield* asyncio.asyncWith(cm, function* (cm) {
    cm.reschedule(null);
    print("when after reschedule(None):", cm.when());
    yield* asyncio.sleep(0.1);
    print("slept past the cancelled deadline");
  });
  print("expired:", cm.expired(), "elapsed", r1(loop.time() - t0));
  // from None to a real deadline
  t0 = loop.time();
  try {
    yield* asyncio.asyncWith(asyncio.timeout(null), function* (cm) {
      print("when:", cm.when());
      yield* asyncio.sleep(0.02);
      cm.reschedule(loop.time() + 0.03);
      yield* asyncio.sleep(1);
    });
  } catch (e) {
    if (!(e instanceof asyncio.TimeoutError)) throw e;
    print("deadline set later fired: elapsed", r1(loop.time() - t0));
  }
  // None, then a deadline, then None again
  cm = asyncio.timeout(null);
  yield* asyncio.asyncWith(cm, function* (cm) {
    cm.reschedule(loop.time() + 0.01);
    cm.reschedule(null);
    yield* asyncio.sleep(0.05);
  });
  print("no expiry:", cm.expired(), cm.when());
}

asyncio.runSync(main());
