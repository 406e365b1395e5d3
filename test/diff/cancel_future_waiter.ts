import * as asyncio from "asyncio-ts";
import { print, repr } from "./_py";

function* waitOn(name: string, fut: asyncio.Future<unknown>, swallow: boolean) {
  try {
    const r = yield* fut;
    print(name, "got result", r);
    return r;
  } catch (e) {
    if (!(e instanceof asyncio.CancelledError)) throw e;
    print(name, "got CancelledError", repr(e.message), "cancelling:", asyncio.currentTask()!.cancelling());
    if (swallow) {
      return "swallowed";
    }
    throw e;
  }
}

function* main() {
  const loop = asyncio.getRunningLoop();

  print("-- cancel the task: the future is cancelled with it");
  const f1 = loop.createFuture();
  f1.addDoneCallback((f) => print("f1 callback: cancelled =", f.cancelled()));
  const t1 = asyncio.createTask(waitOn("t1", f1, false));
  yield* asyncio.sleep(0);
  print("cancel t1:", t1.cancel("msg one"), "f1 cancelled:", f1.cancelled());
  print("cancel f1 again:", f1.cancel("other"));
  try {
    f1.setResult(1);
  } catch (e) {
    if (!(e instanceof asyncio.InvalidStateError)) throw e;
    print("set_result on cancelled future: InvalidStateError", e.message);
  }
  try {
    yield* t1;
  } catch (e) {
    if (!(e instanceof asyncio.CancelledError)) throw e;
    print("main: t1 cancelled", repr(e.message), t1.cancelled());
  }

  print("-- cancel the future from outside: the task is not cancelling");
  const f2 = loop.createFuture();
  const t2 = asyncio.createTask(waitOn("t2", f2, true));
  yield* asyncio.sleep(0);
  print("cancel f2:", f2.cancel("from outside"));
  print("t2 result:", yield* t2, "cancelled:", t2.cancelled(), "cancelling:", t2.cancelling());

  print("-- the future got a result, then the task is cancelled before it wakes");
  const f3 = loop.createFuture();
  const t3 = asyncio.createTask(waitOn("t3", f3, false));
  yield* asyncio.sleep(0);
  f3.setResult("value");
  print("cancel t3:", t3.cancel("too late?"), "f3 cancelled:", f3.cancelled());
  try {
    yield* t3;
  } catch (e) {
    if (!(e instanceof asyncio.CancelledError)) throw e;
    print("main: t3 cancelled", repr(e.message), "f3 result:", f3.result());
  }

  print("-- outside cancel of the future, then task cancel, before the task wakes");
  const f4 = loop.createFuture();
  const t4 = asyncio.createTask(waitOn("t4", f4, true));
  yield* asyncio.sleep(0);
  print("cancel f4:", f4.cancel("future msg"));
  print("cancel t4:", t4.cancel("task msg"), "cancelling:", t4.cancelling());
  print("t4 result:", yield* t4, "cancelled:", t4.cancelled());
}

asyncio.runSync(main());
