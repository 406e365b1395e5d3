import * as asyncio from "asyncio-ts";
import { print } from "./_py";

class KeyError extends Error {
  override name = "KeyError";
}

function* main() {
  const loop = asyncio.getRunningLoop();
  const f = loop.createFuture<number>();
  print(f.done(), f.cancelled());
  for (const op of [() => f.result(), () => f.exception()]) {
    try {
      op();
    } catch (e) {
      if (e instanceof asyncio.InvalidStateError) print("InvalidStateError:", e.message);
    }
  }
  const cb = (name: string) => {
    return (fut: asyncio.Future<number>) => {
      print("callback", name, "result", fut.result());
    };
  };
  const [c1, c2] = [cb("one"), cb("two")];
  f.addDoneCallback(c1);
  f.addDoneCallback(c2);
  f.addDoneCallback(c1);
  print("removed", f.removeDoneCallback(c1));
  loop.callLater(0.01, (v: number) => f.setResult(v), 5);
  print("awaited", yield* f);
  print("after await");
  yield* asyncio.sleep(0);
  try {
    f.setResult(6);
  } catch (e) {
    if (e instanceof asyncio.InvalidStateError) print("InvalidStateError:", e.message);
  }
  try {
    f.setException(new RangeError("late"));
  } catch (e) {
    if (e instanceof asyncio.InvalidStateError) print("InvalidStateError:", e.message);
  }
  const g = loop.createFuture();
  g.setException(KeyError);
  print("exception class instantiated:", (g.exception() as Error).name);
  const h = loop.createFuture();
  h.addDoneCallback((fut) => print("cancelled callback, cancelled:", fut.cancelled()));
  print("cancel:", h.cancel("why"), h.cancel());
  try {
    h.result();
  } catch (e) {
    if (e instanceof asyncio.CancelledError) print("CancelledError:", e.message);
  }
  try {
    yield* h;
  } catch (e) {
    if (e instanceof asyncio.CancelledError) print("await raised CancelledError:", e.message);
  }
  print("remove from done future:", h.removeDoneCallback(c1 as never));
}

asyncio.runSync(main());
