import * as asyncio from "asyncio-ts";
import { print } from "./_py";

function* main() {
  // Python's heap order decides ties between equal priorities: the port must match it.
  const pq = new asyncio.PriorityQueue<[number, number]>();
  [3, 1, 3, 2, 1, 3, 2, 1, 3, 3].forEach((prio, i) => pq.putNowait([prio, i]));
  print(`[${Array.from({ length: pq.qsize() }, () => pq.getNowait()).map(([p, i]) => `(${p}, ${i})`).join(", ")}]`);
  const pq2 = new asyncio.PriorityQueue<number>();
  for (const x of [17, 3, 99, 3, 42, 0, 17, 8, 65, 23, 3, 1, 99, 54, 0]) pq2.putNowait(x);
  const half = Array.from({ length: 7 }, () => pq2.getNowait());
  for (const x of [5, 100, 2]) pq2.putNowait(x);
  const rest = Array.from({ length: pq2.qsize() }, () => pq2.getNowait());
  print(half, rest);
  yield;
}

asyncio.runSync(main());
