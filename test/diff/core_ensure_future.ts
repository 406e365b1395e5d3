import * as asyncio from "asyncio-ts";
import { print } from "./_py";

function* coroFn() {
  yield* asyncio.sleep(0);
  return "coro";
}

function* main() {
  const loop = asyncio.getRunningLoop();
  const t = asyncio.ensureFuture(coroFn());
  print(t.constructor.name, yield* t);
  const f = loop.createFuture<number>();
  print("same future:", asyncio.ensureFuture(f) === f);
  print("same task:", asyncio.ensureFuture(t) === t);
  f.setResult(1);
  print(yield* asyncio.ensureFuture(f));
  for (const bad of [42, null, "str"]) {
    try {
      asyncio.ensureFuture(bad as never);
    } catch (e) {
      // asyncio-ts adds what it got: ", got 42"
      if (e instanceof TypeError) print("TypeError:", e.message.split(", got ")[0]);
    }
  }
  print("isfuture:", asyncio.isFuture(f), asyncio.isFuture(t), asyncio.isFuture(42));
  const c = coroFn();
  print("iscoroutine:", asyncio.isCoroutine(c), asyncio.isCoroutine(coroFn), asyncio.isCoroutine(f));
  yield* c;
}

asyncio.runSync(main());
