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

export function report(ms: number, got: unknown, expected: unknown): void {
  if (JSON.stringify(got) !== JSON.stringify(expected)) {
    console.error(`self-check failed: got ${JSON.stringify(got)}, expected ${JSON.stringify(expected)}`);
    process.exit(1);
  }
  const maxRssBytes = process.resourceUsage().maxRSS * 1024;
  console.log(JSON.stringify({ ms, maxRssBytes }));
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
