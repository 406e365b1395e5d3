/**
 * The benchmark suite keeps working: every program runs once at a tenth of its size
 * and passes its own result check, and the scaling workload prints its points. Nothing
 * here is about speed.
 */
import { expect, test } from "vitest";
import { runBenchmarks } from "../bench/run";

test("every benchmark program runs and checks its own result (quick mode)", async () => {
  const { results, scaling } = await runBenchmarks({ reps: 1, scale: 0.1, only: null, save: false, log: () => {} });
  const systems = new Set(results.map((r) => r.system));
  for (const system of ["asyncio-ts", "cpython", "native", "effect", "effection", "round-robin"]) expect(systems).toContain(system);
  for (const r of results) {
    expect(r.samples).toHaveLength(1);
    expect(r.median).toBeGreaterThan(0);
    expect(r.unit).toBe(r.workload === "memory" ? "B/task" : "ms");
  }
  const workloads = new Set(results.map((r) => r.workload));
  for (const w of ["spawn", "switch", "queue", "lock", "timers", "churn", "fanout", "memory", "echo"]) expect(workloads).toContain(w);
  // Three sizes of spawn and timers for asyncio-ts, none skipped.
  const ours = scaling.filter((p) => p.system === "asyncio-ts");
  expect(ours.map((p) => `${p.workload}@${p.tasks}`).sort()).toEqual(
    ["spawn@1000", "spawn@10000", "spawn@100000", "timers@1000", "timers@10000", "timers@100000"].sort(),
  );
  for (const p of ours) expect(p.nsPerTask).not.toBeNull();
}, 180_000);
