import { isMainThread } from "node:worker_threads";
import * as asyncio from "asyncio-ts";
import { excName, print } from "./_py";

class ParseError extends Error {
  override name = "ParseError";
}

export function badValue(x: number): never {
  throw new RangeError(`bad value: ${x}`);
}

export function badParse(): never {
  throw new ParseError("cannot parse");
}

export function fine() {
  return "fine";
}

const work = asyncio.workerModule<{ badValue: typeof badValue; badParse: typeof badParse; fine: typeof fine }>(import.meta.url);

function* main() {
  const loop = asyncio.getRunningLoop();
  try {
    yield* loop.runInExecutor(null, work.badValue, 3);
  } catch (e) {
    if (!(e instanceof RangeError)) throw e;
    print("caught", excName(e), e.message);
  }
  try {
    yield* asyncio.toThread(work.badParse);
  } catch (e) {
    print("caught", excName(e), (e as Error).message);
  }
  const results = yield* asyncio.gather(
    loop.runInExecutor(null, work.badValue, 1),
    loop.runInExecutor(null, work.fine),
    { returnExceptions: true },
  );
  print(results.map((r) => (r instanceof Error ? `${excName(r)}: ${r.message}` : r)));
  print("the executor still works:", yield* asyncio.toThread(work.fine));
}

if (isMainThread) await asyncio.run(main());
