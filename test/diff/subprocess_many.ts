// Ten children at once with gather: results in argument order, total time well under
// the sum of their run times.
import * as asyncio from "asyncio-ts";
import { print, repr } from "./_py";

const { PIPE } = asyncio.subprocess;

function* run(i: number) {
  const proc = yield* asyncio.createSubprocessShell(`sleep 0.${9 - (i % 5)}; echo child ${i}; exit ${i}`, { stdout: PIPE });
  const [out] = yield* proc.communicate();
  return [Buffer.from(out!).toString().trim(), proc.returncode] as const;
}

function* main() {
  const loop = asyncio.getRunningLoop();
  const t0 = loop.time();
  const results = yield* asyncio.gather(...Array.from({ length: 10 }, (_, i) => run(i)));
  for (const [text, code] of results) print(`(${repr(text)}, ${code})`);
  print("concurrent:", loop.time() - t0 < 2.0);
}

await asyncio.run(main());
