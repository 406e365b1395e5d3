import * as asyncio from "asyncio-ts";
import { print } from "./_py";

function* main() {
  const lq = new asyncio.LifoQueue<number>();
  const out: number[] = [];
  function* consumer() {
    for (let i = 0; i < 4; i++) out.push(yield* lq.get());
  }
  const c = asyncio.createTask(consumer());
  yield* asyncio.sleep(0);
  lq.putNowait(1);
  lq.putNowait(2);
  yield* asyncio.sleep(0);
  lq.putNowait(3);
  lq.putNowait(4);
  yield* c;
  print(out);
  const lq2 = new asyncio.LifoQueue<number>();
  for (let i = 0; i < 3; i++) yield* lq2.put(i);
  const got: number[] = [];
  for (let i = 0; i < 3; i++) got.push(yield* lq2.get());
  print(got);
}

asyncio.runSync(main());
