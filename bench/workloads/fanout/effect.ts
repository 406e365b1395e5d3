// fan-out tree, Effect: depth 4, fan-out 10, children as concurrent fibers
// (Effect.forEach, concurrency unbounded); each leaf yields and returns 1.
import { Effect } from "effect";
import { report } from "../../harness";

const depth = 4;
const fanout = 10;
const branches = Array.from({ length: fanout }, (_, i) => i);

const node = (level: number): Effect.Effect<number> =>
  level === depth
    ? Effect.as(Effect.yieldNow(), 1)
    : Effect.map(
        Effect.forEach(branches, () => node(level + 1), { concurrency: "unbounded" }),
        (sums) => {
          let sum = 0;
          for (const s of sums) sum += s;
          return sum;
        },
      );

const start = performance.now();
const leaves = await Effect.runPromise(node(0));
report(performance.now() - start, leaves, fanout ** depth);
