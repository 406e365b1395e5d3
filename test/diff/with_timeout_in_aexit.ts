import * as asyncio from "asyncio-ts";
import { excName, print } from "./_py";

class SlowExit implements asyncio.AsyncContextManager<SlowExit> {
  constructor(
    readonly name: string,
    readonly delay: number,
  ) {}

  *aenter() {
    print(this.name, "entered");
    return this;
  }

  *aexit(exc?: unknown) {
    print(this.name, "aexit starts; body error:", exc === undefined ? null : excName(exc));
    try {
      yield* asyncio.sleep(this.delay);
    } catch (e) {
      if (e instanceof asyncio.CancelledError) print(this.name, "aexit cancelled");
      throw e;
    }
    print(this.name, "aexit done");
    return false;
  }
}

function* main() {
  const loop = asyncio.getRunningLoop();
  const t0 = loop.time();
  // the deadline passes while aexit awaits: aexit's CancelledError becomes TimeoutError
  let cm = asyncio.timeout(0.03);
  try {
    yield* asyncio.asyncWith(cm, function* () {
      yield* asyncio.asyncWith(new SlowExit("a", 1), function* () {
        yield* asyncio.sleep(0.01);
      });
    });
  } catch (e) {
    if (!(e instanceof asyncio.TimeoutError)) throw e;
    print("TimeoutError; expired", cm.expired(), "elapsed", (loop.time() - t0).toFixed(1));
  }
  // the deadline passes in the body; aexit sees CancelledError and finishes its own awaits
  cm = asyncio.timeout(0.02);
  try {
    yield* asyncio.asyncWith(cm, function* () {
      yield* asyncio.asyncWith(new SlowExit("b", 0.02), function* () {
        yield* asyncio.sleep(1);
      });
    });
  } catch (e) {
    if (!(e instanceof asyncio.TimeoutError)) throw e;
    print("TimeoutError after aexit finished; expired", cm.expired());
  }
  // the timeout inside the custom manager's body
  yield* asyncio.asyncWith(new SlowExit("c", 0), function* () {
    try {
      yield* asyncio.asyncWith(asyncio.timeout(0.01), function* () {
        yield* asyncio.sleep(1);
      });
    } catch (e) {
      if (!(e instanceof asyncio.TimeoutError)) throw e;
      print("c body handled its TimeoutError");
    }
  });
  print("cancelling:", asyncio.currentTask()!.cancelling());
}

asyncio.runSync(main());
