import * as asyncio from "asyncio-ts";
import { excName, print } from "./_py";

function* slow(name: string) {
  try {
    print(name, "started");
    yield* asyncio.sleep(1);
    return "not reached";
  } catch (e) {
    if (e instanceof asyncio.CancelledError) print(name, "cancelled");
    throw e;
  } finally {
    print(name, "finally (runs before wait_for raises)");
  }
}

function* slowCleanup(name: string) {
  try {
    yield* asyncio.sleep(1);
  } finally {
    print(name, "cleanup begins");
    yield* asyncio.sleep(0.03);
    print(name, "cleanup ends");
  }
}

function* main() {
  const loop = asyncio.getRunningLoop();
  let t0 = loop.time();
  try {
    yield* asyncio.waitFor(slow("coro"), 0.03);
  } catch (e) {
    if (!(e instanceof asyncio.TimeoutError)) throw e;
    print("TimeoutError:", excName(e), "elapsed", (loop.time() - t0).toFixed(1));
  }
  const t = asyncio.createTask(slow("task"));
  try {
    yield* asyncio.waitFor(t, 0.03);
  } catch (e) {
    if (!(e instanceof asyncio.TimeoutError)) throw e;
    print("TimeoutError; task cancelled:", t.cancelled());
  }
  t0 = loop.time();
  try {
    yield* asyncio.waitFor(slowCleanup("slow-cleanup"), 0.03);
  } catch (e) {
    if (!(e instanceof asyncio.TimeoutError)) throw e;
    print("TimeoutError only after the cleanup; elapsed", (loop.time() - t0).toFixed(1));
  }
  print("cancelling:", asyncio.currentTask()!.cancelling());
}

asyncio.runSync(main());
