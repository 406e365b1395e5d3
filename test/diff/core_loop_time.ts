import * as asyncio from "asyncio-ts";
import { print } from "./_py";

function* main() {
  const loop = asyncio.getRunningLoop();
  const t0 = loop.time();
  const times: number[] = [];
  for (const d of [0.02, 0.01, 0.03]) {
    yield* asyncio.sleep(d);
    times.push(loop.time() - t0);
  }
  print("monotonic:", times.every((t, i) => i === 0 || t >= times[i - 1]!));
  print("at least the sum slept:", times.at(-1)! >= 0.06);
  print("not much more:", times.at(-1)! < 0.5);
  const h = loop.callAt(t0 + 10, print);
  print("when() is t0 + 10:", Math.abs(h.when() - t0 - 10) < 1e-6);
  h.cancel();
}

await asyncio.run(main());
