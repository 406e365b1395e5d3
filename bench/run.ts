/**
 * The benchmark runner: `npm run bench [-- --quick] [--reps N] [--only a,b] [--systems x,y] [--scale x]`.
 *
 * Each workload is a folder of bench/workloads/ with one program per system
 * (`asyncio-ts.ts`, `cpython.py`, and later more peers). Every repetition of every
 * program is a fresh process; repetitions are interleaved (rep 1 of every system, then
 * rep 2, …) so drift on a shared machine hits all systems alike. Programs time
 * themselves around the workload only, check their own result, and print one JSON
 * line; the runner prints medians, ranges, peak RSS and ratios, and writes the raw
 * results to bench/results/.
 */
import { execFile } from "node:child_process";
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";

const benchDir = resolve(fileURLToPath(import.meta.url), "..");
const root = resolve(benchDir, "..");

export interface BenchOptions {
  reps: number;
  scale: number;
  only: string[] | null;
  /** Run only these systems (asyncio-ts, native, cpython, …); null or absent for all. */
  systems?: string[] | null;
  /** Write bench/results/<time>.json. */
  save: boolean;
  log: (line: string) => void;
}

interface Program {
  workload: string;
  system: string;
  command: string;
  args: string[];
}

/** One repetition's line: a time (`ms`), or for the memory workload `bytesPerTask`. */
export interface Sample {
  ms?: number;
  bytesPerTask?: number;
  maxRssBytes: number;
  /** The share of the workload the program ran (a peer too slow for the full size). */
  fraction?: number;
}

export interface BenchResult {
  workload: string;
  system: string;
  samples: Sample[];
  /** "ms" for the whole workload, or "B/task" for the memory workload. */
  unit: "ms" | "B/task";
  /** Set when the program ran this share only and its times were scaled up linearly. */
  fraction?: number;
  median: number;
  min: number;
  max: number;
  peakRssBytes: number;
}

/** One point of the scaling workload: spawn or timers at one size, time per task. */
export interface ScalingResult {
  workload: "spawn" | "timers";
  system: string;
  tasks: number;
  /** Median nanoseconds per task (for timers: of the overhead beyond the longest delay). */
  nsPerTask: number | null;
  samples: Sample[];
  skipped?: string;
}

export interface BenchRun {
  results: BenchResult[];
  scaling: ScalingResult[];
}

const OURS = "asyncio-ts";
/** The pseudo-workload that reruns spawn and timers at these multiples of their size. */
const SCALING = "scaling";
const SCALING_FACTORS = [0.1, 1, 10];
/** At the largest size, skip a system whose run would take longer than this (judged from the middle size). */
const SCALING_BUDGET_MS = 60_000;

function parseArgs(argv: string[]): BenchOptions {
  const options: BenchOptions = { reps: 5, scale: 1, only: null, save: true, log: console.log };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const value = (): string => {
      const v = argv[++i];
      if (v === undefined) throw new Error(`${arg} needs a value`);
      return v;
    };
    if (arg === "--quick") {
      options.reps = 1;
      options.scale = 0.1;
    } else if (arg === "--reps") {
      options.reps = Number(value());
    } else if (arg === "--scale") {
      options.scale = Number(value());
    } else if (arg === "--only") {
      options.only = value().split(",");
    } else if (arg === "--systems") {
      options.systems = value().split(",");
    } else if (arg === "--no-save") {
      options.save = false;
    } else {
      throw new Error(`unknown option ${arg}; use --quick, --reps N, --scale X, --only a,b, --systems x,y, --no-save`);
    }
  }
  if (!(options.reps >= 1) || !(options.scale > 0)) throw new Error("--reps must be >= 1 and --scale > 0");
  return options;
}

/** Node flags a program asks for in a `// node-flags: …` line near its top. */
function nodeFlags(path: string): string[] {
  const line = readFileSync(path, "utf8")
    .split("\n", 5)
    .find((l) => l.startsWith("// node-flags:"));
  return line === undefined ? [] : line.slice("// node-flags:".length).trim().split(/\s+/);
}

async function preparePrograms(only: string[] | null, outDir: string): Promise<Program[]> {
  const workloadsDir = join(benchDir, "workloads");
  const known = [...readdirSync(workloadsDir), SCALING];
  if (only !== null) {
    const unknown = only.filter((w) => !known.includes(w));
    if (unknown.length > 0) throw new Error(`unknown workload(s): ${unknown.join(", ")}; known: ${known.join(", ")}`);
  }
  // The scaling workload reuses the programs of spawn and timers.
  const wanted = (w: string): boolean => only === null || only.includes(w) || (only.includes(SCALING) && (w === "spawn" || w === "timers"));
  const workloads = readdirSync(workloadsDir).filter(wanted).sort();
  const programs: Program[] = [];
  const tsEntries: Record<string, string> = {};
  for (const workload of workloads) {
    for (const file of readdirSync(join(workloadsDir, workload)).sort()) {
      const path = join(workloadsDir, workload, file);
      if (file.endsWith(".py")) {
        programs.push({ workload, system: file.slice(0, -3), command: "python3", args: [path] });
      } else if (file.endsWith(".ts")) {
        const system = file.slice(0, -3);
        tsEntries[`${workload}--${system}`] = path;
        programs.push({ workload, system, command: process.execPath, args: [...nodeFlags(path), join(outDir, `${workload}--${system}.mjs`)] });
      }
    }
  }
  // Bundled and run by plain node: no loader in the measurement.
  await build({
    entryPoints: tsEntries,
    outdir: outDir,
    outExtension: { ".js": ".mjs" },
    bundle: true,
    platform: "node",
    format: "esm",
    target: "node20",
    alias: { "asyncio-ts": join(root, "src", "index.ts") },
    // For the programs that run with --enable-source-maps (the failure workloads); the
    // others never read it.
    sourcemap: "inline",
    logLevel: "error",
  });
  return programs;
}

function runOnce(program: Program, scale: number): Promise<Sample> {
  return new Promise((resolvePromise, reject) => {
    execFile(program.command, [...program.args, "--scale", String(scale)], { timeout: 600_000, maxBuffer: 1 << 20 }, (error, stdout, stderr) => {
      if (error) {
        reject(new Error(`${program.workload}/${program.system} failed: ${stderr.trim() || error.message}`));
        return;
      }
      const line = stdout.trim().split("\n").at(-1) ?? "";
      let sample: Sample;
      try {
        sample = JSON.parse(line) as Sample;
      } catch {
        reject(new Error(`${program.workload}/${program.system} printed no result line: ${stdout}`));
        return;
      }
      if (typeof sample.ms !== "number" && typeof sample.bytesPerTask !== "number") {
        reject(new Error(`${program.workload}/${program.system} printed neither ms nor bytesPerTask: ${line}`));
        return;
      }
      resolvePromise(sample);
    });
  });
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

const fmtMs = (ms: number): string => (ms >= 100 ? ms.toFixed(0) : ms >= 10 ? ms.toFixed(1) : ms.toFixed(2));
const fmtMb = (bytes: number): string => `${(bytes / 1048576).toFixed(0)} MB`;

const valueOf = (sample: Sample): number => (sample.bytesPerTask !== undefined ? sample.bytesPerTask : sample.ms! / (sample.fraction ?? 1));

function summarize(program: Program, samples: Sample[]): BenchResult {
  const values = samples.map(valueOf);
  const fraction = samples[0]?.fraction;
  return {
    workload: program.workload,
    system: program.system,
    samples,
    unit: samples[0]?.bytesPerTask !== undefined ? "B/task" : "ms",
    ...(fraction !== undefined ? { fraction } : {}),
    median: median(values),
    min: Math.min(...values),
    max: Math.max(...values),
    peakRssBytes: Math.max(...samples.map((x) => x.maxRssBytes)),
  };
}

/**
 * Runs every program `reps` times at `scale`, repetitions interleaved. A failure throws,
 * unless `failures` is given: then the program's error is recorded there and it is not
 * run again (the scaling workload's largest size may exceed what a peer can hold).
 */
async function runInterleaved(
  programs: Program[],
  scale: number,
  reps: number,
  log: (line: string) => void,
  label: string,
  failures?: Map<Program, string>,
): Promise<Map<Program, Sample[]>> {
  const samples = new Map<Program, Sample[]>(programs.map((p) => [p, []]));
  for (let rep = 1; rep <= reps; rep++) {
    log(`${label}repetition ${rep}/${reps}…`);
    for (const program of programs) {
      if (failures?.has(program)) continue;
      try {
        samples.get(program)!.push(await runOnce(program, scale));
      } catch (error) {
        if (failures === undefined) throw error;
        const message = (error instanceof Error ? error.message : String(error)).split("\n").find((l) => /^\w*Error\b/.test(l.trim())) ?? "failed";
        failures.set(program, `failed: ${message.trim()}`);
        samples.set(program, []);
        log(`  ${program.workload}/${program.system} at this size ${failures.get(program)}`);
      }
    }
  }
  return samples;
}

/** Runs the suite: one result per workload and system, and the scaling points when asked for. */
export async function runBenchmarks(options: BenchOptions): Promise<BenchRun> {
  const outDir = mkdtempSync(join(tmpdir(), "asyncio-ts-bench-"));
  try {
    const systems = options.systems ?? null;
    const programs = (await preparePrograms(options.only, outDir)).filter((p) => systems === null || systems.includes(p.system));
    if (programs.length === 0) throw new Error(`no program of ${systems?.join(", ")} in the chosen workloads`);
    const direct = programs.filter((p) => options.only === null || options.only.includes(p.workload));
    const samples = direct.length > 0 ? await runInterleaved(direct, options.scale, options.reps, options.log, "") : new Map<Program, Sample[]>();
    const results = direct.map((p) => summarize(p, samples.get(p)!));
    if (results.length > 0) printResults(results, options);
    const save = (scaling: ScalingResult[]): void => {
      if (!options.save) return;
      const dir = join(benchDir, "results");
      mkdirSync(dir, { recursive: true });
      file ??= join(dir, `${new Date().toISOString().replace(/[:.]/g, "-")}.json`);
      writeFileSync(file, `${JSON.stringify({ node: process.version, reps: options.reps, scale: options.scale, results, scaling }, null, 2)}\n`);
    };
    let file: string | undefined;
    save([]); // the main results are kept even if the scaling runs fail
    let scaling: ScalingResult[] = [];
    if (options.only === null || options.only.includes(SCALING)) {
      scaling = await runScaling(
        programs.filter((p) => p.workload === "spawn" || p.workload === "timers"),
        samples,
        options,
      );
      printScaling(scaling, options);
    }
    save(scaling);
    if (file !== undefined) options.log(`\nraw results: ${file}`);
    return { results, scaling };
  } finally {
    rmSync(outDir, { recursive: true, force: true });
  }
}

/**
 * spawn and timers at a tenth, one and ten times their size, smallest first; the middle
 * size reuses the samples of the main run when it made them. At the largest size a
 * system is skipped, with the reason, when the middle size says it would take longer
 * than the budget a run.
 */
async function runScaling(programs: Program[], mainSamples: Map<Program, Sample[]>, options: BenchOptions): Promise<ScalingResult[]> {
  const out: ScalingResult[] = [];
  const perTask = new Map<Program, number>();
  const fullSize = 100_000;
  const budget = SCALING_BUDGET_MS * options.scale;
  for (const factor of SCALING_FACTORS) {
    const scale = options.scale * factor;
    const tasks = Math.max(1, Math.round(fullSize * scale));
    const skipped = new Map<Program, string>();
    if (factor > 1) {
      for (const p of programs) {
        const ns = perTask.get(p);
        // spawn's time is per task; timers also sleep 0.5 s whatever the size.
        const predictedMs = ns === undefined ? 0 : (ns * tasks) / 1e6 + (p.workload === "timers" ? 500 : 0);
        if (predictedMs > budget) skipped.set(p, `about ${(predictedMs / 1000).toFixed(0)} s a run at this size (over the ${(budget / 1000).toFixed(0)} s budget)`);
      }
    }
    const toRun = programs.filter((p) => !skipped.has(p) && !(factor === 1 && mainSamples.has(p)));
    const ran = toRun.length > 0 ? await runInterleaved(toRun, scale, options.reps, options.log, `scaling at ${tasks} tasks: `, skipped) : new Map<Program, Sample[]>();
    for (const p of programs) {
      const reason = skipped.get(p);
      const s = ran.get(p) ?? (factor === 1 ? mainSamples.get(p) : undefined) ?? [];
      const ns = s.length === 0 ? null : (median(s.map(valueOf)) * 1e6) / tasks;
      if (ns !== null) perTask.set(p, ns);
      out.push({ workload: p.workload as "spawn" | "timers", system: p.system, tasks, nsPerTask: ns, samples: s, ...(reason ? { skipped: reason } : {}) });
    }
  }
  return out;
}

const fmtValue = (v: number, unit: string): string => (unit === "B/task" ? v.toFixed(0) : fmtMs(v));

function printResults(results: BenchResult[], options: BenchOptions): void {
  const log = options.log;
  log(`\nmedian of ${options.reps} run${options.reps === 1 ? "" : "s"} (min–max), scale ${options.scale}, Node ${process.version}; times in ms, memory in bytes per task`);
  // Variants of our own (asyncio-ts-hoisted) are longer than the peers' names.
  const systemWidth = Math.max(14, ...results.map((r) => r.system.length + 2));
  log(`${"workload".padEnd(12)}${"system".padEnd(systemWidth)}${"median".padStart(11)}  ${"(min–max)".padEnd(20)}${"peak RSS".padStart(9)}`);
  const notes: string[] = [];
  for (const r of results) {
    const mark = r.fraction !== undefined ? "*" : " ";
    if (r.fraction !== undefined) notes.push(`* ${r.workload}/${r.system} ran ${(r.fraction * 100).toFixed(0)}% of the workload; its times are scaled up linearly`);
    log(
      `${r.workload.padEnd(12)}${r.system.padEnd(systemWidth)}${(fmtValue(r.median, r.unit) + (r.unit === "B/task" ? " B" : "") + mark).padStart(12)} ${`(${fmtValue(r.min, r.unit)}–${fmtValue(r.max, r.unit)})`.padEnd(20)}${fmtMb(r.peakRssBytes).padStart(9)}`,
    );
  }
  for (const n of notes) log(n);
  const peers = [...new Set(results.map((r) => r.system).filter((s) => s !== OURS))].sort();
  log(`\nasyncio-ts relative to each peer (peer median / asyncio-ts median, time or bytes; above 1× means asyncio-ts is faster or smaller)`);
  const cellWidth = (peer: string): number => Math.max(16, peer.length + 5);
  log(`${"workload".padEnd(12)}${peers.map((p) => `vs ${p}`.padStart(cellWidth(p))).join("")}`);
  for (const workload of [...new Set(results.map((r) => r.workload))]) {
    const ours = results.find((r) => r.workload === workload && r.system === OURS);
    const cells = peers.map((peer) => {
      const theirs = results.find((r) => r.workload === workload && r.system === peer);
      return (ours && theirs ? `${(theirs.median / ours.median).toFixed(ratioDigits(theirs.median / ours.median))}×` : "-").padStart(cellWidth(peer));
    });
    log(`${workload.padEnd(12)}${cells.join("")}`);
  }
}

const ratioDigits = (r: number): number => (r < 1 ? 2 : 1);

function printScaling(points: ScalingResult[], options: BenchOptions): void {
  const log = options.log;
  const sizes = [...new Set(points.map((p) => p.tasks))].sort((a, b) => a - b);
  const systems = [...new Set(points.map((p) => p.system))].sort((a, b) => (a === OURS ? -1 : b === OURS ? 1 : a.localeCompare(b)));
  const first = sizes[0]!;
  const last = sizes[sizes.length - 1]!;
  const logBound = Math.log(last) / Math.log(first);
  log(`\nscaling: nanoseconds per task, median of ${options.reps} (timers: overhead beyond the longest delay, per task)`);
  for (const workload of ["spawn", "timers"] as const) {
    const bound = workload === "spawn" ? "flat: ratio near 1×" : `no faster than log n: ratio ≤ ${logBound.toFixed(2)}×`;
    log(`${workload.padEnd(14)}${sizes.map((n) => n.toLocaleString("en-US").padStart(12)).join("")}${`${last / first}× size`.padStart(16)}   (${bound})`);
    const skips: string[] = [];
    for (const system of systems) {
      const row = sizes.map((n) => points.find((p) => p.workload === workload && p.system === system && p.tasks === n));
      if (row.every((p) => p === undefined)) continue;
      const cells = row.map((p) => (p?.nsPerTask == null ? "skipped" : p.nsPerTask.toFixed(0)).padStart(12));
      const a = row[0]?.nsPerTask;
      const b = row[row.length - 1]?.nsPerTask;
      const growth = a != null && b != null ? `${(b / a).toFixed(2)}×` : "-";
      log(`  ${system.padEnd(12)}${cells.join("")}${growth.padStart(16)}`);
      for (const p of row) if (p?.skipped) skips.push(`  ${workload}/${system} at ${p.tasks.toLocaleString("en-US")}: skipped, ${p.skipped}`);
    }
    for (const s of skips) log(s);
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  runBenchmarks(parseArgs(process.argv.slice(2))).catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
