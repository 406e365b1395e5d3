// queue: one producer and one consumer pass N items through asyncio.Queue(100).
import * as asyncio from "asyncio-ts";
import { report, size } from "../../harness";

const n = size(1_000_000);

function* producer(queue: asyncio.Queue<number>) {
  for (let i = 0; i < n; i++) yield* queue.put(i);
}

function* consumer(queue: asyncio.Queue<number>) {
  let sum = 0;
  for (let i = 0; i < n; i++) sum += yield* queue.get();
  return sum;
}

function* main() {
  const queue = new asyncio.Queue<number>(100);
  const [, sum] = yield* asyncio.gather(producer(queue), consumer(queue));
  return sum;
}

const start = performance.now();
const sum = await asyncio.run(main());
report(performance.now() - start, sum, (n * (n - 1)) / 2);
