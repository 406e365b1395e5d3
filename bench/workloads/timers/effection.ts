// timers, Effection: N tasks in sleep() with the same seeded delays.
import { run, sleep, spawn, type Operation, type Task } from "effection";
import { maxOf, report, seededDelays, size } from "../../harness";

const delays = seededDelays(size(100_000), 0.5);
let early = 0;

function* sleeper(delay: number): Operation<void> {
  const start = performance.now();
  yield* sleep(delay * 1000);
  // Effection's sleep is a setTimeout (1 ms granularity), as for native Node.
  if (performance.now() - start < delay * 1000 - 1) early++;
}

const start = performance.now();
await run(function* () {
  const tasks: Task<void>[] = [];
  for (const delay of delays) tasks.push(yield* spawn(() => sleeper(delay)));
  for (const task of tasks) yield* task;
});
const wall = performance.now() - start;
report(wall - maxOf(delays) * 1000, { fired: delays.length, early }, { fired: delays.length, early: 0 });
