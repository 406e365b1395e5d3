// timeout churn, the arrow form: a body of one awaited call written as an arrow that
// returns the coroutine, `asyncWith(cm, () => asyncio.sleep(0))`: as natural as the
// inline `function*` for a one-line body, without a new generator function per scope.
import * as asyncio from "asyncio-ts";
import { report, size } from "../../harness";

const n = size(1_000_000);

function* main() {
  const loop = asyncio.getRunningLoop();
  let maxHeap = 0;
  for (let i = 0; i < n; i++) {
    yield* asyncio.asyncWith(asyncio.timeout(10), () => asyncio.sleep(0));
    if ((i & 1023) === 0) maxHeap = Math.max(maxHeap, loop._scheduled.length);
  }
  return maxHeap;
}

const start = performance.now();
const maxHeap = await asyncio.run(main());
report(performance.now() - start, { scopes: n, heapBounded: maxHeap <= 1000 }, { scopes: n, heapBounded: true });
