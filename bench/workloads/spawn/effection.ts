// spawn, Effection: N tasks spawned whose operation returns at once, each awaited.
import { run, spawn, type Task } from "effection";
import { report, size } from "../../harness";

const n = size(100_000);

// eslint-disable-next-line require-yield
function* child(i: number) {
  return i;
}

const start = performance.now();
const sum = await run(function* () {
  const tasks: Task<number>[] = [];
  for (let i = 0; i < n; i++) tasks.push(yield* spawn(() => child(i)));
  let sum = 0;
  for (const task of tasks) sum += yield* task;
  return sum;
});
report(performance.now() - start, sum, (n * (n - 1)) / 2);
