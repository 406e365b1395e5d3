/**
 * What every TypeScript benchmark program shares: the size it runs at (the runner
 * passes `--scale`), and its report, one JSON line on stdout. A program whose result
 * is wrong exits non-zero: a fast wrong answer is not a benchmark result.
 */
export function size(full: number): number {
  const at = process.argv.indexOf("--scale");
  const scale = at >= 0 ? Number(process.argv[at + 1]) : 1;
  return Math.max(1, Math.round(full * scale));
}

function check(got: unknown, expected: unknown): void {
  if (JSON.stringify(got) !== JSON.stringify(expected)) {
    console.error(`self-check failed: got ${JSON.stringify(got)}, expected ${JSON.stringify(expected)}`);
    process.exit(1);
  }
}

/**
 * Prints the result line. `fraction` < 1 says the program ran only that share of the
 * workload (a peer too slow for the full size) and `ms` is the time of that share; the
 * runner scales it up linearly and marks it.
 */
export function report(ms: number, got: unknown, expected: unknown, fraction = 1): void {
  check(got, expected);
  const maxRssBytes = process.resourceUsage().maxRSS * 1024;
  console.log(JSON.stringify(fraction === 1 ? { ms, maxRssBytes } : { ms, maxRssBytes, fraction }));
}

/**
 * `n` delays in [0, max] seconds from a fixed-seed generator (the same sequence as
 * `seeded_delays` in harness.py), truncated to the millisecond.
 */
export function seededDelays(n: number, max: number): number[] {
  // Park–Miller: the products stay below 2^53, so JavaScript numbers compute it exactly.
  let state = 12345;
  const out: number[] = [];
  for (let i = 0; i < n; i++) {
    state = (state * 48271) % 2147483647;
    out.push(Math.floor((state / 2147483647) * max * 1000) / 1000);
  }
  return out;
}

/** The memory workload's report: bytes of heap per suspended task instead of a time. */
export function reportMemory(bytesPerTask: number, got: unknown, expected: unknown): void {
  check(got, expected);
  console.log(JSON.stringify({ bytesPerTask, maxRssBytes: process.resourceUsage().maxRSS * 1024 }));
}

/** Live heap bytes after a full collection (the program runs with `--expose-gc`). */
export function heapAfterGc(): number {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (gc === undefined) throw new Error("run with node --expose-gc (the runner passes it: see `// node-flags:`)");
  gc();
  gc();
  return process.memoryUsage().heapUsed;
}

/** The largest of `values` (`Math.max(...values)` overflows the stack at a million). */
export function maxOf(values: readonly number[]): number {
  let max = -Infinity;
  for (const v of values) if (v > max) max = v;
  return max;
}
