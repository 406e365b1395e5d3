import * as asyncio from "asyncio-ts";
import { print } from "./_py";

function* quick() {
  return "quick";
}

function* main() {
  const loop = asyncio.getRunningLoop();
  const fut = loop.createFuture<number>();
  fut.setResult(42);
  let s: asyncio.Future<unknown> = asyncio.shield(fut);
  print("shield of a done future is the future itself:", s === fut, yield* s);
  const bad = loop.createFuture();
  bad.setException(new RangeError("stored"));
  s = asyncio.shield(bad);
  print("same object:", s === bad);
  try {
    yield* s;
  } catch (e) {
    if (!(e instanceof RangeError)) throw e;
    print("error:", e.message);
  }
  const c = loop.createFuture();
  c.cancel();
  s = asyncio.shield(c);
  print("cancelled future: same object", s === c, "cancelled", s.cancelled());
  const t = asyncio.createTask(quick());
  yield* asyncio.sleep(0);
  print("task done:", t.done());
  s = asyncio.shield(t);
  print("done task: same object", s === t, yield* s);
  const pending = loop.createFuture<string>();
  s = asyncio.shield(pending);
  print("pending: new future", s !== pending, s.done());
  pending.setResult("later");
  print("shield follows:", yield* s);
}

asyncio.runSync(main());
