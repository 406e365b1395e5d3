import * as asyncio from "asyncio-ts";
import { print } from "./_py";

const N = 200_000;

function* child(i: number) {
  if (i % 50_000 === 7) throw new RangeError(String(i));
  return i;
}

function* main() {
  const tasks = Array.from({ length: N }, (_, i) => asyncio.createTask(child(i)));
  // More awaitables than a call takes as arguments: gather takes the array itself.
  const results = yield* asyncio.gather(tasks, { returnExceptions: true });
  print(results.length, results.reduce((sum: number, r) => (typeof r === "number" ? sum + r : sum), 0));
  print(results.filter((r) => r instanceof RangeError).map((r) => (r as Error).message));
  try {
    yield* asyncio.gather(Array.from({ length: N }, (_, i) => child(i)));
  } catch (e) {
    if (e instanceof RangeError) print("ValueError", e.message);
    else throw e;
  }
  const values = yield* asyncio.gather(Array.from({ length: N }, (_, i) => asyncio.sleep(0, i)));
  print(values.slice(0, 3), values[values.length - 1]);
}

await asyncio.run(main());
