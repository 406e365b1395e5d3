import * as asyncio from "asyncio-ts";
import { print } from "./_py";

function* innerWork() {
  print("inner: started");
  yield* asyncio.sleep(0.03);
  print("inner: finished");
  return "inner result";
}

function* awaiter(aw: asyncio.Awaitable<string>) {
  try {
    return yield* asyncio.shield(aw);
  } catch (e) {
    if (e instanceof asyncio.CancelledError) print("awaiter: CancelledError");
    throw e;
  }
}

function* main() {
  const inner = asyncio.createTask(innerWork());
  let outer = asyncio.createTask(awaiter(inner));
  yield* asyncio.sleep(0.01);
  print("cancel outer ->", outer.cancel());
  try {
    yield* outer;
  } catch (e) {
    if (!(e instanceof asyncio.CancelledError)) throw e;
    print("outer cancelled:", outer.cancelled(), "inner done:", inner.done());
  }
  print("inner result:", yield* inner, "inner cancelled:", inner.cancelled());
  // shield of a coroutine: the wrapped task keeps running when the awaiter is cancelled
  outer = asyncio.createTask(awaiter(innerWork()));
  yield* asyncio.sleep(0.01);
  outer.cancel();
  try {
    yield* outer;
  } catch (e) {
    if (!(e instanceof asyncio.CancelledError)) throw e;
    print("outer cancelled again");
  }
  yield* asyncio.sleep(0.05);
  print("done waiting");
}

asyncio.runSync(main());
