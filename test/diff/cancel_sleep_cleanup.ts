import * as asyncio from "asyncio-ts";
import { print, repr } from "./_py";

function* innermost(): asyncio.Coroutine<void> {
  try {
    print("innermost sleeps");
    yield* asyncio.sleep(5);
  } finally {
    print("innermost finally");
  }
}

function* middle(): asyncio.Coroutine<void> {
  try {
    yield* innermost();
  } catch (e) {
    if (!(e instanceof asyncio.CancelledError)) throw e;
    print("middle except, msg:", repr(e.message));
    yield* asyncio.sleep(0.05);
    print("middle cleaned up after a real sleep; re-raising");
    throw e;
  } finally {
    print("middle finally");
  }
}

function* outer(): asyncio.Coroutine<void> {
  try {
    yield* middle();
  } finally {
    print("outer finally: awaiting in finally");
    yield* asyncio.sleep(0);
    print("outer finally done");
  }
}

function* main() {
  const loop = asyncio.getRunningLoop();
  const t0 = loop.time();
  const t = asyncio.createTask(outer());
  yield* asyncio.sleep(0.01);
  print("cancel:", t.cancel("stop now"));
  print("done right after cancel:", t.done());
  try {
    yield* t;
  } catch (e) {
    if (!(e instanceof asyncio.CancelledError)) throw e;
    print("main got CancelledError", repr(e.message));
  }
  print("elapsed:", Math.round((loop.time() - t0) * 10) / 10);
  print("cancelled:", t.cancelled(), "cancelling:", t.cancelling());
}

asyncio.runSync(main());
