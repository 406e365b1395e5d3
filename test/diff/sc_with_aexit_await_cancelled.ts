import * as asyncio from "asyncio-ts";
import { print } from "./_py";

const slowClose: asyncio.AsyncContextManager<void> = {
  *aenter() {},
  *aexit() {
    print("closing…");
    try {
      yield* asyncio.sleep(0.05);
      print("closed");
    } catch (e) {
      if (e instanceof asyncio.CancelledError) print("close interrupted by a second cancel");
      throw e;
    }
    return false;
  },
};

function* user() {
  yield* asyncio.asyncWith(slowClose, function* () {
    yield* asyncio.sleep(1);
  });
}

function* main() {
  const t = asyncio.createTask(user());
  yield* asyncio.sleep(0.01);
  t.cancel();
  yield* asyncio.sleep(0.01);
  t.cancel();
  yield* asyncio.gather(t, { returnExceptions: true });
  print("cancelled:", t.cancelled());
}

asyncio.runSync(main(), { clock: new asyncio.VirtualClock() });
