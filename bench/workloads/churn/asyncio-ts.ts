// timeout churn: N `timeout(10)` scopes entered and left around a `sleep(0)`, none
// expiring, written as a user ports Python's loop line by line (the body of `async with`
// an inline `function*`; asyncio-ts-hoisted.ts and asyncio-ts-arrow.ts are the faster
// forms). Checked: the timer heap is bounded at the end (cancelled timers compacted).
import * as asyncio from "asyncio-ts";
import { report, size } from "../../harness";

const n = size(1_000_000);

function* main() {
  const loop = asyncio.getRunningLoop();
  let maxHeap = 0;
  for (let i = 0; i < n; i++) {
    yield* asyncio.asyncWith(asyncio.timeout(10), function* () {
      yield* asyncio.sleep(0);
    });
    if ((i & 1023) === 0) maxHeap = Math.max(maxHeap, loop._scheduled.length);
  }
  return maxHeap;
}

const start = performance.now();
const maxHeap = await asyncio.run(main());
report(performance.now() - start, { scopes: n, heapBounded: maxHeap <= 1000 }, { scopes: n, heapBounded: true });
