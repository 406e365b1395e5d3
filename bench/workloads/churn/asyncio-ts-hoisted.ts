// timeout churn, the hoisted form: the body of `async with` declared once outside the
// loop (what the README's "Hot loops" advises), beside asyncio-ts.ts's line-by-line port.
import * as asyncio from "asyncio-ts";
import { report, size } from "../../harness";

const n = size(1_000_000);

// Declared once, not as a `function* () {}` inside the loop: see README, "Hot loops".
function* body() {
  yield* asyncio.sleep(0);
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
