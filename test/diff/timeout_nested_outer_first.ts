import * as asyncio from "asyncio-ts";
import { print } from "./_py";

const r1 = (x: number) => x.toFixed(1);

function* main() {
  const loop = asyncio.getRunningLoop();
  const t0 = loop.time();
  let outer = asyncio.timeout(0.03);
  let inner!: asyncio.Timeout;
  try {
    yield* asyncio.asyncWith(outer, function* () {
      inner = asyncio.timeout(0.2);
      try {
        yield* asyncio.asyncWith(inner, function* () {
          try {
            yield* asyncio.sleep(1);
          } catch (e) {
            if (e instanceof asyncio.CancelledError) print("innermost body sees CancelledError");
            throw e;
          }
        });
      } catch (e) {
        if (e instanceof asyncio.TimeoutError) print("wrong: inner converted it");
        else if (e instanceof asyncio.CancelledError) {
          print("inner block lets CancelledError through; inner expired:", inner.expired());
          throw e;
        } else throw e;
      }
    });
  } catch (e) {
    if (!(e instanceof asyncio.TimeoutError)) throw e;
    print("outer TimeoutError at", r1(loop.time() - t0), "outer expired:", outer.expired());
  }
  print("cancelling:", asyncio.currentTask()!.cancelling());
  // the same with equal deadlines given to timeout_at: the outer one fires first
  const when = loop.time() + 0.03;
  outer = asyncio.timeoutAt(when);
  try {
    yield* asyncio.asyncWith(outer, function* () {
      inner = asyncio.timeoutAt(when);
      yield* asyncio.asyncWith(inner, function* () {
        yield* asyncio.sleep(1);
      });
    });
  } catch (e) {
    if (!(e instanceof asyncio.TimeoutError)) throw e;
    print("equal deadlines: outer expired", outer.expired(), "inner expired", inner.expired());
  }
}

asyncio.runSync(main());
