import * as asyncio from "asyncio-ts";
import { print } from "./_py";

function* main() {
  const b = new asyncio.Barrier(3);
  const t1 = asyncio.createTask(b.wait());
  const t2 = asyncio.createTask(b.wait());
  yield* asyncio.sleep(0);
  print("waiting:", b.nWaiting);
  t1.cancel();
  yield* asyncio.gather(t1, { returnExceptions: true });
  print("after a cancelled waiter:", b.nWaiting, "broken:", b.broken);
  const t3 = asyncio.createTask(b.wait());
  const t4 = asyncio.createTask(b.wait());
  const res = yield* asyncio.gather(t2, t3, t4);
  print("passed with indexes", [...res].sort());
  yield* b.abort();
  try {
    yield* b.wait();
  } catch (e) {
    if (e instanceof asyncio.BrokenBarrierError) print("wait on a broken barrier: BrokenBarrierError");
  }
  yield* b.reset();
  print("reset un-breaks:", b.broken);
}

asyncio.runSync(main());
