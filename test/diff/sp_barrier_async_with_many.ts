import * as asyncio from "asyncio-ts";
import { print } from "./_py";

function* main() {
  const barrier = new asyncio.Barrier(4);
  const log: string[] = [];
  function* worker(n: number) {
    log.push(`${n} before`);
    return yield* asyncio.asyncWith(barrier, function* (idx) {
      log.push(`${n} passed`);
      return idx;
    });
  }
  const results = yield* asyncio.gather(...[0, 1, 2, 3].map(worker));
  print([...results].sort());
  print(log.slice(0, 4));
  print(log.slice(4).sort());
  print("n_waiting after the round:", barrier.nWaiting, "parties:", barrier.parties);
}

asyncio.runSync(main());
