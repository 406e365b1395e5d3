// failures: N failing tasks, one after another, each awaited and its error caught, under
// source maps (how `tsx` and `node --enable-source-maps` run TypeScript).
// node-flags: --enable-source-maps
import * as asyncio from "asyncio-ts";
import { report, size } from "../../harness";

const n = size(10_000);

function* failing(i: number) {
  throw new RangeError(String(i));
}

function* main() {
  let caught = 0;
  for (let i = 0; i < n; i++) {
    try {
      yield* asyncio.createTask(failing(i));
    } catch {
      caught++;
    }
  }
  return caught;
}

const start = performance.now();
const caught = await asyncio.run(main());
report(performance.now() - start, caught, n);
