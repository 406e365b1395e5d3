// timeout churn: N `timeout(10)` scopes entered and left around a bare yield, none
// expiring. Checked: the timer heap is bounded at the end (cancelled timers compacted).
import * as asyncio from "asyncio-ts";
import { report, size } from "../../harness";

const n = size(1_000_000);

// Declared once, not as a `function* () {}` inside the loop: see README, "hot loops".
function* body() {
  yield;
}

function* main() {
  const loop = asyncio.getRunningLoop();
  let maxHeap = 0;
  for (let i = 0; i < n; i++) {
    yield* asyncio.asyncWith(asyncio.timeout(10), body);
    if ((i & 1023) === 0) maxHeap = Math.max(maxHeap, loop._scheduled.length);
  }
  return maxHeap;
}

const start = performance.now();
const maxHeap = await asyncio.run(main());
report(performance.now() - start, { scopes: n, heapBounded: maxHeap <= 1000 }, { scopes: n, heapBounded: true });
