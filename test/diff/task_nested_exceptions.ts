import * as asyncio from "asyncio-ts";
import { excName, print } from "./_py";

class AppError extends Error {
  override name = "AppError";
}

function* thrower(kind: string): asyncio.Coroutine<string> {
  yield* asyncio.sleep(0);
  print("thrower raising", kind);
  if (kind === "value") {
    throw new RangeError("bad value");
  }
  if (kind === "type") {
    throw new TypeError("bad type");
  }
  throw new AppError("app failure");
}

function* middle(kind: string, catchHere: boolean) {
  try {
    return yield* thrower(kind);
  } catch (e) {
    if (!(e instanceof RangeError)) throw e;
    if (catchHere) {
      print("middle caught", excName(e), (e as Error).message);
      return "recovered in middle";
    }
    throw e;
  } finally {
    print("middle finally", kind);
  }
}

function* top(kind: string, catchHere: boolean) {
  try {
    const r = yield* middle(kind, catchHere);
    print("top got", r);
    return r;
  } catch (e) {
    if (!(e instanceof TypeError)) throw e;
    print("top caught", excName(e), (e as Error).message);
    return "recovered in top";
  } finally {
    yield* asyncio.sleep(0);
    print("top finally (after an await)", kind);
  }
}

function* translate(): asyncio.Coroutine<void> {
  try {
    yield* thrower("value");
  } catch (e) {
    if (!(e instanceof RangeError)) throw e;
    throw new AppError("translated: " + e.message);
  }
}

function* main() {
  for (const [kind, catchHere] of [["value", true], ["value", false], ["type", false], ["app", false]] as const) {
    try {
      const r = yield* top(kind, catchHere);
      print("main got", r);
    } catch (e) {
      if (e instanceof asyncio.CancelledError) throw e;
      print("main caught", excName(e), (e as Error).message);
    }
  }
  const t = asyncio.createTask(top("app", false));
  function* watch(name: string) {
    try {
      yield* t;
    } catch (e) {
      if (!(e instanceof AppError)) throw e;
      print(name, "saw", e);
      return e;
    }
    return undefined;
  }
  const [a, b] = yield* asyncio.gather(watch("watcher 1"), watch("watcher 2"));
  print("same exception object:", a === b, a === t.exception());
  try {
    yield* translate();
  } catch (e) {
    if (!(e instanceof AppError)) throw e;
    print("translated:", e);
  }
  const t2 = asyncio.createTask(translate());
  yield* asyncio.sleep(0);
  yield* asyncio.sleep(0);
  print("t2 done:", t2.done(), excName(t2.exception()), (t2.exception() as Error).message);
}

asyncio.runSync(main());
