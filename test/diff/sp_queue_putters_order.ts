import * as asyncio from "asyncio-ts";
import { print } from "./_py";

function* main() {
  const q = new asyncio.Queue<string>(1);
  q.putNowait("first");
  const order: string[] = [];
  function* putter(x: string) {
    yield* q.put(x);
    order.push(`put ${x}`);
  }
  const ps = [..."abc"].map((x) => asyncio.createTask(putter(x)));
  yield* asyncio.sleep(0);
  print("qsize", q.qsize(), "full", q.full());
  const items: string[] = [];
  for (let i = 0; i < 4; i++) {
    items.push(yield* q.get());
    yield* asyncio.sleep(0);
  }
  yield* asyncio.gather(...ps);
  print(items, order);
  // A cancelled putter passes its wake-up on.
  const q2 = new asyncio.Queue<number>(1);
  q2.putNowait(0);
  const p1 = asyncio.createTask(q2.put(1));
  const p2 = asyncio.createTask(q2.put(2));
  yield* asyncio.sleep(0);
  q2.getNowait();
  p1.cancel();
  yield* asyncio.sleep(0);
  yield* asyncio.sleep(0);
  print("p1 cancelled:", p1.cancelled(), "p2 done:", p2.done(), "queue:", q2.getNowait());
}

asyncio.runSync(main());
