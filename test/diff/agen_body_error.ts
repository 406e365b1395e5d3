import * as asyncio from "asyncio-ts";
import { print } from "./_py";

const faulty = asyncio.asyncGenerator(function* (failAt: number) {
  try {
    for (let i = 0; i < 5; i++) {
      yield* asyncio.sleep(0);
      if (i === failAt) throw new RangeError(`failed at ${i}`);
      yield i;
    }
  } finally {
    print("faulty finally", failAt);
  }
});

const leaky = asyncio.asyncGenerator(function* () {
  yield 1;
  throw new asyncio.StopAsyncIteration();
});

function* main() {
  const got: number[] = [];
  try {
    for (const it = asyncio.asyncFor(faulty(2)); yield* it.next(); ) got.push(it.value);
  } catch (e) {
    if (!(e instanceof RangeError)) throw e;
    print("loop raised", e.message, "after", got);
  }
  const g = faulty(0);
  try {
    yield* asyncio.anext(g);
  } catch (e) {
    if (!(e instanceof RangeError)) throw e;
    print("anext raised", e.message);
  }
  try {
    yield* asyncio.anext(g);
  } catch (e) {
    if (!(e instanceof asyncio.StopAsyncIteration)) throw e;
    print("then StopAsyncIteration");
  }
  const l = leaky();
  print(yield* asyncio.anext(l));
  try {
    yield* asyncio.anext(l);
  } catch (e) {
    if (!(e instanceof asyncio.RuntimeError)) throw e;
    print("RuntimeError:", e.message, "| cause:", (e.cause as Error).name);
  }
}

await asyncio.run(main());
