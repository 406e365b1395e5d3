import * as asyncio from "asyncio-ts";
import { print } from "./_py";

class KeyError extends Error {
  override name = "KeyError";
}

const opened = asyncio.asyncContextManager(function* (name: string, swallow = false) {
  yield* asyncio.sleep(0);
  print("enter", name);
  try {
    yield name.toUpperCase();
  } catch (e) {
    if (!(e instanceof RangeError)) throw e;
    print("cm saw", e.message);
    if (!swallow) throw e;
  } finally {
    yield* asyncio.sleep(0);
    print("exit", name);
  }
});

// biome-ignore lint/correctness/useYield: a context manager that never yields, on purpose.
const noYield = asyncio.asyncContextManager(function* () {});

const twoYields = asyncio.asyncContextManager(function* () {
  yield 1;
  yield 2;
});

function* main() {
  yield* asyncio.asyncWith(opened("db"), function* (handle) {
    print("body got", handle);
  });
  try {
    yield* asyncio.asyncWith(opened("file"), function* () {
      throw new RangeError("body failed");
    });
  } catch (e) {
    if (!(e instanceof RangeError)) throw e;
    print("propagated", e.message);
  }
  yield* asyncio.asyncWith(opened("sock", true), function* () {
    throw new RangeError("swallowed");
  });
  print("after swallowed");
  try {
    yield* asyncio.asyncWith(opened("net"), function* () {
      throw new KeyError("'other'");
    });
  } catch (e) {
    if (!(e instanceof KeyError)) throw e;
    print("KeyError passed through", e.message);
  }
  try {
    yield* asyncio.asyncWith(noYield(), function* () {});
  } catch (e) {
    if (!(e instanceof asyncio.RuntimeError)) throw e;
    print("RuntimeError:", e.message);
  }
  try {
    yield* asyncio.asyncWith(twoYields(), function* () {});
  } catch (e) {
    if (!(e instanceof asyncio.RuntimeError)) throw e;
    print("RuntimeError:", e.message);
  }
}

await asyncio.run(main());
