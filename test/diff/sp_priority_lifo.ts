import * as asyncio from "asyncio-ts";
import { print, repr } from "./_py";

// Python prints tuples with parentheses; the port uses arrays for them.
const tuple = (t: unknown[]) => (t.length === 1 ? `(${repr(t[0])},)` : `(${t.map(repr).join(", ")})`);
const tuples = (ts: unknown[][]) => `[${ts.map(tuple).join(", ")}]`;

function* main() {
  const pq = new asyncio.PriorityQueue<number>();
  for (const item of [5, 1, 4, 1, 3, 9, 2, 6, 5, 3]) pq.putNowait(item);
  print(Array.from({ length: pq.qsize() }, () => pq.getNowait()));
  const pq2 = new asyncio.PriorityQueue<[number, string]>();
  for (const item of [[2, "b"], [1, "z"], [2, "a"], [1, "y"], [3, "c"]] as [number, string][]) pq2.putNowait(item);
  print(tuples(Array.from({ length: pq2.qsize() }, () => pq2.getNowait())));
  const pq3 = new asyncio.PriorityQueue<string>();
  for (const w of ["pear", "apple", "fig", "apple"]) pq3.putNowait(w);
  print(Array.from({ length: 4 }, () => pq3.getNowait()));
  const pq4 = new asyncio.PriorityQueue<number[]>();
  for (const item of [[1, 2], [1], [0, 5, 1], [1, 1]]) pq4.putNowait(item);
  print(tuples(Array.from({ length: 4 }, () => pq4.getNowait())));
  const lq = new asyncio.LifoQueue<number>();
  for (let i = 0; i < 5; i++) yield* lq.put(i);
  const out: number[] = [];
  for (let i = 0; i < 5; i++) out.push(yield* lq.get());
  print(out);
  const pq5 = new asyncio.PriorityQueue<[number, unknown]>();
  pq5.putNowait([1, "x"]);
  try {
    pq5.putNowait([1, 2]);
  } catch (e) {
    if (e instanceof TypeError) print("TypeError comparing str and int");
  }
}

asyncio.runSync(main());
