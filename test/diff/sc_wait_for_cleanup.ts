import * as asyncio from "asyncio-ts";
import { print } from "./_py";

function* slowCleanup(log: string[]) {
  try {
    yield* asyncio.sleep(1);
  } finally {
    log.push("cleanup start");
    yield* asyncio.sleep(0.02);
    log.push("cleanup end");
  }
}

function* main() {
  const loop = asyncio.getRunningLoop();
  const log: string[] = [];
  const t0 = loop.time();
  const inner = asyncio.createTask(slowCleanup(log));
  try {
    yield* asyncio.waitFor(inner, 0.01);
  } catch (e) {
    if (e instanceof asyncio.TimeoutError) log.push(`TimeoutError after the cleanup: ${loop.time() - t0 >= 0.03 ? "True" : "False"}`);
  }
  print(log);
  print("inner finished its cleanup first:", inner.done(), inner.cancelled());
  function* returnsQuickly() {
    yield* asyncio.sleep(0.01);
    return "in time";
  }
  print(yield* asyncio.waitFor(asyncio.createTask(returnsQuickly()), 0.1));
  function* raises(): asyncio.Coroutine<never> {
    yield* asyncio.sleep(0);
    throw new RangeError("inner error");
  }
  try {
    yield* asyncio.waitFor(asyncio.createTask(raises()), 1);
  } catch (e) {
    if (e instanceof RangeError) print("inner error passes through:", e.message);
  }
}

asyncio.runSync(main(), { clock: new asyncio.VirtualClock() });
