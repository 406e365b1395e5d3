import * as asyncio from "asyncio-ts";
import { print } from "./_py";

function* important() {
  yield* asyncio.sleep(0.08);
  print("important work finished");
  return "saved";
}

function* main() {
  const inner = asyncio.createTask(important());
  function* caller() {
    return yield* asyncio.shield(inner);
  }
  const c = asyncio.createTask(caller());
  yield* asyncio.sleep(0.01);
  c.cancel();
  try {
    yield* c;
  } catch (e) {
    if (e instanceof asyncio.CancelledError) print("caller cancelled; inner cancelled:", inner.cancelled());
  }
  print("inner result:", yield* inner);
  const loop = asyncio.getRunningLoop();
  const done = loop.createFuture<number>();
  done.setResult(1);
  print("shield of a done future is the future:", asyncio.shield(done) === done);
  const inner2 = asyncio.createTask(asyncio.sleep(1));
  const outer2 = asyncio.shield(inner2);
  yield* asyncio.sleep(0);
  inner2.cancel();
  try {
    yield* outer2;
  } catch (e) {
    if (e instanceof asyncio.CancelledError) print("cancelling the inner cancels the shield:", outer2.cancelled());
  }
}

asyncio.runSync(main());
