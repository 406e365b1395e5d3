// expiry, native Node: N concurrent sleeps of 1 s, each given `AbortSignal.timeout(10)`,
// the `AbortError` it rejects with caught. Reported: the overhead, wall time minus the
// 10 ms deadline. Checked: every sleep was aborted by its timeout, none early.
import { setTimeout as sleep } from "node:timers/promises";
import { report, size } from "../../harness";

const n = size(100_000);
const DEADLINE_MS = 10;

let early = 0;
async function waiter(): Promise<number> {
  const start = performance.now();
  try {
    await sleep(1000, undefined, { signal: AbortSignal.timeout(DEADLINE_MS) });
  } catch (error) {
    if (!(error instanceof Error && error.name === "AbortError")) throw error;
    // setTimeout's granularity is 1 ms: allow for it, as for any host timer.
    if (performance.now() - start < DEADLINE_MS - 1) early++;
    return 1;
  }
  return 0;
}

const start = performance.now();
const results = await Promise.all(Array.from({ length: n }, waiter));
const expired = results.reduce((sum, x) => sum + x, 0);
report(performance.now() - start - DEADLINE_MS, { expired, early }, { expired: n, early: 0 });
