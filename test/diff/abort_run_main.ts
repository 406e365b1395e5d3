// run(main, { signal }): an abort cancels the main task, as cancelling it from a
// callback does in Python; its finally blocks run and asyncio.run raises
// CancelledError (the program fails, in both).
import * as asyncio from "asyncio-ts";
import { print } from "./_py";

const controller = new AbortController();

function* main() {
  const task = asyncio.currentTask()!;
  const loop = asyncio.getRunningLoop();
  loop.callLater(0.05, () => controller.abort("shutdown"));
  try {
    print("main waits");
    yield* asyncio.sleep(3600);
  } finally {
    print("main finally, cancelling:", task.cancelling());
  }
}

await asyncio.run(main(), { signal: controller.signal });
print("not reached");
