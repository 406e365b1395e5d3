/**
 * runTest in the other runners, as a user's project runs it: the examples of
 * docs/testing.md for node:test and Jest, run against the built package (dist/, which
 * `asyncio-ts/testing` reaches through the package's own name), each with a deliberately
 * failing file whose report must show in that runner's own output.
 */
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync, readdirSync } from "node:fs";
import { join, resolve } from "node:path";
import { beforeAll, expect, test } from "vitest";

const root = resolve(import.meta.dirname, "..", "..");
const runners = join(root, "test", "testing", "runners");

beforeAll(() => {
  if (!existsSync(join(root, "dist", "testing.js")) || !existsSync(join(root, "dist", "testing.cjs"))) {
    spawnSync(process.execPath, [join(root, "node_modules", "tsup", "dist", "cli-default.js")], { cwd: root, stdio: "ignore" });
  }
});

function run(args: string[]): { status: number | null; output: string } {
  const result = spawnSync(process.execPath, args, { cwd: root, encoding: "utf8", timeout: 30_000, env: { ...process.env, NO_COLOR: "1", FORCE_COLOR: "0" } });
  return { status: result.status, output: `${result.stdout}\n${result.stderr}` };
}

const REPORT = [
  "runTest failed with 1 problem (at 0.0 s of virtual time):",
  "",
  "- 1 lock still held when main finished (release it, or use asyncWith):",
  "    Lock#1 held by main, which has finished (<Lock [locked]>)",
];

test("node:test runs the example with node --test", () => {
  const { status, output } = run(["--test", join(runners, "node-test.example.mjs")]);
  expect(output).toMatch(/# pass 2\n# fail 0/);
  expect(status).toBe(0);
});

test("node:test shows runTest's report when a test leaks", () => {
  const { status, output } = run(["--test", join(runners, "node-test.failing.mjs")]);
  expect(status).toBe(1);
  expect(output).toMatch(/# pass 0\n# fail 1/);
  for (const line of REPORT) expect(output).toContain(line);
});

test("Jest runs the example, and shows runTest's report when a test leaks", () => {
  const jest = join(root, "node_modules", "jest", "bin", "jest.js");
  const { status, output } = run([jest, "--rootDir", runners, "--testMatch", "**/*.jest.cjs", "--ci", "--no-cache"]);
  expect(output).toMatch(/PASS .*runtest\.jest\.cjs/);
  expect(output).toMatch(/FAIL .*failing\.jest\.cjs/);
  expect(output).toMatch(/Tests: +1 failed, 2 passed, 3 total/);
  expect(output).toContain("TestFailure: runTest failed with 1 problem");
  for (const line of REPORT.slice(2)) expect(output).toContain(line);
  expect(status).toBe(1);
});

test("asyncio-ts/testing is host-free and reaches the core only through the package itself", () => {
  const dir = join(root, "src", "testing");
  for (const file of readdirSync(dir)) {
    const specifiers = [...readFileSync(join(dir, file), "utf8").matchAll(/^(?:import|export)[^;]*?from "([^"]+)"/gms)].map((m) => m[1]);
    for (const specifier of specifiers) expect(specifier, `${file} imports ${specifier}`).toMatch(/^(\.\.\/index\.browser|\.\/[\w-]+)$/);
  }
  for (const built of ["testing.js", "testing.cjs"]) {
    const code = readFileSync(join(root, "dist", built), "utf8");
    const imported = [...code.matchAll(/(?:from |require\()"([^"]+)"/g)].map((m) => m[1]);
    expect(new Set(imported), built).toEqual(new Set(["asyncio-ts"]));
  }
});
