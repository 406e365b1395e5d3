import * as asyncio from "asyncio-ts";
import { excName, print } from "./_py";

function* cleanupFails() {
  try {
    yield* asyncio.sleep(1);
  } finally {
    // biome-ignore lint: the point is an error thrown from a finally block.
    throw new asyncio.LookupError("cleanup failed");
  }
}

function* trigger(): asyncio.Coroutine<never> {
  yield* asyncio.sleep(0.01);
  throw new RangeError("trigger");
}

function* main() {
  try {
    yield* asyncio.asyncWith(new asyncio.TaskGroup(), function* (tg) {
      tg.createTask(cleanupFails());
      tg.createTask(trigger());
    });
  } catch (eg) {
    if (!(eg instanceof asyncio.ExceptionGroup)) throw eg;
    print(eg.exceptions.map((e) => `${excName(e)}: ${(e as Error).message}`).sort());
  }
}

asyncio.runSync(main());
