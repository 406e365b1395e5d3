import * as asyncio from "asyncio-ts";
import { print } from "./_py";

function* main() {
  const ev = new asyncio.Event();
  const w = asyncio.createTask(ev.wait());
  yield* asyncio.sleep(0);
  w.cancel();
  yield* asyncio.gather(w, { returnExceptions: true });
  print("cancelled waiter:", w.cancelled());
  ev.set();
  print("set after a cancelled waiter:", ev.isSet());
  const results = yield* asyncio.gather(ev.wait(), ev.wait(), ev.wait());
  print("waits on a set event:", results);
  ev.clear();
  const t = asyncio.createTask(asyncio.waitFor(ev.wait(), 0.01));
  try {
    yield* t;
  } catch (e) {
    if (e instanceof asyncio.TimeoutError) print("wait_for(event.wait()) timed out; is_set:", ev.isSet());
  }
}

asyncio.runSync(main());
