// lock, Effect: T fibers x K passes through a one-permit Semaphore (withPermits(1)),
// yielding inside; a read-yield-write counter proves no update was lost.
import { Effect } from "effect";
import { report, size } from "../../harness";

const tasksCount = 100;
const rounds = size(10_000);
let counter = 0;

const critical = Effect.gen(function* () {
  const seen = counter;
  yield* Effect.yieldNow();
  counter = seen + 1;
});

const worker = (lock: Effect.Semaphore) =>
  Effect.gen(function* () {
    const guarded = lock.withPermits(1)(critical);
    for (let i = 0; i < rounds; i++) yield* guarded;
  });

const main = Effect.gen(function* () {
  const lock = yield* Effect.makeSemaphore(1);
  const workers = Array.from({ length: tasksCount }, () => worker(lock));
  yield* Effect.all(workers, { concurrency: "unbounded", discard: true });
});

const start = performance.now();
await Effect.runPromise(main);
report(performance.now() - start, counter, tasksCount * rounds);
