// node-flags: --expose-gc
// memory, Effect: N fibers each suspended in Effect.sleep("10 seconds").
import { Effect, Fiber } from "effect";
import { heapAfterGc, reportMemory, size } from "../../harness";

const n = size(100_000);
let started = 0;

const sleeper = Effect.zipRight(
  Effect.sync(() => started++),
  Effect.sleep("10 seconds"),
);

const main = Effect.gen(function* () {
  const fibers: Fiber.RuntimeFiber<void>[] = new Array(n).fill(null);
  const before = heapAfterGc();
  for (let i = 0; i < n; i++) fibers[i] = yield* Effect.fork(sleeper);
  while (started < n) yield* Effect.yieldNow(); // until every fiber is in its sleep
  const bytes = heapAfterGc() - before;
  yield* Fiber.interruptAll(fibers);
  return bytes;
});

const bytes = await Effect.runPromise(main);
reportMemory(bytes / n, { started }, { started: n });
