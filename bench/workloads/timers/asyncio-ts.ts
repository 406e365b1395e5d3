// timers: N concurrent sleeps with seeded delays in [0, 0.5] s. Reported: the overhead,
// wall time minus the longest delay. Checked: every sleep fired, none early.
import * as asyncio from "asyncio-ts";
import { maxOf, report, seededDelays, size } from "../../harness";

const delays = seededDelays(size(100_000), 0.5);

let early = 0;
function* sleeper(delay: number) {
  const loop = asyncio.getRunningLoop();
  const start = loop.time();
  yield* asyncio.sleep(delay);
  if (loop.time() - start < delay) early++;
}

function* main() {
  yield* asyncio.gather(delays.map(sleeper));
}

const start = performance.now();
await asyncio.run(main());
const wall = performance.now() - start;
report(wall - maxOf(delays) * 1000, { fired: delays.length, early }, { fired: delays.length, early: 0 });
