import * as asyncio from "asyncio-ts";
import { print } from "./_py";

function* main() {
  const sem = new asyncio.Semaphore(3);
  let running = 0;
  const timeline: number[] = [];
  function* job(n: number) {
    yield* asyncio.asyncWith(sem, function* () {
      running += 1;
      timeline.push(running);
      yield* asyncio.sleep(0.01 * ((n % 3) + 1));
      running -= 1;
    });
    return n;
  }
  const results = yield* asyncio.gather(...Array.from({ length: 10 }, (_, i) => job(i)));
  print(results);
  print("max concurrency:", Math.max(...timeline), "all started:", timeline.length);
}

asyncio.runSync(main(), { clock: new asyncio.VirtualClock() });
