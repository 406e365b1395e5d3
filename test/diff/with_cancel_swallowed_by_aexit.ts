import * as asyncio from "asyncio-ts";
import { excName, print } from "./_py";

class Guard implements asyncio.AsyncContextManager<Guard> {
  constructor(readonly swallowCancel: boolean) {}

  *aenter() {
    return this;
  }

  *aexit(exc?: unknown) {
    print("aexit saw", exc === undefined ? null : excName(exc));
    if (exc instanceof asyncio.CancelledError) return this.swallowCancel;
    return false;
  }
}

function* worker(name: string, swallow: boolean, started: asyncio.Future<unknown>) {
  yield* asyncio.asyncWith(new Guard(swallow), function* () {
    started.setResult(undefined);
    yield* asyncio.sleep(1);
    print("not reached");
  });
  const task = asyncio.currentTask()!;
  print(name, "continues after with; cancelling:", task.cancelling());
  yield* asyncio.sleep(0.01);
  print(name, "slept fine after swallowing");
  return name + " finished";
}

function* main() {
  const loop = asyncio.getRunningLoop();
  for (const [name, swallow] of [["swallower", true], ["propagator", false]] as const) {
    const started = loop.createFuture();
    const t = asyncio.createTask(worker(name, swallow, started));
    yield* started;
    print("cancel returns", t.cancel());
    try {
      print("result:", yield* t);
    } catch (e) {
      if (!(e instanceof asyncio.CancelledError)) throw e;
      print(name, "was cancelled");
    }
    print("cancelled():", t.cancelled(), "cancelling():", t.cancelling());
  }
}

asyncio.runSync(main());
