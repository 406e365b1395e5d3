import * as asyncio from "asyncio-ts";
import { print } from "./_py";

const accumulator = asyncio.asyncGenerator(function* (): asyncio.AsyncGeneratorBody<number, number | undefined> {
  let total = 0;
  while (true) {
    const value = yield total;
    print("received", value);
    if (value === undefined) break;
    yield* asyncio.sleep(0);
    total += value;
  }
  print("accumulator done");
});

function* main() {
  const acc = accumulator();
  print("start", yield* acc.asend(undefined));
  print("after 5", yield* acc.asend(5));
  print("after 7", yield* acc.asend(7));
  try {
    yield* acc.asend(undefined);
  } catch (e) {
    if (!(e instanceof asyncio.StopAsyncIteration)) throw e;
    print("StopAsyncIteration");
  }
  const fresh = accumulator();
  try {
    yield* fresh.asend(1);
  } catch (e) {
    if (!(e instanceof TypeError)) throw e;
    print("TypeError for a value sent to a just-started generator");
  }
  print("fresh still starts", yield* asyncio.anext(fresh));
}

await asyncio.run(main());
