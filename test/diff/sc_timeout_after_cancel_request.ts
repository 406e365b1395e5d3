import * as asyncio from "asyncio-ts";
import { print } from "./_py";

function* main() {
  function* worker() {
    const me = asyncio.currentTask()!;
    try {
      yield* asyncio.asyncWith(asyncio.timeout(0.01), function* () {
        me.cancel();
        try {
          yield* asyncio.sleep(1);
        } catch (e) {
          if (e instanceof asyncio.CancelledError) print("got the explicit cancel first");
          throw e;
        }
      });
    } catch (e) {
      if (e instanceof asyncio.TimeoutError) print("wrong: TimeoutError");
      else if (e instanceof asyncio.CancelledError) {
        print("the explicit cancel is not turned into TimeoutError");
        throw e;
      }
    }
  }
  const t = asyncio.createTask(worker());
  yield* asyncio.gather(t, { returnExceptions: true });
  print("cancelled:", t.cancelled());
}

asyncio.runSync(main());
