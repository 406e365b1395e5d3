// spawn, Effect: N fibers forked whose effect succeeds at once, joined together.
import { Effect, Fiber } from "effect";
import { report, size } from "../../harness";

const n = size(100_000);

const child = (i: number) => Effect.succeed(i);

const main = Effect.gen(function* () {
  const fibers: Fiber.RuntimeFiber<number>[] = [];
  for (let i = 0; i < n; i++) fibers.push(yield* Effect.fork(child(i)));
  const results = yield* Fiber.joinAll(fibers);
  let sum = 0;
  for (const r of results) sum += r;
  return sum;
});

const start = performance.now();
const sum = await Effect.runPromise(main);
report(performance.now() - start, sum, (n * (n - 1)) / 2);
