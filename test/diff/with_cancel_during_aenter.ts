import * as asyncio from "asyncio-ts";
import { print } from "./_py";

class SlowEnter implements asyncio.AsyncContextManager<SlowEnter> {
  *aenter() {
    print("aenter waiting");
    try {
      yield* asyncio.sleep(1);
    } catch (e) {
      if (e instanceof asyncio.CancelledError) print("aenter cancelled");
      throw e;
    }
    return this;
  }

  *aexit(_exc?: unknown) {
    print("aexit must not run");
    return true;
  }
}

class SlowExit implements asyncio.AsyncContextManager<SlowExit> {
  *aenter() {
    print("enter ok");
    return this;
  }

  *aexit(exc?: unknown) {
    print("aexit waiting, body clean:", exc === undefined);
    try {
      yield* asyncio.sleep(1);
    } catch (e) {
      if (e instanceof asyncio.CancelledError) print("aexit cancelled");
      throw e;
    }
    return true;
  }
}

function* use(cm: asyncio.AsyncContextManager<unknown>) {
  yield* asyncio.asyncWith(cm, function* () {
    print("body runs");
  });
  print("after with (not reached)");
}

function* main() {
  for (const cm of [new SlowEnter(), new SlowExit()]) {
    const t = asyncio.createTask(use(cm));
    yield* asyncio.sleep(0.01);
    t.cancel();
    try {
      yield* t;
    } catch (e) {
      if (!(e instanceof asyncio.CancelledError)) throw e;
      print("task cancelled:", t.cancelled());
    }
  }
}

asyncio.runSync(main());
