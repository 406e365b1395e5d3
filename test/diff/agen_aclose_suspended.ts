import * as asyncio from "asyncio-ts";
import { print } from "./_py";

const resource = asyncio.asyncGenerator(function* (name: string) {
  print(name, "open");
  try {
    yield 1;
    yield 2;
    print(name, "never here");
  } finally {
    print(name, "closing");
    yield* asyncio.sleep(0.01);
    print(name, "closed");
  }
});

function* main() {
  const g = resource("a");
  print("first", yield* asyncio.anext(g));
  const r = yield* g.aclose();
  print("aclose returned", r);
  try {
    yield* asyncio.anext(g);
  } catch (e) {
    if (!(e instanceof asyncio.StopAsyncIteration)) throw e;
    print("anext after aclose: StopAsyncIteration");
  }
  print("second aclose", yield* g.aclose());

  const fresh = resource("fresh");
  yield* fresh.aclose();
  print("fresh closed without running");
  try {
    yield* asyncio.anext(fresh);
  } catch (e) {
    if (!(e instanceof asyncio.StopAsyncIteration)) throw e;
    print("fresh anext: StopAsyncIteration");
  }

  const done = resource("done");
  for (const it = asyncio.asyncFor(done); yield* it.next(); ) {
    print("done got", it.value);
  }
  print("aclose on finished", yield* done.aclose());

  const stubborn = asyncio.asyncGenerator(function* () {
    try {
      yield "first";
    } finally {
      print("stubborn finally yields");
      yield "again";
    }
  });
  const s = stubborn();
  print(yield* asyncio.anext(s));
  try {
    yield* s.aclose();
  } catch (e) {
    if (!(e instanceof asyncio.RuntimeError)) throw e;
    print("RuntimeError:", e.message);
  }
}

await asyncio.run(main());
