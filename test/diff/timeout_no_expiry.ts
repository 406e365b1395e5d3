import * as asyncio from "asyncio-ts";
import { print } from "./_py";

const r1 = (x: number) => x.toFixed(1);

function* main() {
  const loop = asyncio.getRunningLoop();
  const task = asyncio.currentTask()!;
  const t0 = loop.time();
  let r: string | undefined;
  const cm = asyncio.timeout(0.1);
  yield* asyncio.asyncWith(cm, function* () {
    yield* asyncio.sleep(0.01);
    r = "done";
  });
  print(r, "expired:", cm.expired(), "when offset:", r1(cm.when()! - t0));
  const cm2 = asyncio.timeout(null);
  yield* asyncio.asyncWith(cm2, function* () {
    yield* asyncio.sleep(0.01);
  });
  print("when:", cm2.when(), "expired:", cm2.expired());
  const cm3 = asyncio.timeout(0.05);
  yield* asyncio.asyncWith(cm3, function* () {});
  print("no await inside: expired", cm3.expired());
  // the deadline timer is gone once the block is left
  yield* asyncio.sleep(0.15);
  print("slept past the old deadlines; cancelling:", task.cancelling(), "expired:", cm.expired(), cm3.expired());
  print("elapsed", r1(loop.time() - t0));
}

asyncio.runSync(main());
