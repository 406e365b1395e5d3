import * as asyncio from "asyncio-ts";
import { print, repr } from "./_py";

function* inner() {
  yield* asyncio.sleep(10);
}

function* middle() {
  try {
    yield* asyncio.createTask(inner());
  } catch (e) {
    if (e instanceof asyncio.CancelledError) print("middle sees:", repr(e.message));
    throw e;
  }
}

function* main() {
  const t = asyncio.createTask(middle());
  yield* asyncio.sleep(0);
  yield* asyncio.sleep(0);
  t.cancel("shutting down");
  try {
    yield* t;
  } catch (e) {
    if (e instanceof asyncio.CancelledError) print("main sees:", repr(e.message));
  }
  const t2 = asyncio.createTask(asyncio.sleep(10));
  yield* asyncio.sleep(0);
  t2.cancel();
  try {
    yield* t2;
  } catch (e) {
    if (e instanceof asyncio.CancelledError) print("no message:", repr(e.message));
  }
  const f = asyncio.getRunningLoop().createFuture();
  function* waitF() {
    yield* f;
  }
  const t3 = asyncio.createTask(waitF());
  yield* asyncio.sleep(0);
  f.cancel("future cancelled");
  try {
    yield* t3;
  } catch (e) {
    if (e instanceof asyncio.CancelledError) print("from future:", repr(e.message), t3.cancelled());
  }
}

asyncio.runSync(main(), { clock: new asyncio.VirtualClock() });
