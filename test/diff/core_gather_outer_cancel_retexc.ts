import * as asyncio from "asyncio-ts";
import { print } from "./_py";

function* child(name: string, d: number) {
  try {
    yield* asyncio.sleep(d);
    return name;
  } catch (e) {
    if (e instanceof asyncio.CancelledError) print(name, "cancelled");
    throw e;
  }
}

function* main() {
  const g = asyncio.gather(child("a", 0.01), child("b", 1), { returnExceptions: true });
  yield* asyncio.sleep(0.02);
  print("cancel:", g.cancel());
  try {
    print(yield* g);
  } catch (e) {
    if (e instanceof asyncio.CancelledError) print("return_exceptions does not swallow the gather's own cancellation");
  }
  const done = asyncio.gather(child("c", 0));
  yield* done;
  print("cancel a finished gather:", done.cancel());
  const g2 = asyncio.gather(child("d", 0.01));
  yield* asyncio.sleep(0.02);
  print("cancel when all children finished:", g2.cancel(), yield* g2);
}

asyncio.runSync(main());
