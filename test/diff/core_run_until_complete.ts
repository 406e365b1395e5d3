import * as asyncio from "asyncio-ts";
import { print } from "./_py";

function* slow() {
  yield* asyncio.sleep(0.05);
  return "slow result";
}

function main() {
  const loop = asyncio.newEventLoop();
  print(loop.runUntilCompleteSync(asyncio.sleep(0, "direct")));
  const fut = loop.createFuture<string>();
  loop.callLater(0.01, (v: string) => fut.setResult(v), "future result");
  print(loop.runUntilCompleteSync(fut));
  const t = loop.createTask(slow());
  loop.callLater(0.01, () => loop.stop());
  try {
    loop.runUntilCompleteSync(t);
  } catch (e) {
    if (e instanceof asyncio.RuntimeError) print("RuntimeError:", e.message);
  }
  print("task still pending:", !t.done(), "running:", loop.isRunning());
  print(loop.runUntilCompleteSync(t));
  function* checkRunning() {
    return loop.isRunning();
  }
  print("is_running inside:", loop.runUntilCompleteSync(checkRunning()));
  function* fails(): asyncio.Coroutine<void> {
    throw new RangeError("inside run_until_complete");
  }
  try {
    loop.runUntilCompleteSync(fails());
  } catch (e) {
    if (e instanceof RangeError) print("ValueError:", e.message);
  }
  loop.close();
  loop.close();
  print("closed twice fine:", loop.isClosed());
  for (const attempt of [() => loop.callSoon(print), () => loop.callLater(1, print), () => loop.runForeverSync()]) {
    try {
      attempt();
    } catch (e) {
      if (e instanceof asyncio.RuntimeError) print("RuntimeError:", e.message);
    }
  }
}

main();
