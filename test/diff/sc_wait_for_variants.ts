import * as asyncio from "asyncio-ts";
import { print } from "./_py";

function* main() {
  const loop = asyncio.getRunningLoop();
  const done = asyncio.createTask(asyncio.sleep(0, "done task"));
  yield* asyncio.sleep(0);
  yield* asyncio.sleep(0);
  print(yield* asyncio.waitFor(done, 0), yield* asyncio.waitFor(done, -1), yield* asyncio.waitFor(done, null));
  const f = loop.createFuture<string>();
  loop.callLater(0.01, (v: string) => f.setResult(v), "future result");
  print(yield* asyncio.waitFor(f, 1));
  const failing = loop.createFuture();
  loop.callLater(0.01, () => failing.setException(new asyncio.LookupError("failed future")));
  try {
    yield* asyncio.waitFor(failing, 1);
  } catch (e) {
    if (e instanceof asyncio.LookupError) print("error passes through:", e.message);
  }
  const pending = loop.createFuture();
  try {
    yield* asyncio.waitFor(pending, 0);
  } catch (e) {
    if (e instanceof asyncio.TimeoutError) print("timeout 0 on a pending future cancels it:", pending.cancelled());
  }
}

asyncio.runSync(main());
