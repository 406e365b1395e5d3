import * as asyncio from "asyncio-ts";
import { print } from "./_py";

function* bounded(n: number, d: number) {
  try {
    yield* asyncio.asyncWith(asyncio.timeout(0.02), function* () {
      yield* asyncio.sleep(d);
    });
    return `${n} ok`;
  } catch (e) {
    if (e instanceof asyncio.TimeoutError) return `${n} timed out`;
    throw e;
  }
}

function* main() {
  let ts: asyncio.Task<string>[] = [];
  yield* asyncio.asyncWith(new asyncio.TaskGroup(), function* (tg) {
    ts = [0.01, 0.05, 0.015].map((d, n) => tg.createTask(bounded(n, d)));
  });
  print("a child's own timeout is not a group failure:", ts.map((t) => t.result()));
  function* raisesTimeout() {
    yield* asyncio.asyncWith(asyncio.timeout(0.01), function* () {
      yield* asyncio.sleep(1);
    });
  }
  try {
    yield* asyncio.asyncWith(new asyncio.TaskGroup(), function* (tg) {
      tg.createTask(raisesTimeout());
    });
  } catch (eg) {
    if (!(eg instanceof asyncio.ExceptionGroup)) throw eg;
    print("an unhandled TimeoutError in a child is:", eg.exceptions.map((e) => (e as Error).name));
  }
}

asyncio.runSync(main(), { clock: new asyncio.VirtualClock() });
