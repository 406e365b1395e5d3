#!/usr/bin/env node
/**
 * Builds the site into site/dist: the docs pages (VitePress), the API reference (TypeDoc,
 * at api/) and the playground (esbuild, at playground/). Static files only: any static
 * host serves the folder.
 *
 *   node site/build.mjs              everything (npm run site)
 *   node site/build.mjs playground   only the playground, into an existing dist
 *   node site/build.mjs --dev        VitePress with live reload (npm run site:dev); the
 *                                    playground and API are built first into site/public
 *
 * SITE_BASE=/asyncio-ts/ builds for a site served under that path.
 */
import { cpSync, existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { spawn, spawnSync } from "node:child_process";
import { build, context } from "esbuild";

const site = dirname(fileURLToPath(import.meta.url));
const root = resolve(site, "..");
const dist = join(site, "dist");
const args = process.argv.slice(2);
const dev = args.includes("--dev");
const only = args.find((a) => !a.startsWith("--"));

/** The playground's examples, in menu order. */
const EXAMPLE_ORDER = ["seed-blocking", "seed-async", "three-servers", "producer-consumer", "taskgroup", "timeout", "deadlock", "spin"];

function bin(name) {
  return join(root, "node_modules", ".bin", name);
}

function run(command, argv) {
  const result = spawnSync(command, argv, { cwd: root, stdio: "inherit", env: process.env });
  if (result.status !== 0) throw new Error(`${command} ${argv.join(" ")} failed (exit ${result.status})`);
}

function timed(what, fn) {
  const start = performance.now();
  const result = fn();
  const done = () => console.log(`site: ${what} in ${((performance.now() - start) / 1000).toFixed(1)} s`);
  if (result instanceof Promise) return result.then((value) => (done(), value));
  done();
  return result;
}

/** Files the pages show that live elsewhere in the repository (copied, never edited here). */
function copyAssets(into) {
  mkdirSync(join(into, "timeline"), { recursive: true });
  for (const name of readdirSync(join(root, "docs", "timeline"))) {
    if (name.endsWith(".png")) cpSync(join(root, "docs", "timeline", name), join(into, "timeline", name));
  }
  const shot = join(root, "docs", "playground.png");
  if (existsSync(shot)) cpSync(shot, join(into, "playground.png"));
}

async function buildPlayground(out, watch = false) {
  const examplesDir = join(site, "playground", "examples");
  const examples = Object.fromEntries(EXAMPLE_ORDER.map((name) => [name, readFileSync(join(examplesDir, `${name}.ts`), "utf8")]));
  mkdirSync(out, { recursive: true });
  const common = {
    bundle: true,
    format: "esm",
    platform: "browser",
    target: "es2022",
    minify: true,
    // The library names things by their class (`Lock#1`, `<Task pending …>`): keep the names.
    keepNames: true,
    sourcemap: false,
    legalComments: "none",
    logLevel: "warning",
    // asyncio-ts/testing has an alias of its own: an alias also matches the subpaths of its name.
    alias: { "asyncio-ts/testing": join(root, "src", "testing", "index.ts"), "asyncio-ts": join(root, "src", "index.browser.ts") },
  };
  const builds = [
    { ...common, entryPoints: { playground: join(site, "playground", "app.ts") }, outdir: out, define: { __PLAYGROUND_EXAMPLES__: JSON.stringify(examples) } },
    { ...common, entryPoints: { worker: join(site, "playground", "worker.ts") }, outdir: out },
    { ...common, entryPoints: { typecheck: join(site, "playground", "typecheck.ts") }, outdir: out },
  ];
  for (const file of ["index.html", "playground.css"]) cpSync(join(site, "playground", file), join(out, file));
  await buildTypes(out);
  if (!watch) {
    await Promise.all(builds.map((options) => build(options)));
    return;
  }
  // site:dev: rebuild the scripts when their sources change (reload the page to see it).
  for (const options of builds) await (await context({ ...options, minify: false })).watch();
}

/**
 * types.json for the playground's type checker: the declarations of asyncio-ts's browser
 * entry and of asyncio-ts/testing (emitted from src/ by the TypeScript compiler,
 * `@internal` stripped) and the ES2022 and DOM libraries, by the path the checker gives
 * them.
 */
async function buildTypes(out) {
  const ts = (await import("typescript")).default;
  const files = {};
  const src = join(root, "src");
  // The options the checker checks with (playground/compiler-options.json), to emit with.
  const json = JSON.parse(readFileSync(join(site, "playground", "compiler-options.json"), "utf8"));
  const { options, errors } = ts.convertCompilerOptionsFromJson(json, site);
  if (errors.length > 0) throw new Error(`playground/compiler-options.json: ${errors.map((e) => ts.flattenDiagnosticMessageText(e.messageText, " ")).join("; ")}`);
  const program = ts.createProgram([join(src, "index.browser.ts"), join(src, "testing", "index.ts")], {
    ...options,
    declaration: true,
    emitDeclarationOnly: true,
    stripInternal: true,
    rootDir: src,
    outDir: "/asyncio-ts",
  });
  program.emit(undefined, (fileName, text) => {
    files[fileName] = text;
  });
  const libDir = dirname(fileURLToPath(import.meta.resolve("typescript/lib/lib.d.ts")));
  for (const name of readdirSync(libDir)) {
    if (/^lib\.(es5|es20(1[5-9]|2[0-2])(\.[a-z.]+)?|decorators(\.legacy)?|dom(\.iterable)?)\.d\.ts$/.test(name)) {
      files[`/lib/${name}`] = readFileSync(join(libDir, name), "utf8");
    }
  }
  for (const entry of ["index.browser", "testing/index"]) {
    if (!files[`/asyncio-ts/${entry}.d.ts`]) throw new Error(`the declarations of src/${entry}.ts were not emitted`);
  }
  writeFileSync(join(out, "types.json"), JSON.stringify(files));
}

function buildApi(out) {
  return new Promise((resolvePromise, reject) => {
    const argv = ["--options", join(site, "typedoc.json"), "--out", out];
    const child = spawn(bin("typedoc"), argv, { cwd: root, stdio: "inherit", env: process.env });
    child.on("error", reject);
    child.on("exit", (code) => (code === 0 ? resolvePromise() : reject(new Error(`typedoc ${argv.join(" ")} failed (exit ${code})`))));
  });
}

if (only === "playground") {
  await timed("playground", () => buildPlayground(join(dist, "playground")));
} else if (dev) {
  const pub = join(site, "public");
  copyAssets(pub);
  await timed("playground", () => buildPlayground(join(pub, "playground"), true));
  await timed("API reference", () => buildApi(join(pub, "api")));
  // VitePress serves the pages with live reload, and public/ (the API, the playground) as files.
  const child = spawn(bin("vitepress"), ["dev", "site"], { cwd: root, stdio: "inherit", env: process.env });
  child.on("exit", (code) => process.exit(code ?? 0));
} else {
  rmSync(dist, { recursive: true, force: true });
  const pub = join(site, "public");
  rmSync(pub, { recursive: true, force: true });
  copyAssets(pub);
  timed("docs pages (VitePress)", () => run(bin("vitepress"), ["build", "site"]));
  await Promise.all([
    timed("playground", () => buildPlayground(join(dist, "playground"))),
    timed("API reference (TypeDoc)", () => buildApi(join(dist, "api"))),
  ]);
  writeFileSync(join(dist, ".nojekyll"), "");
  console.log(`site: built into ${dist}`);
}
