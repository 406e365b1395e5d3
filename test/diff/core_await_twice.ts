import * as asyncio from "asyncio-ts";
import { print } from "./_py";

function* compute() {
  print("computing once");
  yield* asyncio.sleep(0);
  return 7;
}

function* main() {
  const t = asyncio.createTask(compute());
  const a = yield* t;
  const b = yield* t;
  print(a, b);
  const results = yield* asyncio.gather(...[0, 1, 2].map(() => asyncio.waitFor(t, null)));
  print(results);
  const fut = asyncio.getRunningLoop().createFuture<string>();
  function* reader(i: number) {
    return [i, yield* fut];
  }
  const readers = [0, 1, 2].map((i) => asyncio.createTask(reader(i)));
  yield* asyncio.sleep(0);
  fut.setResult("shared");
  // Python prints tuples: (0, 'shared')
  print(`[${(yield* asyncio.gather(...readers)).map(([i, s]) => `(${i}, '${s}')`).join(", ")}]`);
}

asyncio.runSync(main());
