import * as asyncio from "asyncio-ts";
import { print } from "./_py";

function* neverRuns() {
  print("never_runs started (should not print)");
  return 1;
}

function* main() {
  const loop = asyncio.getRunningLoop();
  const done = loop.createFuture<string>();
  done.setResult("ready");
  print("done future, timeout 0:", yield* asyncio.waitFor(done, 0));
  const failed = loop.createFuture();
  failed.setException(new RangeError("stored error"));
  try {
    yield* asyncio.waitFor(failed, 0);
  } catch (e) {
    if (!(e instanceof RangeError)) throw e;
    print("done future with error, timeout 0:", e.message);
  }
  const pending = loop.createFuture();
  try {
    yield* asyncio.waitFor(pending, 0);
  } catch (e) {
    if (!(e instanceof asyncio.TimeoutError)) throw e;
    print("pending future, timeout 0 -> TimeoutError; future cancelled:", pending.cancelled());
  }
  const t = asyncio.createTask(asyncio.sleep(1));
  try {
    yield* asyncio.waitFor(t, -1);
  } catch (e) {
    if (!(e instanceof asyncio.TimeoutError)) throw e;
    print("pending task, timeout -1 -> TimeoutError; task cancelled:", t.cancelled());
  }
  try {
    yield* asyncio.waitFor(neverRuns(), 0);
  } catch (e) {
    if (!(e instanceof asyncio.TimeoutError)) throw e;
    print("coroutine, timeout 0 -> TimeoutError without running");
  }
  print("cancelling:", asyncio.currentTask()!.cancelling());
}

asyncio.runSync(main());
