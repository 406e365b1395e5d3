// timers, Effect: N fibers in Effect.sleep with the same seeded delays.
import { Effect } from "effect";
import { maxOf, report, seededDelays, size } from "../../harness";

const delays = seededDelays(size(100_000), 0.5);
let early = 0;

const sleeper = (delay: number) =>
  Effect.gen(function* () {
    const start = performance.now();
    yield* Effect.sleep(delay * 1000);
    // Effect's sleep is a host timer (1 ms granularity), as for native setTimeout.
    if (performance.now() - start < delay * 1000 - 1) early++;
  });

const start = performance.now();
await Effect.runPromise(Effect.forEach(delays, sleeper, { concurrency: "unbounded", discard: true }));
const wall = performance.now() - start;
report(wall - maxOf(delays) * 1000, { fired: delays.length, early }, { fired: delays.length, early: 0 });
