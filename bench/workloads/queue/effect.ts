// queue, Effect: one producer and one consumer fiber pass N items through Queue.bounded(100).
import { Effect, Queue } from "effect";
import { report, size } from "../../harness";

const n = size(1_000_000);

const producer = (queue: Queue.Queue<number>) =>
  Effect.gen(function* () {
    for (let i = 0; i < n; i++) yield* Queue.offer(queue, i);
  });

const consumer = (queue: Queue.Queue<number>) =>
  Effect.gen(function* () {
    let sum = 0;
    for (let i = 0; i < n; i++) sum += yield* Queue.take(queue);
    return sum;
  });

const main = Effect.gen(function* () {
  const queue = yield* Queue.bounded<number>(100);
  const [, sum] = yield* Effect.all([producer(queue), consumer(queue)], { concurrency: 2 });
  return sum;
});

const start = performance.now();
const sum = await Effect.runPromise(main);
report(performance.now() - start, sum, (n * (n - 1)) / 2);
