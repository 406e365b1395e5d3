import * as asyncio from "asyncio-ts";
import { excName, print } from "./_py";

function* fail(msg: string, d: number): asyncio.Coroutine<never> {
  yield* asyncio.sleep(d);
  throw new RangeError(msg);
}

const describeGroup = (eg: asyncio.ExceptionGroup) => eg.exceptions.map((e) => `${excName(e)}:${(e as Error).message}`).sort();

function* main() {
  try {
    yield* asyncio.asyncWith(new asyncio.TaskGroup(), function* (tg) {
      tg.createTask(fail("child", 0.01));
      yield* asyncio.sleep(0.005);
      throw new asyncio.LookupError("body");
    });
  } catch (eg) {
    if (!(eg instanceof asyncio.ExceptionGroup)) throw eg;
    print(describeGroup(eg));
  }
  try {
    yield* asyncio.asyncWith(new asyncio.TaskGroup(), function* (tg) {
      tg.createTask(fail("child first", 0.005));
      try {
        yield* asyncio.sleep(0.05);
      } catch (e) {
        if (e instanceof asyncio.CancelledError) throw new asyncio.LookupError("body raised while cancelled");
        throw e;
      }
    });
  } catch (eg) {
    if (!(eg instanceof asyncio.ExceptionGroup)) throw eg;
    print(describeGroup(eg));
  }
}

asyncio.runSync(main(), { clock: new asyncio.VirtualClock() });
