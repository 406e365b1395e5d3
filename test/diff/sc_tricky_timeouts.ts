import * as asyncio from "asyncio-ts";
import { print } from "./_py";

function* main() {
  const loop = asyncio.getRunningLoop();
  // A timeout expiring at the same moment the inner work finishes.
  const fut = loop.createFuture<string>();
  let cm = asyncio.timeout(0);
  try {
    yield* asyncio.asyncWith(cm, function* () {
      fut.setResult("done");
      print("inner finished:", yield* fut);
    });
    print("no TimeoutError: the body never yielded; expired:", cm.expired());
  } catch (e) {
    if (e instanceof asyncio.TimeoutError) print("TimeoutError");
  }
  cm = asyncio.timeout(0);
  try {
    yield* asyncio.asyncWith(cm, function* () {
      yield* asyncio.sleep(0);
      print("unreachable");
    });
  } catch (e) {
    if (e instanceof asyncio.TimeoutError) print("TimeoutError at the first suspension; expired:", cm.expired());
  }
  // Nested timeouts: the inner expires first, the outer does not see it.
  yield* asyncio.asyncWith(asyncio.timeout(1), function* (outer) {
    const inner = asyncio.timeout(0.01);
    try {
      yield* asyncio.asyncWith(inner, function* () {
        yield* asyncio.sleep(1);
      });
    } catch (e) {
      if (e instanceof asyncio.TimeoutError) print("inner expired:", inner.expired(), "outer expired:", outer.expired());
    }
  });
  // The outer expires first: the inner scope sees a plain cancellation.
  const outer = asyncio.timeout(0.01);
  try {
    yield* asyncio.asyncWith(outer, function* () {
      const inner = asyncio.timeout(1);
      try {
        yield* asyncio.asyncWith(inner, function* () {
          yield* asyncio.sleep(1);
        });
      } catch (e) {
        if (e instanceof asyncio.TimeoutError) print("wrong: inner turned the outer's cancellation into TimeoutError");
        else if (e instanceof asyncio.CancelledError) {
          print("inner passes CancelledError on; inner expired:", inner.expired());
          throw e;
        }
      }
    });
  } catch (e) {
    if (e instanceof asyncio.TimeoutError) print("outer TimeoutError; outer expired:", outer.expired());
  }
  print("cancelling() back to", asyncio.currentTask()!.cancelling());
  // Cancellation from outside during a timeout stays CancelledError.
  function* guarded() {
    yield* asyncio.asyncWith(asyncio.timeout(1), function* () {
      yield* asyncio.sleep(1);
    });
  }
  const t = asyncio.createTask(guarded());
  yield* asyncio.sleep(0.01);
  t.cancel();
  try {
    yield* t;
  } catch (e) {
    if (e instanceof asyncio.CancelledError) print("outside cancellation stays CancelledError");
    else if (e instanceof asyncio.TimeoutError) print("wrong: TimeoutError");
  }
}

asyncio.runSync(main());
