import * as asyncio from "asyncio-ts";
import { excName, print } from "./_py";

class CM implements asyncio.AsyncContextManager<number> {
  constructor(readonly base: number) {}

  *aenter() {
    print("enter", this.base);
    yield* asyncio.sleep(0);
    return this.base;
  }

  *aexit(exc?: unknown) {
    print("exit", this.base, "clean:", exc === undefined);
    return false;
  }
}

class Swallow implements asyncio.AsyncContextManager<undefined> {
  *aenter() {
    return undefined;
  }

  *aexit(exc?: unknown) {
    print("swallow saw", excName(exc));
    return true;
  }
}

function* compute() {
  return yield* asyncio.asyncWith(new CM(10), function* (base) {
    return base + 5;
  });
}

function* early(flag: boolean) {
  const r = yield* asyncio.asyncWith(new CM(20), function* (base) {
    if (flag) return "early";
    print("not early", base);
    return undefined;
  });
  if (r !== undefined) return r;
  return "late";
}

function* swallowThenReturn() {
  yield* asyncio.asyncWith(new Swallow(), function* () {
    throw new RangeError("x");
  });
  return "after swallow";
}

function* nestedReturn() {
  return yield* asyncio.asyncWith(new CM(1), function* (a) {
    return yield* asyncio.asyncWith(new CM(2), function* (b) {
      return [a, b];
    });
  });
}

function* main() {
  print("compute ->", yield* compute());
  print("early(True) ->", yield* early(true));
  print("early(False) ->", yield* early(false));
  print("swallow ->", yield* swallowThenReturn());
  print("nested ->", yield* nestedReturn());
  const t = asyncio.createTask(compute());
  print("as task ->", yield* t);
}

asyncio.runSync(main());
