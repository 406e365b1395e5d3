/**
 * Every runtime: the seed demo and the core's differential scenarios run on Node 22, Bun
 * and Deno, each from its npm package (dev dependencies: `npm ci` brings them). The rest
 * of the suite runs on the Node that runs it (Node 20 in CI); the browser tests run in
 * Chromium.
 *
 * - The demo (examples/demo.ts --virtual) prints on each runtime what it prints on that
 *   Node, its SLEEP stamps read as offsets from the first.
 * - A core scenario is a test/diff pair whose port needs only the host-free core: it
 *   imports no `node:` module (itself or through a helper), uses only what the browser
 *   entry exports, and calls no method that only the Node entry adds to a core class.
 *   Each runs on each runtime against python3, as test/diff.test.ts runs them on Node.
 *
 * esbuild bundles every program once, so every runtime runs the same JavaScript and a
 * difference is the runtime's; a scenario is bundled against src/index.browser.ts.
 *
 * As in test/diff.test.ts, most scenarios run on virtual time, both halves
 * (test/virtual-time.ts), and get one try; the rest run on real time.
 */
import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { build } from "esbuild";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { needsNode, nodeOnly } from "./runtimes/core-scenarios";
import { PythonOracle } from "./runtimes/python";
import { type Outcome, concurrencyLimit, outcomeOf } from "./processes";
import { realTimeReason, virtualTimeBuild } from "./virtual-time";

const root = resolve(import.meta.dirname, "..");
const diffDir = join(root, "test", "diff");
const modules = join(root, "node_modules");

interface Runtime {
  name: string;
  binary: string;
  args: string[];
}

/** The runtimes under test, from their npm packages (linux-x64 builds). */
const runtimes: Runtime[] = [
  { name: "node22", binary: join(modules, "node", "bin", "node"), args: [] },
  { name: "bun", binary: join(modules, "@oven", "bun-linux-x64", "bin", "bun"), args: [] },
  // The bundle needs no configuration: keep Deno from reading the project's, and from
  // caching code for bundles that live only as long as this run.
  { name: "deno", binary: join(modules, "@deno", "linux-x64-glibc", "deno"), args: ["run", "-A", "--no-config", "--no-lock", "--no-code-cache"] },
];

/**
 * Scenarios a runtime cannot run as Python does because of the runtime itself (never a
 * difference in asyncio-ts): runtime name → scenario → why.
 */
const runtimeLimitations: Record<string, Record<string, string>> = {};

/**
 * The Node the rest of the suite runs on (the system's, Node 20 in CI), the reference for
 * the demo. Under `npx vitest` the npm package's Node 22 comes first on PATH and runs
 * vitest, so the Node that runs npm is taken instead.
 */
const hostNode = [process.execPath, process.env.npm_node_execpath].find((p) => p !== undefined && !p.startsWith(modules)) ?? process.execPath;

const outDir = mkdtempSync(join(tmpdir(), "asyncio-ts-runtimes-"));
afterAll(() => rmSync(outDir, { recursive: true, force: true }));

// ---- which scenarios are the core's ----

const allScenarios = readdirSync(diffDir)
  .filter((f) => f.endsWith(".py") && !f.startsWith("_"))
  .map((f) => f.slice(0, -3))
  .sort();

const only = await nodeOnly();
const excluded = new Map(
  allScenarios.map((name) => [name, needsNode(join(diffDir, `${name}.ts`), only)] as const).filter(([, why]) => why !== null),
);
const scenarios = allScenarios.filter((name) => !excluded.has(name));
/** The core scenarios on real time, each with why; the rest run on virtual time. */
const realTime = new Map(scenarios.map((name) => [name, realTimeReason(name)] as const).filter(([, why]) => why !== null));
const onVirtualTime = (name: string) => !realTime.has(name);

// Each core scenario bundled against the browser entry: the same JavaScript for every runtime.
const coreOptions = {
  outExtension: { ".js": ".mjs" },
  bundle: true,
  platform: "neutral",
  format: "esm",
  target: "es2022",
  alias: { "asyncio-ts": join(root, "src", "index.browser.ts") },
  logLevel: "silent",
} as const;
const coreBuilds = await Promise.all([
  build({ ...coreOptions, entryPoints: [...realTime.keys()].map((name) => join(diffDir, `${name}.ts`)), outdir: join(outDir, "real") }),
  build({
    ...coreOptions,
    ...virtualTimeBuild,
    entryPoints: scenarios.filter(onVirtualTime).map((name) => join(diffDir, `${name}.ts`)),
    outdir: join(outDir, "virtual"),
  }),
]);

// ---- running programs ----

// Two cores: the runs mostly wait on real timers, so a few more than two run at once.
const limited = concurrencyLimit(4);

const env = {
  ...process.env,
  NO_COLOR: "1",
  DENO_NO_UPDATE_CHECK: "1",
  // Bun would keep a transpiled copy of every bundle, which changes with every edit to src/.
  BUN_RUNTIME_TRANSPILER_CACHE_PATH: "0",
  PYTHONHASHSEED: "0",
  PYTHONDONTWRITEBYTECODE: "1",
};

const runProgram = (binary: string, args: string[]): Promise<Outcome> =>
  limited(() => outcomeOf(binary, args, { cwd: diffDir, timeout: 30_000, maxBuffer: 64 << 20, env }));

// Off linux-x64 the npm packages hold other builds: there the runtimes are skipped, but
// never in CI, where a missing one fails.
const installed = (r: Runtime) => existsSync(r.binary);
const underTest = runtimes.filter((r) => installed(r) || process.env.CI !== undefined);
for (const r of runtimes.filter((r) => !underTest.includes(r))) console.log(`skipping ${r.name}: ${r.binary} is not installed here`);

// ---- the differential scenarios, all run up front so the pool stays full ----

interface Verdict {
  python: Outcome;
  port: Outcome;
  matched: boolean;
  tries: number;
}

const ATTEMPTS = 3;
const verdicts = new Map<string, Verdict>();
const key = (runtime: Runtime, name: string) => `${runtime.name} ${name}`;
const expectsFailure = (name: string) => readFileSync(join(diffDir, `${name}.py`), "utf8").includes("# expect: exits with an error");
const bundleOf = (name: string) => join(outDir, onVirtualTime(name) ? "virtual" : "real", `${name}.mjs`);
const matches = (name: string, python: Outcome, port: Outcome) =>
  python.ok === !expectsFailure(name) && port.stdout === python.stdout && port.ok === python.ok;

beforeAll(async () => {
  const started = performance.now();
  const oracle = new PythonOracle();
  const oracleRun = (name: string) => limited(() => oracle.run(join(diffDir, `${name}.py`), onVirtualTime(name) ? "virtual" : "real"));
  const running = underTest.filter(installed);
  try {
    // First try: one Python run per scenario, compared with every runtime's.
    await Promise.all(
      scenarios.map(async (name) => {
        const python = oracleRun(name);
        const on = running.filter((r) => runtimeLimitations[r.name]?.[name] === undefined);
        await Promise.all(
          on.map(async (runtime) => {
            const port = await runProgram(runtime.binary, [...runtime.args, bundleOf(name)]);
            verdicts.set(key(runtime, name), { python: await python, port, matched: matches(name, await python, port), tries: 1 });
          }),
        );
      }),
    );
    // A mismatch on real time is tried again, one scenario at a time, against
    // `python3 NAME.py` itself: on a loaded machine a stalled process can let a 10 ms
    // timer overtake another, which running both again undoes. And a forked Python lays
    // out its objects differently: the order of a set of tasks (which asyncio.run or a
    // TaskGroup cancels in) follows their addresses, and can differ from python3's. On
    // virtual time a mismatch is a difference: no second try.
    for (let attempt = 2; attempt <= ATTEMPTS; attempt++) {
      for (const name of scenarios.filter((name) => !onVirtualTime(name))) {
        const again = running.filter((r) => verdicts.get(key(r, name))?.matched === false);
        if (again.length === 0) continue;
        const [python, ...ports] = await Promise.all([
          runProgram("python3", [join(diffDir, `${name}.py`)]),
          ...again.map((r) => runProgram(r.binary, [...r.args, bundleOf(name)])),
        ]);
        again.forEach((r, i) => verdicts.set(key(r, name), { python, port: ports[i]!, matched: matches(name, python, ports[i]!), tries: attempt }));
      }
    }
  } finally {
    await oracle.close();
  }
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  const retried = [...verdicts]
    .filter(([, v]) => v.tries > 1)
    .map(([k, v]) => `${k} (${v.matched ? `matched on try ${v.tries}` : "never matched"})`);
  console.log(
    `${scenarios.length} core scenarios (${scenarios.length - realTime.size} on virtual time) on ${running.map((r) => r.name).join(", ")} in ${seconds} s; ` +
      (retried.length === 0 ? "none tried again" : `tried again: ${retried.join(", ")}`),
  );
}, 600_000);

describe("the core's differential scenarios", () => {
  test("are the pairs whose port needs only the browser entry", () => {
    // Most are; streams, subprocesses, DNS, signals and executors are the Node entry's.
    expect(scenarios.length).toBeGreaterThan(250);
    expect(only.exports).toContain("startServer");
    expect(only.members).toContain("createConnection");
    const needNode = {
      stream_echo: /^uses .*\bstartServer\b.*, which only the Node entry exports$/,
      subprocess_exit_codes: /^uses .*\bcreateSubprocessExec\b.*, which only the Node entry exports$/,
      dns_cancel: /^uses socket, which only the Node entry exports$/,
      signal_self_kill: /^calls addSignalHandler, removeSignalHandler, which only the Node entry adds$/,
      signal_sigint_cancels_main: /^signals its own process/,
      executor_to_thread: /^imports node:worker_threads$/,
    };
    for (const [name, why] of Object.entries(needNode)) expect(excluded.get(name), name).toMatch(why);
    // What the reading missed, esbuild would see: a name the browser entry does not export.
    expect(coreBuilds.flatMap((b) => b.warnings).map((w) => `${w.location?.file}: ${w.text}`)).toEqual([]);
  });
});

for (const runtime of underTest) {
  describe(`on ${runtime.name}`, () => {
    test(`${runtime.name} is installed from npm`, () => {
      expect(installed(runtime), `${runtime.binary} is missing: npm ci installs it (a dev dependency)`).toBe(true);
      if (runtime.name === "node22") expect(execFileSync(runtime.binary, ["--version"]).toString()).toMatch(/^v22\./);
    });

    const limitations = runtimeLimitations[runtime.name] ?? {};
    for (const [name, why] of Object.entries(limitations)) test.skip(`${name}: ${why}`, () => {});

    test.skipIf(!installed(runtime)).each(scenarios.filter((name) => limitations[name] === undefined))("%s", async (name) => {
      const { python, port, matched } = verdicts.get(key(runtime, name))!;
      if (matched) return;
      // Tell a runtime's difference from the browser entry's: the same bundle on the host Node.
      const onHost = await runProgram(hostNode, [bundleOf(name)]);
      const hostSays =
        onHost.stdout === python.stdout && onHost.ok === python.ok ? "matches python" : `differs too:\n${onHost.stdout}${onHost.stderr}`;
      const clock = onVirtualTime(name) ? "on virtual time, both halves" : `on real time: ${realTime.get(name)}`;
      const context =
        `\n(${clock})\n--- python stderr ---\n${python.stderr}\n--- ${runtime.name} stderr ---\n${port.stderr}` +
        `\n--- the same bundle on Node ${hostNodeVersion()} ${hostSays}`;
      expect(python.ok, `python3 ${name}.py ${python.ok ? "succeeded" : "failed"} unexpectedly${context}`).toBe(!expectsFailure(name));
      expect(port.stdout.split("\n"), context).toEqual(python.stdout.split("\n"));
      expect(port.ok, context).toBe(python.ok);
    });
  });
}

function hostNodeVersion(): string {
  return execFileSync(hostNode, ["--version"]).toString().trim();
}

// ---- the seed demo ----

describe("the seed demo", () => {
  let demo: string;
  let reference: Promise<Outcome>;

  beforeAll(async () => {
    await build({
      entryPoints: [join(root, "examples", "demo.ts")],
      outfile: join(outDir, "demo.mjs"),
      bundle: true,
      platform: "node",
      format: "esm",
      target: "node20",
      alias: { "asyncio-ts": join(root, "src", "index.ts") },
      logLevel: "error",
    });
    demo = join(outDir, "demo.mjs");
    reference = runProgram(hostNode, [demo, "--virtual"]);
  });

  /** The demo's output with each SLEEP stamp as milliseconds after the first. */
  function normalized(stdout: string): string {
    let first: number | null = null;
    return stdout.replace(/^SLEEP (\d{4}-\d\d-\d\d \d\d:\d\d:\d\d)\.(\d{6})$/gm, (_, seconds: string, micros: string) => {
      const t = Date.parse(seconds.replace(" ", "T")) * 1000 + Number(micros);
      first ??= t;
      return `SLEEP +${Math.round((t - first) / 1000)} ms`;
    });
  }

  test(`prints the seed's lines on the host Node`, async () => {
    const { stdout, ok, stderr } = await reference;
    expect(ok, stderr).toBe(true);
    expect(normalized(stdout)).toContain("SLEEP +7000 ms");
    expect(stdout).toMatch(/took 3\.00 s instead of 5\.00 s/);
  });

  test.each(underTest.filter(installed))("prints the same on $name", async (runtime) => {
    const [expected, actual] = await Promise.all([reference, runProgram(runtime.binary, [...runtime.args, demo, "--virtual"])]);
    expect(actual.ok, actual.stderr).toBe(true);
    expect(normalized(actual.stdout).split("\n")).toEqual(normalized(expected.stdout).split("\n"));
  });
});
