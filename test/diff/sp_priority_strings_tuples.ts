import * as asyncio from "asyncio-ts";
import { print, repr } from "./_py";

const tuple = (t: unknown[]) => (t.length === 1 ? `(${repr(t[0])},)` : `(${t.map(repr).join(", ")})`);
const tuples = (ts: unknown[][]) => `[${ts.map(tuple).join(", ")}]`;

function* main() {
  const pq = new asyncio.PriorityQueue<string>();
  for (const w of ["banana", "Apple", "cherry", "apple", "Banana", "", "b"]) pq.putNowait(w);
  print(Array.from({ length: pq.qsize() }, () => pq.getNowait()));
  const pq2 = new asyncio.PriorityQueue<unknown[]>();
  for (const t of [[2, 1, "x"], [1, 9], [2, 0, "y"], [1, 9, "longer"], [0]]) pq2.putNowait(t);
  print(tuples(Array.from({ length: pq2.qsize() }, () => pq2.getNowait())));
  const pq3 = new asyncio.PriorityQueue<number>();
  for (const x of [3.5, -1, 2.5, 0.5, -7.25]) pq3.putNowait(x);
  print(Array.from({ length: pq3.qsize() }, () => pq3.getNowait()));
  const pq4 = new asyncio.PriorityQueue<[number, string]>(2);
  yield* pq4.put([5, "five"]);
  yield* pq4.put([1, "one"]);
  const t = asyncio.createTask(pq4.put([3, "three"]));
  yield* asyncio.sleep(0);
  print("bounded priority queue blocks:", !t.done(), tuple(yield* pq4.get()));
  yield* t;
  const rest: unknown[][] = [];
  for (let i = 0; i < 2; i++) rest.push(yield* pq4.get());
  print(tuples(rest));
}

asyncio.runSync(main());
