import * as asyncio from "asyncio-ts";
import { print } from "./_py";

function* main() {
  const q = new asyncio.Queue<number | null | string>(2);
  const log: string[] = [];
  function* producer() {
    for (let i = 0; i < 5; i++) {
      yield* q.put(i);
      log.push(`put ${i} (size ${q.qsize()})`);
    }
    yield* q.put(null);
  }
  function* consumer() {
    for (;;) {
      const item = yield* q.get();
      q.taskDone();
      if (item === null) break;
      log.push(`got ${item}`);
      yield* asyncio.sleep(0);
    }
  }
  yield* asyncio.gather(producer(), consumer());
  print(log.join("\n"));
  print("empty:", q.empty(), "full:", q.full(), "maxsize:", q.maxsize);
  try {
    q.getNowait();
  } catch (e) {
    if (e instanceof asyncio.QueueEmpty) print("QueueEmpty");
  }
  q.putNowait(1);
  q.putNowait(2);
  try {
    q.putNowait(3);
  } catch (e) {
    if (e instanceof asyncio.QueueFull) print("QueueFull");
  }
  print(q.getNowait(), q.getNowait());
  q.taskDone();
  q.taskDone();
  try {
    q.taskDone();
  } catch (e) {
    if (e instanceof RangeError) print("ValueError:", e.message);
  }
  yield* q.join();
  print("join returns at once when all done");
  const u = new asyncio.Queue<number>(-1);
  for (let i = 0; i < 100; i++) u.putNowait(i);
  print("negative maxsize is unbounded:", u.full(), u.qsize());
  // a cancelled get loses no item
  const g = asyncio.createTask(q.get());
  yield* asyncio.sleep(0);
  q.putNowait("item");
  g.cancel();
  yield* asyncio.gather(g, { returnExceptions: true });
  print("item still there:", q.qsize(), g.cancelled() ? q.getNowait() : "taken by getter");
}

asyncio.runSync(main());
