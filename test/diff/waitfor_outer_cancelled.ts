import * as asyncio from "asyncio-ts";
import { print } from "./_py";

function* inner() {
  try {
    yield* asyncio.sleep(1);
    return "not reached";
  } finally {
    print("inner finally");
  }
}

function* waiter(aw: asyncio.Awaitable<string>) {
  try {
    return yield* asyncio.waitFor(aw, 10);
  } catch (e) {
    if (e instanceof asyncio.TimeoutError) print("wrong: TimeoutError");
    else if (e instanceof asyncio.CancelledError) {
      print("waiter sees CancelledError");
      throw e;
    } else throw e;
  }
  return undefined;
}

function* main() {
  let innerTask = asyncio.createTask(inner());
  let w: asyncio.Task<unknown> = asyncio.createTask(waiter(innerTask));
  yield* asyncio.sleep(0.01);
  w.cancel();
  try {
    yield* w;
  } catch (e) {
    if (!(e instanceof asyncio.CancelledError)) throw e;
    print("waiter cancelled:", w.cancelled(), "inner cancelled:", innerTask.cancelled());
  }
  // the same with a coroutine: it is cancelled with the waiter
  w = asyncio.createTask(waiter(inner()));
  yield* asyncio.sleep(0.01);
  w.cancel();
  try {
    yield* w;
  } catch (e) {
    if (!(e instanceof asyncio.CancelledError)) throw e;
    print("waiter cancelled:", w.cancelled());
  }
  // with timeout=None
  innerTask = asyncio.createTask(inner());
  w = asyncio.createTask(asyncio.waitFor(innerTask, null));
  yield* asyncio.sleep(0.01);
  w.cancel();
  try {
    yield* w;
  } catch (e) {
    if (!(e instanceof asyncio.CancelledError)) throw e;
    print("timeout=None: waiter cancelled:", w.cancelled(), "inner cancelled:", innerTask.cancelled());
  }
}

asyncio.runSync(main());
