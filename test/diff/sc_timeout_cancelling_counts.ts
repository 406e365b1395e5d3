import * as asyncio from "asyncio-ts";
import { print } from "./_py";

function* main() {
  const me = asyncio.currentTask()!;
  try {
    yield* asyncio.asyncWith(asyncio.timeout(0.01), function* () {
      yield* asyncio.sleep(1);
    });
  } catch (e) {
    if (e instanceof asyncio.TimeoutError) print("after a handled timeout, cancelling():", me.cancelling());
  }
  function* victim() {
    const task = asyncio.currentTask()!;
    try {
      yield* asyncio.asyncWith(asyncio.timeout(0.01), function* () {
        try {
          yield* asyncio.sleep(1);
        } finally {
          print("inside, cancelling():", task.cancelling());
        }
      });
    } catch (e) {
      if (e instanceof asyncio.TimeoutError) print("wrong: TimeoutError");
      else if (e instanceof asyncio.CancelledError) {
        print("outside cancel wins; cancelling():", task.cancelling());
        throw e;
      }
    }
  }
  const t = asyncio.createTask(victim());
  yield* asyncio.sleep(0.005);
  t.cancel();
  yield* asyncio.sleep(0.01);
  yield* asyncio.gather(t, { returnExceptions: true });
  print("victim cancelled:", t.cancelled());
}

asyncio.runSync(main(), { clock: new asyncio.VirtualClock() });
