import * as asyncio from "asyncio-ts";
import { print } from "./_py";

function* guarded(started: asyncio.Future<unknown>) {
  const cm = asyncio.timeout(10);
  try {
    yield* asyncio.asyncWith(cm, function* () {
      started.setResult(undefined);
      yield* asyncio.sleep(1);
    });
  } catch (e) {
    if (e instanceof asyncio.TimeoutError) print("wrong: TimeoutError");
    else if (e instanceof asyncio.CancelledError) {
      print("CancelledError stays; expired:", cm.expired());
      throw e;
    } else throw e;
  }
}

function* cancelledWhileExpiring(started: asyncio.Future<unknown>) {
  const cm = asyncio.timeout(0.02);
  try {
    yield* asyncio.asyncWith(cm, function* () {
      try {
        yield* asyncio.sleep(1);
      } catch (e) {
        if (!(e instanceof asyncio.CancelledError)) throw e;
        print("deadline hit; cleanup awaits; expired:", cm.expired());
        started.setResult(undefined);
        yield* asyncio.sleep(1);
      }
    });
  } catch (e) {
    if (e instanceof asyncio.TimeoutError) print("wrong: TimeoutError");
    else if (e instanceof asyncio.CancelledError) {
      print("outside cancel during expiry stays CancelledError; expired:", cm.expired());
      throw e;
    } else throw e;
  }
}

function* expiresWhileHandlingOutsideCancel(started: asyncio.Future<unknown>) {
  const cm = asyncio.timeout(0.05);
  try {
    yield* asyncio.asyncWith(cm, function* () {
      try {
        started.setResult(undefined);
        yield* asyncio.sleep(1);
      } catch (e) {
        if (!(e instanceof asyncio.CancelledError)) throw e;
        print("outside cancel seen; cleanup outlives the deadline");
        yield* asyncio.sleep(1);
      }
    });
  } catch (e) {
    if (e instanceof asyncio.TimeoutError) print("wrong: TimeoutError");
    else if (e instanceof asyncio.CancelledError) {
      print("still CancelledError; expired:", cm.expired(), "cancelling:", asyncio.currentTask()!.cancelling());
      throw e;
    } else throw e;
  }
}

function* main() {
  const loop = asyncio.getRunningLoop();
  const fns: [string, (started: asyncio.Future<unknown>) => asyncio.Coroutine<void>][] = [
    ["guarded", guarded],
    ["cancelled_while_expiring", cancelledWhileExpiring],
    ["expires_while_handling_outside_cancel", expiresWhileHandlingOutsideCancel],
  ];
  for (const [name, fn] of fns) {
    const started = loop.createFuture();
    const t = asyncio.createTask(fn(started));
    yield* started;
    t.cancel();
    try {
      yield* t;
    } catch (e) {
      if (!(e instanceof asyncio.CancelledError)) throw e;
      print(name, "-> task cancelled:", t.cancelled());
    }
  }
}

asyncio.runSync(main());
