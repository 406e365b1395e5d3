import * as asyncio from "asyncio-ts";
import { print } from "./_py";

function* main() {
  const barrier = new asyncio.Barrier(2);
  const log: [number, string, number][] = [];
  function* runner(name: string, rounds: number) {
    for (let r = 0; r < rounds; r++) {
      yield* asyncio.sleep(name === "slow" ? 0.01 : 0);
      const idx = yield* barrier.wait();
      log.push([r, name, idx]);
    }
  }
  yield* asyncio.gather(runner("fast", 3), runner("slow", 3));
  log.sort((a, b) => a[0] - b[0] || a[1].localeCompare(b[1]) || a[2] - b[2]);
  print(`[${log.map(([r, n, i]) => `(${r}, '${n}', ${i})`).join(", ")}]`);
  const b = new asyncio.Barrier(3);
  let ts = [0, 1].map(() => asyncio.createTask(b.wait()));
  yield* asyncio.sleep(0);
  print("waiting:", b.nWaiting);
  yield* b.reset();
  const res = yield* asyncio.gather(...ts, { returnExceptions: true });
  print("after reset:", res.map((r) => (r as Error).name), "broken:", b.broken, "waiting:", b.nWaiting);
  ts = [0, 1, 2].map(() => asyncio.createTask(b.wait()));
  print("usable again:", (yield* asyncio.gather(...ts)).sort());
  yield* asyncio.asyncWith(new asyncio.Barrier(1), function* (idx) {
    print("async with gives the index:", idx);
  });
}

asyncio.runSync(main());
