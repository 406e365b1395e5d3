import * as asyncio from "asyncio-ts";
import { print } from "./_py";

function* main() {
  // From test_queues: a getter woken by put but cancelled before it runs hands the item on.
  const q = new asyncio.Queue<string>();
  const g1 = asyncio.createTask(q.get());
  const g2 = asyncio.createTask(q.get());
  yield* asyncio.sleep(0);
  q.putNowait("item");
  g1.cancel();
  yield* asyncio.sleep(0);
  yield* asyncio.sleep(0);
  print("g1 cancelled:", g1.cancelled(), "g2 got:", g2.done() && g2.result(), "qsize:", q.qsize());
  // Cancelling every getter leaves the items in place.
  const q2 = new asyncio.Queue<number>();
  const gs = [0, 1, 2].map(() => asyncio.createTask(q2.get()));
  yield* asyncio.sleep(0);
  q2.putNowait(1);
  q2.putNowait(2);
  for (const g of gs) g.cancel();
  const res = yield* asyncio.gather(...gs, { returnExceptions: true });
  print(res.map((r) => (r instanceof Error ? r.name : r)), "left:", q2.qsize());
}

asyncio.runSync(main());
