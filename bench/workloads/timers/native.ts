// timers, native Node: N concurrent setTimeout-based sleeps with the same seeded delays.
import { maxOf, report, seededDelays, size } from "../../harness";

const delays = seededDelays(size(100_000), 0.5);
let early = 0;

async function sleeper(delay: number): Promise<void> {
  const start = performance.now();
  await new Promise((resolve) => setTimeout(resolve, delay * 1000));
  // setTimeout's granularity is 1 ms: allow for it, as for any host timer.
  if (performance.now() - start < delay * 1000 - 1) early++;
}

const start = performance.now();
await Promise.all(delays.map(sleeper));
const wall = performance.now() - start;
report(wall - maxOf(delays) * 1000, { fired: delays.length, early }, { fired: delays.length, early: 0 });
