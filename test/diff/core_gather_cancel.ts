import * as asyncio from "asyncio-ts";
import { print } from "./_py";

function* child(name: string, delay: number) {
  try {
    yield* asyncio.sleep(delay);
    return name;
  } catch (e) {
    if (e instanceof asyncio.CancelledError) print("child", name, "cancelled");
    throw e;
  }
}

function* main() {
  const g = asyncio.gather(child("a", 1), child("b", 2));
  yield* asyncio.sleep(0);
  print("cancel gather:", g.cancel());
  try {
    yield* g;
  } catch (e) {
    if (!(e instanceof asyncio.CancelledError)) throw e;
    print("awaiter sees CancelledError; g.cancelled():", g.cancelled());
  }
  const x = asyncio.createTask(child("x", 1));
  const y = asyncio.createTask(child("y", 0.01));
  const g2 = asyncio.gather(x, y);
  yield* asyncio.sleep(0);
  x.cancel();
  try {
    yield* g2;
  } catch (e) {
    if (!(e instanceof asyncio.CancelledError)) throw e;
    print("child cancelled -> gather raised CancelledError; y done:", y.done());
  }
  print(yield* y);
  const g3 = asyncio.gather(child("r", 1), child("s", 0.01), { returnExceptions: true });
  yield* asyncio.sleep(0);
  function* waiter() {
    return yield* g3;
  }
  const w = asyncio.createTask(waiter());
  yield* asyncio.sleep(0.05);
  w.cancel();
  try {
    yield* w;
  } catch (e) {
    if (!(e instanceof asyncio.CancelledError)) throw e;
    print("task awaiting gather cancelled; gather cancelled:", g3.cancelled());
  }
}

asyncio.runSync(main());
