import * as asyncio from "asyncio-ts";
import { print } from "./_py";

function* main() {
  const q = new asyncio.Queue<number | null>();
  const got: [string, number][] = [];
  function* consumer(name: string) {
    for (;;) {
      const item = yield* q.get();
      if (item === null) return;
      got.push([name, item]);
    }
  }
  const cs = [0, 1, 2].map((i) => asyncio.createTask(consumer(`c${i}`)));
  yield* asyncio.sleep(0);
  for (let i = 0; i < 6; i++) q.putNowait(i);
  yield* asyncio.sleep(0);
  for (const _ of cs) q.putNowait(null);
  yield* asyncio.gather(...cs);
  print(`[${got.map(([n, i]) => `('${n}', ${i})`).join(", ")}]`);
  const lq = new asyncio.LifoQueue<string>(2);
  yield* lq.put("a");
  yield* lq.put("b");
  const blocked = asyncio.createTask(lq.put("c"));
  yield* asyncio.sleep(0);
  print("full:", lq.full(), "put blocked:", !blocked.done());
  print(yield* lq.get());
  yield* blocked;
  print(Array.from({ length: lq.qsize() }, () => lq.getNowait()));
}

asyncio.runSync(main());
