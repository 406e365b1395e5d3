import * as asyncio from "asyncio-ts";
import { print } from "./_py";

function* swallower() {
  try {
    yield* asyncio.sleep(10);
  } catch (e) {
    if (!(e instanceof asyncio.CancelledError)) throw e;
    print("swallower: ignoring cancellation");
  }
  return "swallowed";
}

function* normal() {
  yield* asyncio.sleep(10);
}

function* main() {
  const g = asyncio.gather(swallower(), normal(), { returnExceptions: true });
  yield* asyncio.sleep(0);
  print("cancel:", g.cancel());
  try {
    const r = yield* g;
    print("result", r);
  } catch (e) {
    if (e instanceof asyncio.CancelledError) print("gather still raises CancelledError");
  }
  const g2 = asyncio.gather(swallower());
  yield* asyncio.sleep(0);
  g2.cancel();
  try {
    print("only child swallowed:", yield* g2);
  } catch (e) {
    if (e instanceof asyncio.CancelledError) print("gather of one swallowing child raises CancelledError");
  }
}

asyncio.runSync(main(), { clock: new asyncio.VirtualClock() });
