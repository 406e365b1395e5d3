/**
 * Differential tests: every test/diff/NAME.py (a Python asyncio program) has a port
 * test/diff/NAME.ts; python3 is the oracle and both must print the same lines and
 * agree on success or failure.
 *
 * Most run on virtual time, both halves (test/virtual-time.ts): they print the same
 * however loaded the machine is, and get one try. The rest, real time.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { build } from "esbuild";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { type Outcome, concurrencyLimit, outcomeOf } from "./processes";
import { realTimeReason, virtualTimeBuild, virtualTimePython } from "./virtual-time";

const root = resolve(import.meta.dirname, "..");
const diffDir = join(root, "test", "diff");
const scenarios = readdirSync(diffDir)
  .filter((f) => f.endsWith(".py") && !f.startsWith("_"))
  .map((f) => f.slice(0, -3))
  .sort();

/** The scenarios on real time, each with why (see test/virtual-time.ts); the rest run on virtual time. */
const realTime = new Map(scenarios.map((name) => [name, realTimeReason(name)] as const).filter(([, why]) => why !== null));
const virtual = scenarios.filter((name) => !realTime.has(name));

const outDir = mkdtempSync(join(tmpdir(), "asyncio-ts-diff-"));
const bundleOf = (name: string) => join(outDir, realTime.has(name) ? "real" : "virtual", `${name}.js`);


const ATTEMPTS = 3;

// Two cores: running more processes at once only adds noise to real-time scenarios.
const limited = concurrencyLimit(2);

const env = { ...process.env, PYTHONHASHSEED: "0", PYTHONDONTWRITEBYTECODE: "1" };
const runProcess = (command: string, args: string[]): Promise<Outcome> =>
  limited(() => outcomeOf(command, args, { cwd: diffDir, timeout: 30_000, env }));

beforeAll(async () => {
  const options = {
    bundle: true,
    platform: "node",
    format: "esm",
    target: "node20",
    alias: { "asyncio-ts": join(root, "src", "index.ts") },
    logLevel: "error",
  } as const;
  await Promise.all([
    build({ ...options, entryPoints: [...realTime.keys()].map((name) => join(diffDir, `${name}.ts`)), outdir: join(outDir, "real") }),
    build({ ...options, ...virtualTimeBuild, entryPoints: virtual.map((name) => join(diffDir, `${name}.ts`)), outdir: join(outDir, "virtual") }),
  ]);
});

const started = performance.now();
const retried: string[] = [];
afterAll(() => {
  rmSync(outDir, { recursive: true, force: true });
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  console.log(
    `${scenarios.length} differential scenarios (${virtual.length} on virtual time, ${realTime.size} on real time) in ${seconds} s; ` +
      (retried.length === 0 ? "none tried again" : `tried again: ${retried.join(", ")}`),
  );
});

describe("differential scenarios against python3", () => {
  test("there are scenarios, each with a port", () => {
    expect(scenarios.length).toBeGreaterThan(0);
    const ports = new Set(readdirSync(diffDir).filter((f) => f.endsWith(".ts")).map((f) => f.slice(0, -3)));
    expect(scenarios.filter((s) => !ports.has(s))).toEqual([]);
  });

  test("the scenarios on real time are those with real I/O, host promises or host clocks", () => {
    // Most run on virtual time; these are the kinds that cannot.
    expect(virtual.length).toBeGreaterThan(250);
    expect(realTime.get("stream_echo")).toMatch(/^sockets/);
    expect(realTime.get("subprocess_echo")).toMatch(/^subprocesses/);
    expect(realTime.get("executor_to_thread")).toMatch(/^threads/);
    expect(realTime.get("signal_self_kill")).toMatch(/^signals/);
    expect(realTime.get("abort_taskgroup")).toMatch(/wrapPromise/);
    expect(realTime.get("core_seed_async")).toMatch(/host's clock/);
    expect(realTime.has("core_sleep_semantics")).toBe(false);
  });

  test.concurrent.each(scenarios)("%s", async (name) => {
    // On virtual time a scenario prints the same on any machine: one try. On real time,
    // a loaded machine can stall a process and let a 10 ms timer overtake another in one
    // of the pair. Such a mismatch goes away when both run again; a real difference does
    // not, so a real-time scenario gets three tries, and a pass on a later try is reported.
    const expectsFailure = readFileSync(join(diffDir, `${name}.py`), "utf8").includes("# expect: exits with an error");
    const onRealTime = realTime.has(name);
    const attempts = onRealTime ? ATTEMPTS : 1;
    const python = onRealTime ? [join(diffDir, `${name}.py`)] : [virtualTimePython, join(diffDir, `${name}.py`)];
    for (let attempt = 1; ; attempt++) {
      const [py, ts] = await Promise.all([runProcess("python3", python), runProcess(process.execPath, [bundleOf(name)])]);
      const matched = py.ok === !expectsFailure && ts.stdout === py.stdout && ts.ok === py.ok;
      if (!matched && attempt < attempts) continue;
      if (attempt > 1) retried.push(`${name} (${matched ? `matched on try ${attempt}` : "never matched"})`);
      if (matched && attempt > 1) console.warn(`differential scenario ${name} matched on try ${attempt} of ${attempts} (timing on a loaded machine)`);
      const clock = onRealTime ? `on real time: ${realTime.get(name)}` : "on virtual time, both halves";
      const context = `\n(${clock})\n--- python stderr ---\n${py.stderr}\n--- asyncio-ts stderr ---\n${ts.stderr}`;
      // A scenario whose Python half crashes by accident would pass if the port crashed
      // the same way; only scenarios that say so may end in an error.
      expect(py.ok, `python3 ${name}.py ${py.ok ? "succeeded" : "failed"} unexpectedly${context}`).toBe(!expectsFailure);
      expect(ts.stdout.split("\n"), context).toEqual(py.stdout.split("\n"));
      expect(ts.ok, context).toBe(py.ok);
      return;
    }
  });
});
