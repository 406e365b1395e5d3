import * as asyncio from "asyncio-ts";
import { print } from "./_py";

function* bad(value: unknown): asyncio.Coroutine<void> {
  yield value as undefined;
}

function* main() {
  for (const value of [42, "text", 3.5]) {
    try {
      yield* bad(value);
    } catch (e) {
      if (!(e instanceof asyncio.RuntimeError)) throw e;
      print("caught:", e.message);
    }
  }
  print("task goes on");
  function* victim() {
    yield* bad(7);
    print("not reached");
  }
  const t = asyncio.createTask(victim());
  try {
    yield* t;
  } catch (e) {
    if (!(e instanceof asyncio.RuntimeError)) throw e;
    print("task failed:", e.message);
  }
}

asyncio.runSync(main());
