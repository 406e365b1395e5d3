// spawn, native Node: N async functions that return at once, awaited with Promise.all.
import { report, size } from "../../harness";

const n = size(100_000);

async function child(i: number): Promise<number> {
  return i;
}

async function main(): Promise<number> {
  const promises: Promise<number>[] = [];
  for (let i = 0; i < n; i++) promises.push(child(i));
  const results = await Promise.all(promises);
  let sum = 0;
  for (const r of results) sum += r;
  return sum;
}

const start = performance.now();
const sum = await main();
report(performance.now() - start, sum, (n * (n - 1)) / 2);
