// failures, native Node: N async functions that throw, each awaited and caught in turn.
// node-flags: --enable-source-maps
import { report, size } from "../../harness";

const n = size(10_000);

async function failing(i: number): Promise<never> {
  throw new RangeError(String(i));
}

async function main(): Promise<number> {
  let caught = 0;
  for (let i = 0; i < n; i++) {
    try {
      await failing(i);
    } catch {
      caught++;
    }
  }
  return caught;
}

const start = performance.now();
const caught = await main();
report(performance.now() - start, caught, n);
