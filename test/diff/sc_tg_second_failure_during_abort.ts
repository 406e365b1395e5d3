import * as asyncio from "asyncio-ts";
import { excName, print } from "./_py";

function* failAt(msg: string, d: number): asyncio.Coroutine<never> {
  yield* asyncio.sleep(d);
  throw new RangeError(msg);
}

function* failOnCancel() {
  try {
    yield* asyncio.sleep(1);
  } catch (e) {
    if (!(e instanceof asyncio.CancelledError)) throw e;
    yield* asyncio.sleep(0.01);
    throw new asyncio.LookupError("failed during abort");
  }
}

function* main() {
  try {
    yield* asyncio.asyncWith(new asyncio.TaskGroup(), function* (tg) {
      tg.createTask(failAt("first", 0.01));
      tg.createTask(failOnCancel());
      tg.createTask(failAt("never happens", 0.5));
    });
  } catch (eg) {
    if (!(eg instanceof asyncio.ExceptionGroup)) throw eg;
    print(eg.exceptions.map((e) => `${excName(e)}:${(e as Error).message}`).sort());
  }
}

asyncio.runSync(main(), { clock: new asyncio.VirtualClock() });
