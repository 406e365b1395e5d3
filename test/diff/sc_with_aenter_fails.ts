import * as asyncio from "asyncio-ts";
import { print } from "./_py";

class ConnectionError extends Error {
  override name = "ConnectionError";
}

const failingEnter: asyncio.AsyncContextManager<void> = {
  *aenter() {
    yield* asyncio.sleep(0);
    throw new ConnectionError("cannot enter");
  },
  *aexit() {
    print("aexit must not run when aenter failed");
    return false;
  },
};

const suspendingExit: asyncio.AsyncContextManager<void> = {
  *aenter() {},
  *aexit(e?: unknown) {
    yield* asyncio.sleep(0.01);
    print("slow aexit finished; saw", e === undefined ? null : (e as Error).name);
    return true;
  },
};

function* main() {
  try {
    yield* asyncio.asyncWith(failingEnter, function* () {
      print("body must not run");
    });
  } catch (e) {
    if (e instanceof ConnectionError) print("aenter error:", e.message);
  }
  yield* asyncio.asyncWith(suspendingExit, function* () {
    throw new asyncio.RuntimeError("swallowed after an async exit");
  });
  print("continued");
}

asyncio.runSync(main());
