import * as asyncio from "asyncio-ts";
import { print } from "./_py";

class Swallower implements asyncio.AsyncContextManager<Swallower> {
  constructor(readonly swallow: boolean) {}
  *aenter() {
    return this;
  }
  *aexit(e?: unknown) {
    print("aexit saw", e === undefined ? null : (e as Error).name);
    return this.swallow;
  }
}

function* body(swallow: boolean) {
  yield* asyncio.asyncWith(new Swallower(swallow), function* () {
    yield* asyncio.sleep(1);
  });
  return "continued after a swallowed cancellation";
}

function* main() {
  for (const swallow of [false, true]) {
    const t = asyncio.createTask(body(swallow));
    yield* asyncio.sleep(0);
    t.cancel();
    const r = yield* asyncio.gather(t, { returnExceptions: true });
    print(swallow ? "swallow" : "propagate", "->", r[0] instanceof Error ? r[0].name : r[0], "| cancelled():", t.cancelled());
  }
}

asyncio.runSync(main());
