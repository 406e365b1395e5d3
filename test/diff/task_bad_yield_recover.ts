import * as asyncio from "asyncio-ts";
import { print, repr } from "./_py";

// Yields a value that is neither undefined nor a Future.
function* bad(value: unknown): asyncio.Coroutine<unknown> {
  return yield value as undefined;
}

// Catches the error thrown in at its own yield and returns a value.
function* selfHealing(): asyncio.Coroutine<string | undefined> {
  try {
    yield 42 as never;
  } catch (e) {
    if (!(e instanceof asyncio.RuntimeError)) throw e;
    print("  awaitable caught at its yield:", e.message);
    return "healed";
  }
  return undefined;
}

// Keeps yielding bad values: each one comes back as a new RuntimeError.
function* stubborn(): asyncio.Coroutine<number> {
  let n = 0;
  for (const v of [1, 2, 3]) {
    try {
      yield v as never;
    } catch (e) {
      if (!(e instanceof asyncio.RuntimeError)) throw e;
      print("  stubborn got:", e.message);
      n += 1;
    }
  }
  return n;
}

function* level3(): asyncio.Coroutine<void> {
  yield* bad(42);
  print("  not reached");
}

function* level2(): asyncio.Coroutine<void> {
  try {
    yield* level3();
  } finally {
    print("  level2 finally");
  }
}

function* level1() {
  try {
    yield* level2();
  } catch (e) {
    if (!(e instanceof asyncio.RuntimeError)) throw e;
    print("  level1 caught:", e.message);
  }
  yield* asyncio.sleep(0);
  return "level1 carried on";
}

function* main() {
  const loop = asyncio.getRunningLoop();
  print("healing:", yield* selfHealing());
  print("stubborn:", yield* stubborn());
  const t = asyncio.createTask(level1());
  print("task result:", yield* t, "cancelled:", t.cancelled());
  // The error is delivered on a later loop turn, after what is already queued.
  function* badThenPrint(): asyncio.Coroutine<void> {
    loop.callSoon(print, "  callback queued before the bad yield");
    try {
      yield* bad("text");
    } catch (e) {
      if (!(e instanceof asyncio.RuntimeError)) throw e;
      print("  got", e.message);
    }
  }
  yield* asyncio.createTask(badThenPrint());
  // A cancel requested while the error is pending replaces it.
  function* badAndCancelled() {
    try {
      yield* bad(7);
    } catch (e) {
      if (e instanceof asyncio.RuntimeError) {
        print("  not this:", e.message);
      } else if (e instanceof asyncio.CancelledError) {
        print("  CancelledError instead:", repr(e.message));
        return "swallowed";
      } else {
        throw e;
      }
    }
    return undefined;
  }
  const t2 = asyncio.createTask(badAndCancelled());
  yield* asyncio.sleep(0);
  print("cancel:", t2.cancel("instead"));
  print("t2:", yield* t2, t2.cancelled(), t2.cancelling());
  // Awaiting itself
  function* awaitSelf() {
    try {
      yield* asyncio.currentTask()!;
    } catch (e) {
      if (!(e instanceof asyncio.RuntimeError)) throw e;
      print("  self-await:", e.message.split(":")[0]);
    }
    return "ok";
  }
  print("await_self:", yield* asyncio.createTask(awaitSelf()));
}

asyncio.runSync(main());
