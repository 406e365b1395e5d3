import * as asyncio from "asyncio-ts";
import { print, repr } from "./_py";

function* selfCanceller() {
  const me = asyncio.currentTask()!;
  print("cancel myself:", me.cancel("by myself"), "cancelling:", me.cancelling());
  print("still running until the next await");
  try {
    yield* asyncio.sleep(0);
  } catch (e) {
    if (!(e instanceof asyncio.CancelledError)) throw e;
    print("got", repr(e.message));
    try {
      yield* asyncio.sleep(0);
      print("can await again after catching");
    } finally {
      print("finally");
    }
    throw e;
  }
}

function* cancelInFinally() {
  try {
    yield* asyncio.sleep(10);
  } finally {
    print("in finally, awaiting cleanup");
    yield* asyncio.sleep(10);
    print("never");
  }
}

function* main() {
  const t = asyncio.createTask(selfCanceller());
  try {
    yield* t;
  } catch (e) {
    if (e instanceof asyncio.CancelledError) print("task cancelled:", t.cancelled());
  }
  const t2 = asyncio.createTask(cancelInFinally());
  yield* asyncio.sleep(0);
  t2.cancel();
  yield* asyncio.sleep(0);
  print("cancelled during cleanup too:", t2.cancel(), t2.cancelling());
  try {
    yield* t2;
  } catch (e) {
    if (e instanceof asyncio.CancelledError) print("t2 cancelled:", t2.cancelled());
  }
}

asyncio.runSync(main(), { clock: new asyncio.VirtualClock() });
