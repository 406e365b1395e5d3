import * as asyncio from "asyncio-ts";
import { excName, print, repr } from "./_py";

class KeyError extends Error {
  override name = "KeyError";
}

function* cleanupAfterError(): asyncio.Coroutine<void> {
  try {
    yield* asyncio.sleep(0);
    throw new RangeError("original error");
  } finally {
    print("  finally: cleaning up (awaiting)");
    try {
      yield* asyncio.sleep(0.05);
      print("  cleanup finished");
    } catch (e) {
      if (!(e instanceof asyncio.CancelledError)) throw e;
      print("  cleanup interrupted by cancel");
      throw e;
    }
  }
}

function* handlerAwaits(): asyncio.Coroutine<void> {
  try {
    yield* asyncio.sleep(1);
  } catch (e) {
    if (!(e instanceof asyncio.CancelledError)) throw e;
    print("  except: handling first cancel, awaiting");
    yield* asyncio.sleep(1);
    print("  never");
    throw e;
  }
}

function* returnInFinally(): asyncio.Coroutine<string> {
  try {
    yield* asyncio.sleep(1);
  } finally {
    print("  finally returns: the CancelledError is dropped");
    // eslint-disable-next-line no-unsafe-finally
    return "value from finally";
  }
}

function* raiseOther(): asyncio.Coroutine<void> {
  try {
    yield* asyncio.sleep(1);
  } catch (e) {
    if (!(e instanceof asyncio.CancelledError)) throw e;
    throw new KeyError("replaced");
  }
}

function* run(label: string, coro: asyncio.Coroutine<unknown>, cancels: number): asyncio.Coroutine<void> {
  print(label);
  const t = asyncio.createTask(coro);
  for (let i = 0; i < cancels; i++) {
    yield* asyncio.sleep(0);
    yield* asyncio.sleep(0);
    print(`  cancel #${i + 1}:`, t.cancel(`c${i + 1}`));
  }
  try {
    const r = yield* t;
    print("  => result", repr(r), "cancelled:", t.cancelled(), "cancelling:", t.cancelling());
  } catch (e) {
    if (e instanceof asyncio.CancelledError) {
      print("  => CancelledError", repr(e.message), "cancelled:", t.cancelled(), "cancelling:", t.cancelling());
    } else {
      print(`  => ${excName(e)}`, "cancelled:", t.cancelled(), "cancelling:", t.cancelling());
    }
  }
}

function* main() {
  yield* run("error, then cancel during cleanup", cleanupAfterError(), 1);
  yield* run("error, cleanup not disturbed", cleanupAfterError(), 0);
  yield* run("cancel, then cancel again in the handler", handlerAwaits(), 2);
  yield* run("return in finally", returnInFinally(), 1);
  yield* run("raise another error on cancel", raiseOther(), 1);
}

asyncio.runSync(main());
