import * as asyncio from "asyncio-ts";
import { print } from "./_py";

const r1 = (x: number) => x.toFixed(1);

function* main() {
  const loop = asyncio.getRunningLoop();
  const t0 = loop.time();
  let outer = asyncio.timeout(0.2);
  let inner!: asyncio.Timeout;
  yield* asyncio.asyncWith(outer, function* (outer) {
    inner = asyncio.timeout(0.03);
    try {
      yield* asyncio.asyncWith(inner, function* () {
        yield* asyncio.sleep(1);
      });
    } catch (e) {
      if (!(e instanceof asyncio.TimeoutError)) throw e;
      print("inner TimeoutError at", r1(loop.time() - t0));
    }
    print("inner expired:", inner.expired(), "outer expired:", outer.expired());
    print("cancelling inside outer:", asyncio.currentTask()!.cancelling());
    yield* asyncio.sleep(0.02);
    print("outer body continues");
  });
  print("outer expired:", outer.expired(), "elapsed", r1(loop.time() - t0));
  // inner expires, is not caught inside: the outer block sees TimeoutError, not CancelledError
  outer = asyncio.timeout(0.2);
  try {
    yield* asyncio.asyncWith(outer, function* () {
      inner = asyncio.timeout(0.02);
      yield* asyncio.asyncWith(inner, function* () {
        yield* asyncio.sleep(1);
      });
    });
  } catch (e) {
    if (!(e instanceof asyncio.TimeoutError)) throw e;
    print("TimeoutError escaped both; inner expired:", inner.expired(), "outer expired:", outer.expired());
  }
  print("cancelling:", asyncio.currentTask()!.cancelling());
}

asyncio.runSync(main());
