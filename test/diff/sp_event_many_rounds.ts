import * as asyncio from "asyncio-ts";
import { print } from "./_py";

function* main() {
  const go = new asyncio.Event();
  const done = new asyncio.Event();
  const log: [number, number][] = [];
  function* worker(n: number) {
    for (let r = 0; r < 3; r++) {
      yield* go.wait();
      log.push([r, n]);
      yield* done.wait();
    }
  }
  const ws = [0, 1].map((i) => asyncio.createTask(worker(i)));
  for (let r = 0; r < 3; r++) {
    done.clear();
    go.set();
    yield* asyncio.sleep(0);
    yield* asyncio.sleep(0);
    go.clear();
    done.set();
    yield* asyncio.sleep(0);
  }
  yield* asyncio.gather(...ws);
  print(`[${log.map(([r, n]) => `(${r}, ${n})`).join(", ")}]`);
}

asyncio.runSync(main());
