import * as asyncio from "asyncio-ts";
import { print } from "./_py";

function* level3(x: number) {
  yield* asyncio.sleep(0);
  if (x < 0) throw new RangeError(`negative: ${x}`);
  return x * 2;
}

function* level2(x: number) {
  try {
    return (yield* level3(x)) + 1;
  } finally {
    print("level2 finally", x);
  }
}

function* level1(x: number) {
  try {
    return yield* level2(x);
  } catch (e) {
    if (!(e instanceof RangeError)) throw e;
    print("level1 caught", e.message);
    return -1;
  }
}

function* main() {
  print(yield* level1(5));
  print(yield* level1(-3));
  const t = asyncio.createTask(level2(-7));
  try {
    yield* t;
  } catch (e) {
    if (!(e instanceof RangeError)) throw e;
    print("task raised", e.message, "| task.exception() is e:", t.exception() === e);
  }
  print("done", t.done(), "cancelled", t.cancelled());
  try {
    t.result();
  } catch (e) {
    if (e instanceof RangeError) print("result() re-raises", e.message);
  }
}

asyncio.runSync(main());
