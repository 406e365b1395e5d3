import * as asyncio from "asyncio-ts";
import { print } from "./_py";

const slow = asyncio.asyncGenerator(function* () {
  try {
    yield "a";
    yield* asyncio.sleep(0.05);
    yield "b";
  } finally {
    print("slow finally");
  }
});

function* main() {
  const g = slow();
  print(yield* asyncio.anext(g));
  const first = asyncio.ensureFuture(asyncio.anext(g));
  yield* asyncio.sleep(0);
  const attempts: [string, () => asyncio.Coroutine<unknown>][] = [
    ["anext", () => asyncio.anext(g)],
    ["athrow", () => g.athrow(new RangeError("x"))],
    ["aclose", () => g.aclose()],
  ];
  for (const [name, make] of attempts) {
    try {
      yield* make();
    } catch (e) {
      if (!(e instanceof asyncio.RuntimeError)) throw e;
      print(name, "->", e.message);
    }
  }
  print("first got", yield* first);
  const aw = asyncio.anext(g);
  try {
    yield* aw;
  } catch (e) {
    if (!(e instanceof asyncio.StopAsyncIteration)) throw e;
    print("exhausted");
  }
  try {
    yield* aw;
  } catch (e) {
    if (!(e instanceof asyncio.RuntimeError)) throw e;
    print("reuse ->", e.message);
  }
}

await asyncio.run(main());
