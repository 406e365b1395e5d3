// failfirst, native Node: an async function throws, its caller catches the rejection.
// node-flags: --enable-source-maps
import { report } from "../../harness";

async function failing(): Promise<never> {
  throw new RangeError("failed");
}

async function main(): Promise<readonly [number, number]> {
  const start = performance.now();
  let caught = 0;
  try {
    await failing();
  } catch {
    caught++;
  }
  return [performance.now() - start, caught] as const;
}

const [ms, caught] = await main();
report(ms, caught, 1);
