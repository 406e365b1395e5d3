import * as asyncio from "asyncio-ts";
import { print, repr } from "./_py";

const ran: string[] = [];

function* body(name: string) {
  ran.push(name);
  try {
    print("body of", name, "runs");
    yield* asyncio.sleep(0);
    return name;
  } finally {
    print("finally of", name);
  }
}

function* main() {
  const a = asyncio.createTask(body("a"));
  const b = asyncio.createTask(body("b"));
  const c = asyncio.createTask(body("c"));
  a.addDoneCallback((t) => print("a done callback: cancelled =", t.cancelled()));
  print("cancel a:", a.cancel("never started"));
  print("cancel b:", b.cancel(), "again:", b.cancel("second"), "cancelling:", b.cancelling());
  print("a done right after cancel():", a.done(), "cancelled():", a.cancelled());
  yield* asyncio.sleep(0);
  print("after one turn: a", a.done(), a.cancelled(), "b", b.done(), b.cancelled());
  print("ran so far:", ran);
  try {
    yield* a;
  } catch (e) {
    if (!(e instanceof asyncio.CancelledError)) throw e;
    print("awaiting a:", repr(e.message));
  }
  try {
    yield* b;
  } catch (e) {
    if (!(e instanceof asyncio.CancelledError)) throw e;
    print("awaiting b:", repr(e.message));
  }
  print("cancel a again:", a.cancel(), "cancelling:", a.cancelling());
  print("c:", yield* c);
  print("cancel finished c:", c.cancel(), c.cancelled(), c.cancelling());
  // A task cancelled before start, awaited by another task that started earlier.
  function* awaiter(t: asyncio.Task<string>) {
    try {
      return yield* t;
    } catch (e) {
      if (!(e instanceof asyncio.CancelledError)) throw e;
      print("awaiter saw", repr(e.message), "and is itself cancelling:", asyncio.currentTask()!.cancelling());
      return "awaiter survived";
    }
  }
  const w = asyncio.createTask(awaiter(undefined as never));
  const d = asyncio.createTask(body("d"));
  const w2 = asyncio.createTask(awaiter(d));
  w.cancel();
  d.cancel("d never ran");
  print(yield* w2);
  try {
    yield* w;
  } catch (e) {
    if (e instanceof TypeError) {
      print("not reached");
    } else if (e instanceof asyncio.CancelledError) {
      print("w cancelled before start too:", w.cancelled());
    } else {
      throw e;
    }
  }
  print("ran:", ran);
}

asyncio.runSync(main());
