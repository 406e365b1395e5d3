import * as asyncio from "asyncio-ts";
import { print, repr } from "./_py";

function* ownTimeout(): asyncio.Coroutine<never> {
  yield* asyncio.sleep(0.01);
  throw new asyncio.TimeoutError("raised by the coroutine itself");
}

function* main() {
  try {
    yield* asyncio.waitFor(ownTimeout(), 1);
  } catch (e) {
    if (!(e instanceof asyncio.TimeoutError)) throw e;
    print("wait_for passes it on:", repr(e.message));
  }
  let cm = asyncio.timeout(1);
  try {
    yield* asyncio.asyncWith(cm, function* () {
      yield* ownTimeout();
    });
  } catch (e) {
    if (!(e instanceof asyncio.TimeoutError)) throw e;
    print("timeout() passes it on:", repr(e.message), "expired:", cm.expired());
  }
  cm = asyncio.timeout(0.02);
  try {
    yield* asyncio.asyncWith(cm, function* () {
      yield* asyncio.waitFor(asyncio.sleep(1), 0.5);
    });
  } catch (e) {
    if (!(e instanceof asyncio.TimeoutError)) throw e;
    print("outer timeout fired:", repr(e.message), "expired:", cm.expired());
  }
  try {
    yield* asyncio.waitFor(asyncio.sleep(1), 0.02);
  } catch (e) {
    if (!(e instanceof asyncio.TimeoutError)) throw e;
    print("wait_for's own TimeoutError:", repr(e.message));
  }
  print("cancelling:", asyncio.currentTask()!.cancelling());
}

asyncio.runSync(main());
