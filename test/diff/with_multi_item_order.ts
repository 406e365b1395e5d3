import * as asyncio from "asyncio-ts";
import { excName, print } from "./_py";

class KeyError extends Error {
  override name = "KeyError";
}

class CM implements asyncio.AsyncContextManager<string> {
  constructor(
    readonly name: string,
    readonly swallow = false,
    readonly failEnter = false,
  ) {}

  *aenter() {
    yield* asyncio.sleep(0);
    if (this.failEnter) {
      print("enter fails", this.name);
      throw new RangeError("cannot enter " + this.name);
    }
    print("enter", this.name);
    return this.name;
  }

  *aexit(exc?: unknown) {
    yield* asyncio.sleep(0);
    print("exit", this.name, exc === undefined ? null : excName(exc) + ":" + fmtStr(exc));
    return this.swallow;
  }
}

// str() of a KeyError is the repr of its key.
function fmtStr(e: unknown): string {
  return e instanceof KeyError ? `'${e.message}'` : (e as Error).message;
}

function* main() {
  yield* asyncio.asyncWith(new CM("a"), function* (a) {
    yield* asyncio.asyncWith(new CM("b", true), function* (b) {
      yield* asyncio.asyncWith(new CM("c"), function* (c) {
        print("body", a, b, c);
        throw new KeyError("k");
      });
    });
  });
  print("after first");
  try {
    yield* asyncio.asyncWith(new CM("a"), function* (_a) {
      yield* asyncio.asyncWith(new CM("b", false, true), function* (_b) {
        yield* asyncio.asyncWith(new CM("c"), function* (_c) {
          print("body must not run");
        });
      });
    });
  } catch (e) {
    if (!(e instanceof RangeError)) throw e;
    print("caught", e.message);
  }
  try {
    yield* asyncio.asyncWith(new CM("x"), function* (_x) {
      yield* asyncio.asyncWith(new CM("y"), function* (_y) {
        throw new RangeError("body");
      });
    });
  } catch (e) {
    if (!(e instanceof RangeError)) throw e;
    print("caught", e.message);
  }
}

asyncio.runSync(main());
