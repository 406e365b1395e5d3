import * as asyncio from "asyncio-ts";
import { print, repr } from "./_py";

function* noSuspend(x: number): asyncio.Coroutine<number> {
  return x * 10;
}

function* cancelThenReturn(): asyncio.Coroutine<string> {
  const me = asyncio.currentTask()!;
  print("  cancel myself:", me.cancel("at return"));
  return "lost value";
}

function* cancelThenDoneFutureThenReturn(fut: asyncio.Future<string>) {
  asyncio.currentTask()!.cancel("done future");
  const r = yield* fut; // already done: no suspension
  print("  awaited done future without suspending:", r);
  const v = yield* noSuspend(4);
  print("  nested coroutine without suspending:", v);
  return v;
}

function* cancelThenCatchThenReturn() {
  asyncio.currentTask()!.cancel("caught");
  try {
    yield* asyncio.sleep(0);
  } catch (e) {
    if (!(e instanceof asyncio.CancelledError)) throw e;
    print("  caught", repr(e.message));
  }
  return "kept value";
}

function* lastAwait(fut: asyncio.Future<string>, catchIt: boolean) {
  try {
    const r = yield* fut;
    print("  never: woke with", r);
    return r;
  } catch (e) {
    if (!(e instanceof asyncio.CancelledError)) throw e;
    print("  woken with CancelledError", repr(e.message), "although the future has", repr(fut.result()));
    if (catchIt) {
      return "returned after catching";
    }
    throw e;
  }
}

function* show(label: string, t: asyncio.Task<unknown>): asyncio.Coroutine<void> {
  try {
    const r = yield* t;
    print(label, "-> result", repr(r), "cancelled:", t.cancelled());
  } catch (e) {
    if (!(e instanceof asyncio.CancelledError)) throw e;
    print(label, "-> CancelledError", repr(e.message), "cancelled:", t.cancelled(), "cancelling:", t.cancelling());
    for (let i = 0; i < 2; i++) {
      try {
        t.result();
      } catch (e2) {
        if (!(e2 instanceof asyncio.CancelledError)) throw e2;
        print("   result() again:", repr(e2.message));
      }
    }
  }
}

function* main() {
  const loop = asyncio.getRunningLoop();
  yield* show("cancel then return", asyncio.createTask(cancelThenReturn()));
  const done = loop.createFuture<string>();
  done.setResult("ready");
  yield* show("done future", asyncio.createTask(cancelThenDoneFutureThenReturn(done)));
  yield* show("catch then return", asyncio.createTask(cancelThenCatchThenReturn()));
  for (const catchIt of [false, true]) {
    const fut = loop.createFuture<string>();
    const t = asyncio.createTask(lastAwait(fut, catchIt));
    yield* asyncio.sleep(0);
    function wakeAndCancel() {
      fut.setResult("result");
      print("  cancel from callback:", t.cancel("from callback"));
    }
    loop.callSoon(wakeAndCancel);
    yield* show(`woken and cancelled in one callback, catch=${catchIt ? "True" : "False"}`, t);
  }
}

asyncio.runSync(main());
