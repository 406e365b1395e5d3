// switch, Effect: T fibers x K `Effect.yieldNow()`, round robin.
import { Effect } from "effect";
import { report, size } from "../../harness";

const tasksCount = 1000;
const yields = size(1000);

let switches = 0;
let last = -1;
let interleaved = 0;

const spinner = (id: number) =>
  Effect.gen(function* () {
    for (let i = 0; i < yields; i++) {
      if (last !== id) interleaved++;
      last = id;
      switches++;
      yield* Effect.yieldNow();
    }
  });

const ids = Array.from({ length: tasksCount }, (_, t) => t);
const start = performance.now();
await Effect.runPromise(Effect.forEach(ids, spinner, { concurrency: "unbounded", discard: true }));
report(performance.now() - start, [switches, interleaved], [tasksCount * yields, tasksCount * yields]);
