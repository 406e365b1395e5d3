// node-flags: --expose-gc
// memory, native Node: N async functions each pending on a setTimeout promise of 10 s.
import { heapAfterGc, reportMemory, size } from "../../harness";

const n = size(100_000);
let started = 0;

async function sleeper(): Promise<void> {
  started++;
  await new Promise((resolve) => setTimeout(resolve, 10_000));
}

const pending: Promise<void>[] = new Array(n).fill(null);
const before = heapAfterGc();
// An async function runs to its first await at once: all are suspended after the loop.
for (let i = 0; i < n; i++) pending[i] = sleeper();
await null;
const bytes = heapAfterGc() - before;
reportMemory(bytes / n, { started }, { started: n });
process.exit(0); // the timers are not the measurement: do not wait 10 s for them
