/**
 * The package as users get it: the built ESM and CommonJS entries load and run, and a
 * browser bundle made through the package's `exports` contains no `node:` import.
 */
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { build } from "esbuild";
import { afterAll, beforeAll, expect, test } from "vitest";

const root = resolve(import.meta.dirname, "..");
let consumer: string;

beforeAll(() => {
  if (!existsSync(join(root, "dist", "index.js"))) {
    execFileSync(process.execPath, [join(root, "node_modules", "tsup", "dist", "cli-default.js")], { cwd: root, stdio: "ignore" });
  }
  // A project that depends on asyncio-ts, resolving it through node_modules as users do.
  consumer = mkdtempSync(join(tmpdir(), "asyncio-ts-consumer-"));
  mkdirSync(join(consumer, "node_modules"));
  symlinkSync(root, join(consumer, "node_modules", "asyncio-ts"), "dir");
});

afterAll(() => rmSync(consumer, { recursive: true, force: true }));

const program = `
function* main() {
  const t = asyncio.createTask((function* () { yield* asyncio.sleep(0.01); return 21; })());
  return (yield* t) * 2;
}
console.log(asyncio.runSync(main()), typeof asyncio.VirtualClock);
`;

test("the ESM build loads through the package name and runs a coroutine", () => {
  writeFileSync(join(consumer, "esm.mjs"), `import * as asyncio from "asyncio-ts";\n${program}`);
  expect(execFileSync(process.execPath, [join(consumer, "esm.mjs")], { cwd: consumer }).toString()).toBe("42 function\n");
});

test("the CommonJS build loads through require and runs a coroutine", () => {
  writeFileSync(join(consumer, "cjs.cjs"), `const asyncio = require("asyncio-ts");\n${program}`);
  expect(execFileSync(process.execPath, [join(consumer, "cjs.cjs")], { cwd: consumer }).toString()).toBe("42 function\n");
});

test("a browser bundle of the package has no node: import", async () => {
  writeFileSync(join(consumer, "browser.js"), `import * as asyncio from "asyncio-ts";\nglobalThis.asyncio = asyncio;\n`);
  const result = await build({
    entryPoints: [join(consumer, "browser.js")],
    bundle: true,
    platform: "browser",
    format: "esm",
    write: false,
    absWorkingDir: consumer,
    logLevel: "silent",
  });
  const code = result.outputFiles[0]!.text;
  expect(code).toContain("VirtualClock");
  expect(code).not.toMatch(/["']node:/);
  expect(code).not.toMatch(/require\(["'](fs|path|os|child_process|net|worker_threads)["']\)/);
});

test("a tree-shaken bundle that imports only a few names still runs tasks", async () => {
  writeFileSync(
    join(consumer, "shaken.mjs"),
    `import { newEventLoop, sleep } from "asyncio-ts";\nconst loop = newEventLoop();\nconsole.log(loop.runUntilCompleteSync(sleep(0, "ran")));\n`,
  );
  const result = await build({
    entryPoints: [join(consumer, "shaken.mjs")],
    bundle: true,
    platform: "node",
    format: "esm",
    outfile: join(consumer, "shaken.bundle.mjs"),
    absWorkingDir: consumer,
    logLevel: "silent",
  });
  expect(result.errors).toEqual([]);
  expect(execFileSync(process.execPath, [join(consumer, "shaken.bundle.mjs")]).toString()).toBe("ran\n");
});
