import * as asyncio from "asyncio-ts";
import { print } from "./_py";

function* worker() {
  const me = asyncio.currentTask()!;
  try {
    yield* asyncio.sleep(1);
  } catch (e) {
    if (!(e instanceof asyncio.CancelledError)) throw e;
    print("worker swallowed a cancel; cancelling:", me.cancelling());
  }
  try {
    yield* asyncio.asyncWith(asyncio.timeout(0.02), function* () {
      yield* asyncio.sleep(1);
    });
  } catch (e) {
    if (!(e instanceof asyncio.TimeoutError)) throw e;
    print("a later timeout still becomes TimeoutError; cancelling:", me.cancelling());
  }
  me.uncancel();
  print("after uncancel:", me.cancelling());
  try {
    yield* asyncio.asyncWith(asyncio.timeout(0.02), function* () {
      yield* asyncio.sleep(1);
    });
  } catch (e) {
    if (!(e instanceof asyncio.TimeoutError)) throw e;
    print("and again; cancelling:", me.cancelling());
  }
  return "worker done";
}

function* main() {
  const t = asyncio.createTask(worker());
  yield* asyncio.sleep(0.01);
  t.cancel();
  print(yield* t);
}

asyncio.runSync(main());
