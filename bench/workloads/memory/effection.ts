// node-flags: --expose-gc
// memory, Effection: N tasks each suspended in sleep(10 000).
import { run, sleep, spawn, type Operation, type Task } from "effection";
import { heapAfterGc, reportMemory, size } from "../../harness";

const n = size(100_000);
let started = 0;

function* sleeper(): Operation<void> {
  started++;
  yield* sleep(10_000);
}

const bytes = await run(function* () {
  const tasks: Task<void>[] = new Array(n).fill(null);
  const before = heapAfterGc();
  for (let i = 0; i < n; i++) tasks[i] = yield* spawn(sleeper);
  // Until every task is in its sleep: a host timer, since a parent's immediate wake-up
  // would run before its children (Effection schedules by scope priority).
  while (started < n) yield* sleep(0);
  return heapAfterGc() - before;
  // Leaving run() halts the sleeping tasks.
});
reportMemory(bytes / n, { started }, { started: n });
