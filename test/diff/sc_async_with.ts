import * as asyncio from "asyncio-ts";
import { excName, print } from "./_py";

class Resource implements asyncio.AsyncContextManager<string> {
  constructor(
    readonly name: string,
    readonly swallow = false,
    readonly failExit = false,
  ) {}
  *aenter() {
    yield* asyncio.sleep(0);
    print("enter", this.name);
    return this.name.toUpperCase();
  }
  *aexit(exc?: unknown) {
    yield* asyncio.sleep(0);
    print("exit", this.name, "with", exc === undefined ? null : excName(exc));
    if (this.failExit) throw new asyncio.LookupError("exit failed");
    return this.swallow;
  }
}

function* main() {
  yield* asyncio.asyncWith(new Resource("plain"), function* (v) {
    print("body got", v);
  });
  try {
    yield* asyncio.asyncWith(new Resource("propagate"), function* () {
      throw new RangeError("body error");
    });
  } catch (e) {
    if (e instanceof RangeError) print("propagated:", e.message);
  }
  yield* asyncio.asyncWith(new Resource("swallow", true), function* () {
    throw new RangeError("swallowed error");
  });
  print("after swallow");
  try {
    yield* asyncio.asyncWith(new Resource("replace", false, true), function* () {
      throw new RangeError("original");
    });
  } catch (e) {
    if (e instanceof asyncio.LookupError) print("replaced by:", e.message);
  }
  const t = asyncio.createTask(asyncio.sleep(1));
  function* cancelledBody() {
    yield* asyncio.asyncWith(new Resource("cancel"), function* () {
      yield* asyncio.sleep(1);
    });
  }
  const c = asyncio.createTask(cancelledBody());
  yield* asyncio.sleep(0.01);
  c.cancel();
  try {
    yield* c;
  } catch (e) {
    if (e instanceof asyncio.CancelledError) print("cancellation went through aexit");
  }
  t.cancel();
  try {
    yield* asyncio.asyncWith(42 as never, function* () {});
  } catch (e) {
    if (e instanceof TypeError) print("not a context manager:", e.name);
  }
}

asyncio.runSync(main());
