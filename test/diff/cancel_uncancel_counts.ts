import * as asyncio from "asyncio-ts";
import { print, repr } from "./_py";

class MyTimeout extends Error {
  override name = "MyTimeout";
}

function* withDeadline<T>(awFactory: () => asyncio.Coroutine<T>, delay: number) {
  // A hand-made timeout: cancel ourselves later, and turn *our* cancel into MyTimeout.
  const loop = asyncio.getRunningLoop();
  const me = asyncio.currentTask()!;
  let fired = false;
  function fire() {
    fired = true;
    me.cancel("deadline");
  }
  const h = loop.callLater(delay, fire);
  try {
    return yield* awFactory();
  } catch (e) {
    if (!(e instanceof asyncio.CancelledError)) throw e;
    if (fired && me.uncancel() === 0) {
      throw new MyTimeout("took too long");
    }
    throw e;
  } finally {
    h.cancel();
  }
}

function* job(d: number) {
  yield* asyncio.sleep(d);
  return `job ${d} done`;
}

function* runner(label: string, d: number, deadline: number): asyncio.Coroutine<void> {
  const me = asyncio.currentTask()!;
  try {
    const r = yield* withDeadline(() => job(d), deadline);
    print(label, "->", r, "cancelling:", me.cancelling());
  } catch (e) {
    if (e instanceof MyTimeout) {
      print(label, "-> MyTimeout", e.message, "cancelling:", me.cancelling());
    } else if (e instanceof asyncio.CancelledError) {
      print(label, "-> CancelledError", repr(e.message), "cancelling:", me.cancelling());
      throw e;
    } else {
      throw e;
    }
  }
}

function* main() {
  yield* asyncio.createTask(runner("fast", 0.01, 0.05));
  yield* asyncio.createTask(runner("slow", 0.1, 0.01));
  // An outside cancel at the same moment as the deadline: not turned into MyTimeout.
  let t = asyncio.createTask(runner("both", 0.1, 0.02));
  asyncio.getRunningLoop().callLater(0.02, (m: string) => t.cancel(m), "outside");
  try {
    yield* t;
  } catch (e) {
    if (!(e instanceof asyncio.CancelledError)) throw e;
    print("both: task cancelled:", t.cancelled(), "cancelling:", t.cancelling());
  }
  // An outside cancel alone.
  t = asyncio.createTask(runner("outside only", 0.1, 0.05));
  yield* asyncio.sleep(0.01);
  t.cancel("outside");
  try {
    yield* t;
  } catch (e) {
    if (!(e instanceof asyncio.CancelledError)) throw e;
    print("outside only: task cancelled:", t.cancelled(), "cancelling:", t.cancelling());
  }
  // uncancel() never goes below zero, and counts requests one by one.
  function* counter() {
    const me = asyncio.currentTask()!;
    print("fresh:", me.cancelling(), "uncancel:", me.uncancel(), me.uncancel());
    for (let i = 0; i < 3; i++) {
      try {
        yield* asyncio.sleep(1);
      } catch (e) {
        if (!(e instanceof asyncio.CancelledError)) throw e;
        print(`caught #${i + 1}, cancelling:`, me.cancelling());
      }
    }
    print("uncancel x4:", [0, 1, 2, 3].map(() => me.uncancel()));
    return "counted";
  }
  const c = asyncio.createTask(counter());
  for (let i = 0; i < 3; i++) {
    yield* asyncio.sleep(0);
    c.cancel();
  }
  print(yield* c, c.cancelled(), c.cancelling());
}

asyncio.runSync(main());
