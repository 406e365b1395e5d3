import * as asyncio from "asyncio-ts";
import { print, repr } from "./_py";

const catcher = asyncio.asyncGenerator(function* () {
  let n = 0;
  while (true) {
    try {
      yield n;
    } catch (e) {
      if (!(e instanceof RangeError)) throw e;
      print("catcher caught", e.message);
      n += 100;
    }
    n += 1;
  }
});

class KeyError extends Error {
  override name = "KeyError";
}

const once = asyncio.asyncGenerator(function* () {
  try {
    yield "only";
  } catch (e) {
    if (!(e instanceof KeyError)) throw e;
    print("once caught", repr(e.message));
  }
});

function* main() {
  const c = catcher();
  print(yield* asyncio.anext(c));
  print("athrow gave", yield* c.athrow(new RangeError("v1")));
  print(yield* asyncio.anext(c));
  try {
    yield* c.athrow(new TypeError("t1"));
  } catch (e) {
    if (!(e instanceof TypeError)) throw e;
    print("athrow re-raised TypeError", e.message);
  }
  try {
    yield* asyncio.anext(c);
  } catch (e) {
    if (!(e instanceof asyncio.StopAsyncIteration)) throw e;
    print("catcher finished");
  }

  const o = once();
  print(yield* asyncio.anext(o));
  try {
    yield* o.athrow(new KeyError("k"));
  } catch (e) {
    if (!(e instanceof asyncio.StopAsyncIteration)) throw e;
    print("once: athrow ended it with StopAsyncIteration");
  }

  const fresh = catcher();
  try {
    yield* fresh.athrow(new RangeError("before start"));
  } catch (e) {
    if (!(e instanceof RangeError)) throw e;
    print("fresh athrow raised", e.message);
  }
  try {
    yield* asyncio.anext(fresh);
  } catch (e) {
    if (!(e instanceof asyncio.StopAsyncIteration)) throw e;
    print("fresh is finished");
  }
  print("athrow on finished:", yield* fresh.athrow(new RangeError("late")));
}

await asyncio.run(main());
