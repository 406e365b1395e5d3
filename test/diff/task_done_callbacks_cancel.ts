import * as asyncio from "asyncio-ts";
import { print } from "./_py";

function* sleeper(name: string, d: number) {
  try {
    yield* asyncio.sleep(d);
    return name;
  } finally {
    print("  ", name, "finally");
  }
}

function* watcher(name: string, t: asyncio.Task<string>): asyncio.Coroutine<void> {
  try {
    const r = yield* t;
    print("  ", name, "woke with", r);
  } catch (e) {
    if (!(e instanceof asyncio.CancelledError)) throw e;
    print("  ", name, "woke with CancelledError");
  }
}

function report(tag: string) {
  function cb(t: asyncio.Future<string>) {
    const state = t.cancelled() ? "cancelled" : t.exception() ? "error" : "result " + String(t.result());
    print("   cb", tag, state, "| current task:", asyncio.currentTask());
  }
  return cb;
}

function* main() {
  const a = asyncio.createTask(sleeper("a", 10));
  const b = asyncio.createTask(sleeper("b", 0));
  a.addDoneCallback(report("a1"));
  const w = asyncio.createTask(watcher("w", a));
  a.addDoneCallback(report("a2"));
  const extra = report("extra");
  a.addDoneCallback(extra);
  a.addDoneCallback(extra);
  print("removed:", a.removeDoneCallback(extra), "again:", a.removeDoneCallback(extra));
  // b's done callback cancels a
  b.addDoneCallback(() => print("   b done; cancel a:", a.cancel("from b's callback")));
  b.addDoneCallback(report("b"));
  yield* asyncio.sleep(0);
  print("after one turn: a done", a.done(), "b done", b.done());
  yield* asyncio.gather(w, { returnExceptions: true });
  print("a cancelled:", a.cancelled());
  // Adding a callback to a done task schedules it at once.
  a.addDoneCallback(report("late"));
  print("late callback added");
  yield* asyncio.sleep(0);
  print("removing from a done task:", a.removeDoneCallback(extra));
}

asyncio.runSync(main());
