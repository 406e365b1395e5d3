import * as asyncio from "asyncio-ts";
import { excName, print } from "./_py";

class Failing implements asyncio.AsyncContextManager<string> {
  constructor(readonly failOnClean: boolean) {}

  *aenter() {
    print("enter");
    return "v";
  }

  *aexit(exc?: unknown) {
    print("aexit got", exc === undefined ? null : excName(exc));
    yield* asyncio.sleep(0);
    if (exc !== undefined || this.failOnClean) throw new asyncio.RuntimeError("from aexit");
    return false;
  }
}

function* bodyRaises() {
  yield* asyncio.asyncWith(new Failing(false), function* () {
    throw new RangeError("from body");
  });
}

function* bodyReturns() {
  return yield* asyncio.asyncWith(new Failing(true), function* (v) {
    return v.repeat(3);
  });
}

function* bodyCancelled(started: asyncio.Future<unknown>) {
  yield* asyncio.asyncWith(new Failing(false), function* () {
    started.setResult(undefined);
    yield* asyncio.sleep(1);
  });
}

function* main() {
  try {
    yield* bodyRaises();
  } catch (e) {
    print("caught", excName(e), (e as Error).message);
  }
  try {
    print("returned", yield* bodyReturns());
  } catch (e) {
    print("caught", excName(e), (e as Error).message);
  }
  const started = asyncio.getRunningLoop().createFuture();
  const t = asyncio.createTask(bodyCancelled(started));
  yield* started;
  t.cancel();
  try {
    yield* t;
  } catch (e) {
    if (e instanceof asyncio.RuntimeError) print("task failed with", excName(e), e.message, "cancelled:", t.cancelled());
    else if (e instanceof asyncio.CancelledError) print("task cancelled");
    else throw e;
  }
}

asyncio.runSync(main());
