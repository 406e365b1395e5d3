import * as asyncio from "asyncio-ts";
import { excName, print } from "./_py";

class ZeroDivisionError extends Error {
  override name = "ZeroDivisionError";
}

class Suppress implements asyncio.AsyncContextManager<Suppress> {
  readonly types: (abstract new (...args: never[]) => Error)[];
  constructor(...types: (abstract new (...args: never[]) => Error)[]) {
    this.types = types;
  }

  *aenter() {
    return this;
  }

  *aexit(exc?: unknown) {
    yield* asyncio.sleep(0);
    if (exc === undefined) {
      print("aexit: clean");
      return false;
    }
    print("aexit saw", excName(exc), (exc as Error).message);
    return this.types.some((t) => exc instanceof t);
  }
}

function* work(kind: string) {
  yield* asyncio.asyncWith(new Suppress(RangeError, ZeroDivisionError), function* (s) {
    print("body", kind, "cm is s:", s instanceof Suppress);
    if (kind === "value") throw new RangeError("bad value");
    if (kind === "type") throw new TypeError("bad type");
    print("body finished", kind);
  });
  print("after with", kind);
  return kind;
}

function* main() {
  for (const kind of ["ok", "value", "type"]) {
    try {
      print("result", yield* work(kind));
    } catch (e) {
      print("escaped", excName(e), (e as Error).message);
    }
  }
}

asyncio.runSync(main());
