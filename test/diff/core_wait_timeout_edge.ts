import * as asyncio from "asyncio-ts";
import { print } from "./_py";

function* main() {
  const loop = asyncio.getRunningLoop();
  const doneF = loop.createFuture<number>();
  doneF.setResult(1);
  const pendingF = loop.createFuture<number>();
  let [d, p] = yield* asyncio.wait([doneF, pendingF], { timeout: 0 });
  print("timeout=0:", d.size, p.size);
  [d, p] = yield* asyncio.wait([doneF, pendingF], { returnWhen: asyncio.FIRST_COMPLETED });
  print("already done counts as first:", d.size, p.size);
  const cancelled = asyncio.createTask(asyncio.sleep(5));
  loop.callLater(0.01, () => cancelled.cancel());
  const [d3] = yield* asyncio.wait([cancelled], { returnWhen: asyncio.FIRST_EXCEPTION });
  print("cancelled task is done, not an exception:", d3.size, [...d3].map((t) => t.cancelled()));
  const waiter = asyncio.createTask(asyncio.wait([pendingF]));
  yield* asyncio.sleep(0);
  waiter.cancel();
  try {
    yield* waiter;
  } catch (e) {
    if (e instanceof asyncio.CancelledError) print("cancelling wait() leaves the future alone:", pendingF.done());
  }
  pendingF.setResult(2);
}

asyncio.runSync(main());
