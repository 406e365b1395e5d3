import * as asyncio from "asyncio-ts";
import { print, repr } from "./_py";

function* victim(): asyncio.Coroutine<void> {
  yield* asyncio.sleep(10);
}

function* awaiter(name: string, t: asyncio.Task<void>, catchIt: boolean) {
  const me = asyncio.currentTask()!;
  try {
    yield* t;
  } catch (e) {
    if (!(e instanceof asyncio.CancelledError)) throw e;
    print(" ", name, "got CancelledError", repr(e.message), "| own cancelling:", me.cancelling());
    if (catchIt) {
      yield* asyncio.sleep(0);
      return name + " carried on";
    }
    throw e;
  }
  return undefined;
}

function* outcome(t: asyncio.Task<unknown>) {
  try {
    return "result " + repr(yield* t);
  } catch (e) {
    if (!(e instanceof asyncio.CancelledError)) throw e;
    return `CancelledError, task cancelled() = ${t.cancelled() ? "True" : "False"}`;
  }
}

function* main() {
  print("two awaiters of a task whose coroutine was cancelled");
  const v = asyncio.createTask(victim());
  const w1 = asyncio.createTask(awaiter("w1", v, true));
  const w2 = asyncio.createTask(awaiter("w2", v, false));
  yield* asyncio.sleep(0);
  v.cancel("bye");
  print("  w1:", yield* outcome(w1));
  print("  w2:", yield* outcome(w2));

  print("awaiting a task cancelled before it started");
  const v2 = asyncio.createTask(victim());
  v2.cancel("early");
  const w3 = asyncio.createTask(awaiter("w3", v2, true));
  const w4 = asyncio.createTask(awaiter("w4", v2, true));
  print("  w3:", yield* outcome(w3));
  print("  w4:", yield* outcome(w4));

  print("awaiting an already-cancelled task");
  const w5 = asyncio.createTask(awaiter("w5", v2, false));
  print("  w5:", yield* outcome(w5));
  try {
    yield* v2;
  } catch (e) {
    if (!(e instanceof asyncio.CancelledError)) throw e;
    print("  main awaiting it too:", repr(e.message), "main cancelling:", asyncio.currentTask()!.cancelling());
  }

  print("a plain future cancelled with a message, awaited twice");
  const f = asyncio.getRunningLoop().createFuture();
  f.cancel("fut msg");
  for (let i = 0; i < 2; i++) {
    try {
      yield* f;
    } catch (e) {
      if (!(e instanceof asyncio.CancelledError)) throw e;
      print("  await", i, repr(e.message));
    }
  }
}

asyncio.runSync(main());
