import * as asyncio from "asyncio-ts";
import { print } from "./_py";

function* job(n: number) {
  yield* asyncio.sleep(0.02);
  return n;
}

function* main() {
  const inner = asyncio.gather(job(1), job(2));
  function* caller() {
    return yield* asyncio.shield(inner);
  }
  const c = asyncio.createTask(caller());
  yield* asyncio.sleep(0.005);
  c.cancel();
  yield* asyncio.gather(c, { returnExceptions: true });
  print("caller cancelled:", c.cancelled(), "gather still runs:", !inner.done());
  print(yield* inner);
  const s = asyncio.shield(asyncio.sleep(0.01, "coroutine"));
  print("shield of a coroutine wraps it in a task:", yield* s);
}

asyncio.runSync(main(), { clock: new asyncio.VirtualClock() });
