// expiry: N concurrent `timeout(0.01)` scopes around a `sleep(1)`, every one expiring,
// its TimeoutError caught, written as a user ports Python line by line. Reported: the
// overhead, wall time minus the 10 ms deadline. Checked: every scope timed out, none early.
import * as asyncio from "asyncio-ts";
import { report, size } from "../../harness";

const n = size(100_000);
const DEADLINE = 0.01;

let early = 0;
function* waiter() {
  const loop = asyncio.getRunningLoop();
  const start = loop.time();
  try {
    yield* asyncio.asyncWith(asyncio.timeout(DEADLINE), function* () {
      yield* asyncio.sleep(1);
    });
  } catch (error) {
    if (!(error instanceof asyncio.TimeoutError)) throw error;
    if (loop.time() - start < DEADLINE) early++;
    return 1;
  }
  return 0;
}

function* main() {
  const tasks = [];
  for (let i = 0; i < n; i++) tasks.push(waiter());
  const expired = yield* asyncio.gather(tasks);
  return expired.reduce<number>((sum, x) => sum + x, 0);
}

const start = performance.now();
const expired = await asyncio.run(main());
report(performance.now() - start - DEADLINE * 1000, { expired, early }, { expired: n, early: 0 });
