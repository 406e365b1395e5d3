/**
 * The benchmark runner: `npm run bench [-- --quick] [--reps N] [--only a,b] [--scale x]`.
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
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
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

export interface Sample {
  ms: number;
  maxRssBytes: number;
}

export interface BenchResult {
  workload: string;
  system: string;
  samples: Sample[];
  medianMs: number;
  minMs: number;
  maxMs: number;
  peakRssBytes: number;
}

const OURS = "asyncio-ts";

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
    } else if (arg === "--no-save") {
      options.save = false;
    } else {
      throw new Error(`unknown option ${arg}; use --quick, --reps N, --scale X, --only a,b, --no-save`);
    }
  }
  if (!(options.reps >= 1) || !(options.scale > 0)) throw new Error("--reps must be >= 1 and --scale > 0");
  return options;
}

async function preparePrograms(only: string[] | null, outDir: string): Promise<Program[]> {
  const workloadsDir = join(benchDir, "workloads");
  const workloads = readdirSync(workloadsDir)
    .filter((w) => only === null || only.includes(w))
    .sort();
  if (only !== null) {
    const unknown = only.filter((w) => !workloads.includes(w));
    if (unknown.length > 0) throw new Error(`unknown workload(s): ${unknown.join(", ")}; known: ${readdirSync(workloadsDir).join(", ")}`);
  }
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
        programs.push({ workload, system, command: process.execPath, args: ["--expose-gc", join(outDir, `${workload}--${system}.mjs`)] });
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
      try {
        resolvePromise(JSON.parse(line) as Sample);
      } catch {
        reject(new Error(`${program.workload}/${program.system} printed no result line: ${stdout}`));
      }
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

/** Runs the suite and returns one result per workload and system. */
export async function runBenchmarks(options: BenchOptions): Promise<BenchResult[]> {
  const outDir = mkdtempSync(join(tmpdir(), "asyncio-ts-bench-"));
  try {
    const programs = await preparePrograms(options.only, outDir);
    const samples = new Map<Program, Sample[]>(programs.map((p) => [p, []]));
    for (let rep = 1; rep <= options.reps; rep++) {
      options.log(`repetition ${rep}/${options.reps}…`);
      for (const program of programs) samples.get(program)!.push(await runOnce(program, options.scale));
    }
    const results = programs.map((p): BenchResult => {
      const s = samples.get(p)!;
      const ms = s.map((x) => x.ms);
      return {
        workload: p.workload,
        system: p.system,
        samples: s,
        medianMs: median(ms),
        minMs: Math.min(...ms),
        maxMs: Math.max(...ms),
        peakRssBytes: Math.max(...s.map((x) => x.maxRssBytes)),
      };
    });
    printResults(results, options);
    if (options.save) {
      const dir = join(benchDir, "results");
      mkdirSync(dir, { recursive: true });
      const file = join(dir, `${new Date().toISOString().replace(/[:.]/g, "-")}.json`);
      writeFileSync(file, `${JSON.stringify({ node: process.version, reps: options.reps, scale: options.scale, results }, null, 2)}\n`);
      options.log(`\nraw results: ${file}`);
    }
    return results;
  } finally {
    rmSync(outDir, { recursive: true, force: true });
  }
}

function printResults(results: BenchResult[], options: BenchOptions): void {
  const log = options.log;
  log(`\nmedian of ${options.reps} run${options.reps === 1 ? "" : "s"} (min–max), scale ${options.scale}`);
  log(`${"workload".padEnd(12)}${"system".padEnd(14)}${"median ms".padStart(11)}  ${"(min–max)".padEnd(18)}${"peak RSS".padStart(9)}`);
  for (const r of results) {
    log(
      `${r.workload.padEnd(12)}${r.system.padEnd(14)}${fmtMs(r.medianMs).padStart(11)}  ${`(${fmtMs(r.minMs)}–${fmtMs(r.maxMs)})`.padEnd(18)}${fmtMb(r.peakRssBytes).padStart(9)}`,
    );
  }
  const peers = [...new Set(results.map((r) => r.system).filter((s) => s !== OURS))].sort();
  log(`\nasyncio-ts speed relative to each peer (peer median / asyncio-ts median; above 1× means asyncio-ts is faster)`);
  log(`${"workload".padEnd(12)}${peers.map((p) => `vs ${p}`.padStart(16)).join("")}`);
  for (const workload of [...new Set(results.map((r) => r.workload))]) {
    const ours = results.find((r) => r.workload === workload && r.system === OURS);
    const cells = peers.map((peer) => {
      const theirs = results.find((r) => r.workload === workload && r.system === peer);
      return (ours && theirs ? `${(theirs.medianMs / ours.medianMs).toFixed(1)}×` : "-").padStart(16);
    });
    log(`${workload.padEnd(12)}${cells.join("")}`);
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  runBenchmarks(parseArgs(process.argv.slice(2))).catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
