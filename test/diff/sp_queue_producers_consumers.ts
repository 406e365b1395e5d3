import * as asyncio from "asyncio-ts";
import { print } from "./_py";

function* main() {
  const q = new asyncio.Queue<number>(3);
  const produced: number[] = [];
  const consumed: number[] = [];
  function* producer(pid: number) {
    for (let i = 0; i < 4; i++) {
      const item = pid * 10 + i;
      yield* q.put(item);
      produced.push(item);
      yield* asyncio.sleep(0.001 * pid);
    }
  }
  function* consumer(_cid: number) {
    for (;;) {
      const item = yield* q.get();
      consumed.push(item);
      q.taskDone();
      yield* asyncio.sleep(0.002);
    }
  }
  const cs = [0, 1].map((c) => asyncio.createTask(consumer(c)));
  yield* asyncio.gather(...[1, 2, 3].map(producer));
  yield* q.join();
  for (const c of cs) c.cancel();
  yield* asyncio.gather(...cs, { returnExceptions: true });
  const sorted = (xs: number[]) => [...xs].sort((a, b) => a - b).join();
  print(sorted(produced) === sorted(consumed), consumed.length, q.empty());
}

asyncio.runSync(main(), { clock: new asyncio.VirtualClock() });
