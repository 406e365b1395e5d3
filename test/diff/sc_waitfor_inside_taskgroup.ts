import * as asyncio from "asyncio-ts";
import { print } from "./_py";

function* fetch(n: number) {
  yield* asyncio.sleep(0.01 * n);
  return n;
}

function* guarded(n: number) {
  try {
    return yield* asyncio.waitFor(fetch(n), 0.025);
  } catch (e) {
    if (e instanceof asyncio.TimeoutError) return `${n}: gave up`;
    throw e;
  }
}

function* main() {
  let ts: asyncio.Task<number | string>[] = [];
  yield* asyncio.asyncWith(new asyncio.TaskGroup(), function* (tg) {
    ts = [1, 2, 3, 4].map((n) => tg.createTask(guarded(n)));
  });
  print(ts.map((t) => t.result()));
}

asyncio.runSync(main(), { clock: new asyncio.VirtualClock() });
