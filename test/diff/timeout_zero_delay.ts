import * as asyncio from "asyncio-ts";
import { print } from "./_py";

function* main() {
  const loop = asyncio.getRunningLoop();
  // no await inside: the deadline handler never gets to run
  let x = 0;
  let cm = asyncio.timeout(0);
  yield* asyncio.asyncWith(cm, function* () {
    x = 1 + 1;
  });
  print("zero delay, no await: expired", cm.expired(), x);
  for (const delay of [0, -1]) {
    cm = asyncio.timeout(delay);
    try {
      yield* asyncio.asyncWith(cm, function* () {
        print("delay", delay, "body starts");
        yield* asyncio.sleep(0);
        print("not reached");
      });
    } catch (e) {
      if (!(e instanceof asyncio.TimeoutError)) throw e;
      print("delay", delay, "-> TimeoutError at the first await; expired", cm.expired());
    }
  }
  // timeout_at now: same thing
  cm = asyncio.timeoutAt(loop.time());
  try {
    yield* asyncio.asyncWith(cm, function* () {
      const fut = loop.createFuture<string>();
      loop.callSoon(() => fut.done() || fut.setResult("value"));
      print("got", yield* fut);
    });
  } catch (e) {
    if (!(e instanceof asyncio.TimeoutError)) throw e;
    print("timeout_at(now) -> TimeoutError");
  }
  print("cancelling:", asyncio.currentTask()!.cancelling());
}

asyncio.runSync(main());
