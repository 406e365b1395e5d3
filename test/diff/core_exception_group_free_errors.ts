import * as asyncio from "asyncio-ts";
import { print } from "./_py";

function* failAfter(d: number, msg: string): asyncio.Coroutine<never> {
  yield* asyncio.sleep(d);
  throw new RangeError(msg);
}

function* main() {
  const t1 = asyncio.createTask(failAfter(0.02, "first"));
  const t2 = asyncio.createTask(failAfter(0.06, "second"));
  try {
    yield* asyncio.gather(t1, t2);
  } catch (e) {
    if (e instanceof RangeError) print("gather raised the first:", e.message);
  }
  yield* asyncio.sleep(0.08);
  print("second finished too:", t2.done(), (t2.exception() as Error).message);
}

asyncio.runSync(main());
