import * as asyncio from "asyncio-ts";
import { print } from "./_py";

const NAMES = new Set(["main", "middle", "helper", "inner", "gathered"]);

/** The coroutines the stack names, outermost first as Python's traceback lists them. */
function chain(error: unknown): string[] {
  const names = (error as Error).stack!
    .split("\n")
    .map((line) => /^\s+at (?:async )?(\w+) /.exec(line)?.[1])
    .filter((name): name is string => name !== undefined && NAMES.has(name));
  return names.reverse();
}

function* inner() {
  yield* asyncio.sleep(0);
  throw new RangeError("deep");
}

function* helper() {
  return yield* asyncio.createTask(inner());
}

function* middle() {
  return yield* helper();
}

function* gathered() {
  yield* asyncio.gather(asyncio.createTask(middle()));
}

function* main() {
  try {
    yield* asyncio.createTask(middle());
  } catch (e) {
    if (e instanceof RangeError) print("awaited tasks:", chain(asyncio.withAwaitChain(e)));
    else throw e;
  }
  try {
    yield* asyncio.createTask(gathered());
  } catch (e) {
    if (e instanceof RangeError) print("through gather:", chain(asyncio.withAwaitChain(e)));
    else throw e;
  }
  yield* asyncio.createTask(middle());
}

try {
  await asyncio.run(main());
} catch (e) {
  print("out of run:", chain(e));
}
