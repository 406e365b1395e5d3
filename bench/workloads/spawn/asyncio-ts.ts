// spawn: create N tasks whose coroutine returns at once, and gather them.
import * as asyncio from "asyncio-ts";
import { report, size } from "../../harness";

const n = size(100_000);

function* child(i: number) {
  return i;
}

function* main() {
  const tasks: asyncio.Task<number>[] = [];
  for (let i = 0; i < n; i++) tasks.push(asyncio.createTask(child(i)));
  const results = yield* asyncio.gather(tasks);
  let sum = 0;
  for (const r of results) sum += r;
  return sum;
}

const start = performance.now();
const sum = await asyncio.run(main());
report(performance.now() - start, sum, (n * (n - 1)) / 2);
