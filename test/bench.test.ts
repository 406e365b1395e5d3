/**
 * The benchmark suite keeps working: every program runs once at a tenth of its size
 * and passes its own result check, and the scaling workload prints its points. Nothing
 * here is about speed.
 */
import { execFileSync } from "node:child_process";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
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
  for (const w of ["spawn", "switch", "queue", "lock", "timers", "churn", "expiry", "fanout", "memory", "echo"]) expect(workloads).toContain(w);
  // Three sizes of spawn and timers for asyncio-ts, none skipped.
  const ours = scaling.filter((p) => p.system === "asyncio-ts");
  expect(ours.map((p) => `${p.workload}@${p.tasks}`).sort()).toEqual(
    ["spawn@1000", "spawn@10000", "spawn@100000", "timers@1000", "timers@10000", "timers@100000"].sort(),
  );
  for (const p of ours) expect(p.nsPerTask).not.toBeNull();
}, 180_000);

test("the engine programs of bench/engine run and print what docs/performance.md quotes", () => {
  const root = join(dirname(fileURLToPath(import.meta.url)), "..");
  const sizes = execFileSync(process.execPath, ["--expose-gc", join(root, "bench", "engine", "object-sizes.mjs")], { encoding: "utf8" });
  const lines = sizes.trim().split("\n");
  expect(lines).toHaveLength(4);
  const bytes = lines.map((line) => Number(/^\s*(\d+) B {2}/.exec(line)?.[1]));
  for (const b of bytes) expect(b).toBeGreaterThan(0);
  // A generator weighs more than the promise of an async function that returns at once,
  // and marking it taken makes it heavier: the spawn section's argument.
  expect(bytes[0]).toBeGreaterThan(bytes[2]!);
  expect(bytes[1]).toBeGreaterThan(bytes[0]!);

  const warmup = execFileSync(process.execPath, [join(root, "node_modules", "tsx", "dist", "cli.mjs"), join(root, "bench", "engine", "fanout-warmup.ts")], {
    encoding: "utf8",
    env: { ...process.env, DEPTH: "2" },
  });
  expect(warmup.trim().split("\n").map((line) => /^round (\d): asyncio-ts [\d.]+ ms, native [\d.]+ ms: [\d.]+× native$/.exec(line)?.[1])).toEqual(["0", "1", "2", "3"]);

  const clocks = execFileSync(process.execPath, [join(root, "bench", "engine", "clock-reads.mjs")], { encoding: "utf8" });
  expect(clocks.trim().split("\n").map((line) => /^\s*[\d.]+ ns {2}(.*)$/.exec(line)?.[1])).toEqual([
    "performance.now()",
    "Date.now()",
    "process.hrtime()",
    "a cached number (what a loop-time cache would cost)",
  ]);

  const heaps = execFileSync(process.execPath, [join(root, "bench", "engine", "timer-heap.mjs")], { encoding: "utf8", env: { ...process.env, SIZES: "1000,10000" } });
  expect(heaps.trim().split("\n").slice(-2).map((line) => line.replace(/[\d.]+ from/, "N from"))).toEqual([
    "binary heap: ×N from 1,000 to 10,000",
    "lists per duration: ×N from 1,000 to 10,000",
  ]);

  // Both lock programs check their count themselves (a lost increment throws).
  const locks = execFileSync(process.execPath, [join(root, "bench", "engine", "lock-handover.mjs")], { encoding: "utf8", env: { ...process.env, ROUNDS: "200" } });
  expect(locks.trim().split("\n").map((line) => /^\s*[\d.]+ ?(?:ns|×) +(.*)$/.exec(line)?.[1])).toEqual([
    "generators, Python's two-step hand-over",
    "native promise mutex, direct hand-over",
    "generators against native (above 1: the generators are faster)",
  ]);

  const levels = execFileSync(process.execPath, [join(root, "bench", "engine", "yield-levels.mjs")], { encoding: "utf8", env: { ...process.env, N: "2000" } });
  expect(levels.trim().split("\n").map((line) => /^\s*\d+ ns {2}(.*)$/.exec(line)?.[1])).toEqual([
    "two levels: outer, leaf",
    "three levels, the middle one a generator",
    "three levels, the middle one an iterator object",
  ]);
}, 60_000);
