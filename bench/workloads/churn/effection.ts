// timeout churn, Effection: N races of a bare yield against sleep(10 000), Effection's
// way to put a deadline on an operation; none expiring. At about 0.3 ms a race (flat
// from 1 000 to 30 000 races), the full size would take minutes a repetition: this peer
// runs 1% of the scopes and reports that share (the runner scales it up, marked).
import { race, run, sleep, type Operation } from "effection";
import { yieldNow } from "../../effection-now";
import { report, size } from "../../harness";

const full = size(1_000_000);
const n = Math.max(1, Math.round(full / 100));

function* body(): Operation<string> {
  yield* yieldNow();
  return "done";
}

function* deadline(): Operation<string> {
  yield* sleep(10_000);
  return "expired";
}

const start = performance.now();
const expired = await run(function* () {
  let expired = 0;
  for (let i = 0; i < n; i++) if ((yield* race([body(), deadline()])) === "expired") expired++;
  return expired;
});
report(performance.now() - start, { scopes: n, expired }, { scopes: n, expired: 0 }, n / full);
