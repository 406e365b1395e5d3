// timeout churn, Effect: N `Effect.timeout("10 seconds")` around Effect.yieldNow(), none
// expiring (a timed-out one would fail the run with a TimeoutException).
import { Effect } from "effect";
import { report, size } from "../../harness";

const n = size(1_000_000);
let scopes = 0;

const body = Effect.timeout(Effect.yieldNow(), "10 seconds");

const main = Effect.gen(function* () {
  for (let i = 0; i < n; i++) {
    yield* body;
    scopes++;
  }
});

const start = performance.now();
await Effect.runPromise(main);
report(performance.now() - start, { scopes }, { scopes: n });
