import * as asyncio from "asyncio-ts";
import { print } from "./_py";

function* main() {
  const ev = new asyncio.Event();
  const woke: number[] = [];
  function* waiter(n: number) {
    yield* ev.wait();
    woke.push(n);
  }
  const ts = [0, 1, 2].map((i) => asyncio.createTask(waiter(i)));
  yield* asyncio.sleep(0);
  ev.set();
  ev.clear();
  print("cleared right after set; set now:", ev.isSet());
  yield* asyncio.gather(...ts);
  print("waiters woken before the clear still wake:", woke);
  const q = new asyncio.Queue<string>(1);
  q.putNowait("first");
  const p = asyncio.createTask(q.put("second"));
  yield* asyncio.sleep(0);
  p.cancel();
  yield* asyncio.gather(p, { returnExceptions: true });
  print("cancelled put did not insert:", q.qsize(), q.getNowait(), q.empty());
  const p2 = asyncio.createTask(q.put("third"));
  yield* asyncio.sleep(0);
  print("unblocked put completes:", p2.done(), q.getNowait());
}

asyncio.runSync(main());
