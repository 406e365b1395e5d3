// node-flags: --expose-gc
// memory: N tasks each suspended in sleep(10); bytes of heap per suspended task
// (heapUsed after a forced GC, before and after creating them).
import * as asyncio from "asyncio-ts";
import { heapAfterGc, reportMemory, size } from "../../harness";

const n = size(100_000);
let started = 0;

function* sleeper() {
  started++;
  yield* asyncio.sleep(10);
}

function* main() {
  const tasks: asyncio.Task<void>[] = new Array(n).fill(null);
  const before = heapAfterGc();
  for (let i = 0; i < n; i++) tasks[i] = asyncio.createTask(sleeper());
  yield* asyncio.sleep(0); // every task has run its first step and is suspended in its sleep
  const bytes = heapAfterGc() - before;
  const pending = tasks.filter((t) => !t.done()).length;
  for (const t of tasks) t.cancel();
  yield* asyncio.gather(...tasks, { returnExceptions: true });
  return { bytes, pending };
}

const { bytes, pending } = await asyncio.run(main());
reportMemory(bytes / n, { started, pending }, { started: n, pending: n });
