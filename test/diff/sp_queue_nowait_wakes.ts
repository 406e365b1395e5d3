import * as asyncio from "asyncio-ts";
import { print } from "./_py";

function* main() {
  const q = new asyncio.Queue<string>();
  const got: [number, string][] = [];
  const show = () => `[${got.map(([n, x]) => `(${n}, '${x}')`).join(", ")}]`;
  function* getter(n: number) {
    got.push([n, yield* q.get()]);
  }
  const gs = [0, 1, 2].map((i) => asyncio.createTask(getter(i)));
  yield* asyncio.sleep(0);
  q.putNowait("x");
  print("put_nowait wakes one getter; done now:", gs.map((g) => g.done()));
  yield* asyncio.sleep(0);
  print("after a turn:", gs.map((g) => g.done()), show());
  q.putNowait("y");
  q.putNowait("z");
  yield* asyncio.gather(...gs);
  print(show());
  const b = new asyncio.Queue<number>(2);
  b.putNowait(1);
  b.putNowait(2);
  const p = asyncio.createTask(b.put(3));
  yield* asyncio.sleep(0);
  print("get_nowait wakes the putter:", b.getNowait(), p.done());
  yield* asyncio.sleep(0);
  print(p.done(), Array.from({ length: b.qsize() }, () => b.getNowait()));
}

asyncio.runSync(main());
