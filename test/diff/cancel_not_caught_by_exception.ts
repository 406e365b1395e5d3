import * as asyncio from "asyncio-ts";
import { excName, print, repr } from "./_py";

const attempts: unknown[] = [];

function* flaky(i: number) {
  yield* asyncio.sleep(0);
  if (i % 2 === 0) {
    throw new RangeError(`flake ${i}`);
  }
  return i;
}

function* retryForever(): asyncio.Coroutine<void> {
  // A typical "keep going on errors" loop: it must still be cancellable.
  let i = 0;
  while (true) {
    try {
      const r = yield* flaky(i);
      attempts.push(r);
    } catch (e) {
      if (e instanceof asyncio.CancelledError) throw e; // `except Exception`
      attempts.push(excName(e));
    }
    i += 1;
  }
}

function* safe<T>(aw: asyncio.Coroutine<T>) {
  try {
    return yield* aw;
  } catch (e) {
    if (e instanceof asyncio.CancelledError) throw e; // `except Exception`
    return "error: " + (e as Error).message;
  }
}

function* catchBase() {
  try {
    yield* asyncio.sleep(1);
  } catch (e) {
    // `except BaseException`
    print("  except BaseException caught", excName(e));
    return "base caught";
  }
  return undefined;
}

function* catchTuple() {
  try {
    yield* asyncio.sleep(1);
  } catch (e) {
    if (!(e instanceof RangeError || e instanceof asyncio.CancelledError)) throw e;
    print("  except (ValueError, CancelledError) caught", excName(e));
    return "tuple caught";
  }
  return undefined;
}

function* main() {
  let t: asyncio.Task<unknown> = asyncio.createTask(retryForever());
  for (let i = 0; i < 9; i++) {
    yield* asyncio.sleep(0);
  }
  t.cancel();
  try {
    yield* t;
  } catch (e) {
    if (!(e instanceof asyncio.CancelledError)) throw e;
    print("retry loop cancelled:", t.cancelled(), "attempts:", attempts);
  }
  print("safe with error:", yield* safe(flaky(0)));
  const s = asyncio.createTask(safe(asyncio.sleep(1)));
  yield* asyncio.sleep(0);
  s.cancel("through safe");
  try {
    print(yield* s);
  } catch (e) {
    if (!(e instanceof asyncio.CancelledError)) throw e;
    print("safe() let the cancel through:", repr(e.message), s.cancelled());
  }
  for (const f of [catchBase, catchTuple]) {
    t = asyncio.createTask(f());
    yield* asyncio.sleep(0);
    t.cancel();
    print(yield* t, "cancelled:", t.cancelled());
  }
}

asyncio.runSync(main());
