import * as asyncio from "asyncio-ts";
import { print, repr } from "./_py";

function* main() {
  const b = new asyncio.Barrier(2);
  const results: unknown[][] = [];
  const show = (rs: unknown[][]) => `[${rs.map((r) => `(${r.map(repr).join(", ")})`).join(", ")}]`;
  function* waiter(n: string) {
    try {
      const idx = yield* b.wait();
      results.push([n, "passed", idx]);
    } catch (e) {
      if (!(e instanceof asyncio.BrokenBarrierError)) throw e;
      results.push([n, "broken"]);
    }
  }
  const w1 = asyncio.createTask(waiter("first"));
  yield* asyncio.sleep(0);
  yield* b.reset();
  yield* w1;
  print(show(results), "broken:", b.broken, "waiting:", b.nWaiting);
  results.length = 0;
  const ws = ["x", "y"].map((n) => asyncio.createTask(waiter(n)));
  yield* asyncio.gather(...ws);
  results.sort((a, c) => String(a[0]).localeCompare(String(c[0])));
  print(show(results));
  const b2 = new asyncio.Barrier(2);
  const ws2 = [asyncio.createTask(b2.wait())];
  yield* asyncio.sleep(0);
  yield* b2.abort();
  const r = yield* asyncio.gather(...ws2, { returnExceptions: true });
  print((r[0] as Error).name, "broken:", b2.broken);
}

asyncio.runSync(main());
