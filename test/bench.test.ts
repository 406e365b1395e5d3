/**
 * The benchmark suite keeps working: every program runs once at a tenth of its size
 * and passes its own result check. Nothing here is about speed.
 */
import { expect, test } from "vitest";
import { runBenchmarks } from "../bench/run";

test("every benchmark program runs and checks its own result (quick mode)", async () => {
  const results = await runBenchmarks({ reps: 1, scale: 0.1, only: null, save: false, log: () => {} });
  const systems = new Set(results.map((r) => r.system));
  expect(systems).toEqual(new Set(["asyncio-ts", "cpython", "native"]));
  for (const r of results) {
    expect(r.samples).toHaveLength(1);
    expect(r.medianMs).toBeGreaterThan(0);
  }
  expect(new Set(results.map((r) => r.workload))).toEqual(new Set(["spawn", "switch", "queue", "lock", "timers", "churn", "fanout"]));
}, 120_000);
