import * as asyncio from "asyncio-ts";
import { print } from "./_py";

function* failsLate(): asyncio.Coroutine<never> {
  yield* asyncio.sleep(0.02);
  throw new RangeError("late failure");
}

function* ok(n: number) {
  try {
    yield* asyncio.sleep(0.05);
    return n;
  } catch (e) {
    if (e instanceof asyncio.CancelledError) print("ok", n, "cancelled by the late failure");
    throw e;
  }
}

function* main() {
  try {
    yield* asyncio.asyncWith(new asyncio.TaskGroup(), function* (tg) {
      tg.createTask(failsLate());
      tg.createTask(ok(1));
      print("body finished before any failure");
    });
    print("unreachable");
  } catch (eg) {
    if (!(eg instanceof asyncio.ExceptionGroup)) throw eg;
    print("group:", eg.exceptions.map((e) => (e as Error).message));
  }
}

asyncio.runSync(main(), { clock: new asyncio.VirtualClock() });
