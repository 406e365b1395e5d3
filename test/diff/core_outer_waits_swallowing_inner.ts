import * as asyncio from "asyncio-ts";
import { print } from "./_py";

function* inner() {
  try {
    yield* asyncio.sleep(10);
  } catch (e) {
    if (!(e instanceof asyncio.CancelledError)) throw e;
    print("inner swallows");
    return "inner result";
  }
}

function* outer(t: asyncio.Task<string | undefined>) {
  const r = yield* t;
  print("outer got", r, "cancelling():", asyncio.currentTask()!.cancelling());
  yield* asyncio.sleep(0);
  return "outer finished";
}

function* main() {
  const t = asyncio.createTask(inner());
  const o = asyncio.createTask(outer(t));
  yield* asyncio.sleep(0);
  print("cancel outer:", o.cancel());
  print(yield* o, o.cancelled(), t.cancelled());
}

asyncio.runSync(main(), { clock: new asyncio.VirtualClock() });
