import * as asyncio from "asyncio-ts";
import { print } from "./_py";

function* boom(d: number): asyncio.Coroutine<never> {
  yield* asyncio.sleep(d);
  throw new asyncio.LookupError("boom");
}

function* main() {
  try {
    yield* asyncio.waitFor(boom(0.01), 1);
  } catch (e) {
    if (e instanceof asyncio.LookupError) print("coroutine error through wait_for:", e.message);
  }
  try {
    yield* asyncio.waitFor(boom(1), 0.01);
  } catch (e) {
    if (e instanceof asyncio.TimeoutError) print("timeout wins over a later error");
  }
  function* returnsNone() {
    yield* asyncio.sleep(0);
  }
  print("None result:", yield* asyncio.waitFor(returnsNone(), 1));
}

asyncio.runSync(main(), { clock: new asyncio.VirtualClock() });
