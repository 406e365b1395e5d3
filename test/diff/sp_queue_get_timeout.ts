import * as asyncio from "asyncio-ts";
import { print } from "./_py";

function* main() {
  const q = new asyncio.Queue<string>();
  try {
    yield* asyncio.waitFor(q.get(), 0.01);
  } catch (e) {
    if (e instanceof asyncio.TimeoutError) print("get timed out; getters left:", q._getters.size);
  }
  q.putNowait("later");
  print("item still there:", q.getNowait());
  const full = new asyncio.Queue<number>(1);
  full.putNowait(1);
  try {
    yield* asyncio.waitFor(full.put(2), 0.01);
  } catch (e) {
    if (e instanceof asyncio.TimeoutError) print("put timed out; size:", full.qsize(), "putters left:", full._putters.size);
  }
  function* delayedPut() {
    yield* asyncio.sleep(0.01);
    q.putNowait("arrived");
  }
  asyncio.createTask(delayedPut());
  print("get within the limit:", yield* asyncio.waitFor(q.get(), 1));
}

asyncio.runSync(main());
