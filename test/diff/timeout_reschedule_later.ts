import * as asyncio from "asyncio-ts";
import { print } from "./_py";

const r1 = (x: number) => x.toFixed(1);
const r2 = (x: number) => x.toFixed(2);

function* main() {
  const loop = asyncio.getRunningLoop();
  let t0 = loop.time();
  let cm = asyncio.timeout(0.05);
  yield* asyncio.asyncWith(cm, function* (cm) {
    print("initial when offset", r2(cm.when()! - t0));
    cm.reschedule(loop.time() + 0.2);
    print("new when offset", r1(cm.when()! - t0));
    yield* asyncio.sleep(0.1);
    print("survived past the original deadline");
  });
  print("expired:", cm.expired(), "elapsed", r1(loop.time() - t0));
  // moved later, but still expires
  t0 = loop.time();
  cm = asyncio.timeout(0.05);
  try {
    yield* asyncio.asyncWith(cm, function* (cm) {
      cm.reschedule(cm.when()! + 0.05);
      yield* asyncio.sleep(1);
    });
  } catch (e) {
    if (!(e instanceof asyncio.TimeoutError)) throw e;
    print("expired later: elapsed", r1(loop.time() - t0), "expired:", cm.expired());
  }
}

asyncio.runSync(main());
