// timeout churn, native Node: a setTimeout armed and cleared around each `await null`.
import { report, size } from "../../harness";

const n = size(1_000_000);

async function main(): Promise<number> {
  let fired = 0;
  for (let i = 0; i < n; i++) {
    const timer = setTimeout(() => fired++, 10_000);
    await null;
    clearTimeout(timer);
  }
  return fired;
}

const start = performance.now();
const fired = await main();
report(performance.now() - start, { scopes: n, fired }, { scopes: n, fired: 0 });
