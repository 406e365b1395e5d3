/**
 * The site's own pages are real code: every ```ts block in site/**\/*.md runs here and,
 * where a `<!-- output -->` ```text block follows it, prints exactly that. Pages that
 * include a file of docs/ (`<!--@include: …-->`) are that file: docs/porting.md and
 * docs/testing.md are run by their own tests; docs/executors.md, which has none, is run
 * here (its first block with a smaller buffer, so it takes milliseconds; the other two are
 * fragments of a program, only compiled).
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { formatWithOptions } from "node:util";
import * as asyncio from "asyncio-ts";
import { transform } from "esbuild";
import { afterAll, expect, test } from "vitest";

const root = resolve(import.meta.dirname, "..");
const siteDir = join(root, "site");

interface Block {
  page: string;
  line: number;
  code: string;
  output: string | null;
}

function pages(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    if (["dist", "public", "node_modules", "cache", "playground"].includes(entry.name)) return [];
    const path = join(dir, entry.name);
    // README.md is the folder's note, not a page (the VitePress config leaves it out too).
    return entry.isDirectory() ? pages(path) : entry.name.endsWith(".md") && entry.name !== "README.md" ? [path] : [];
  });
}

/** The ts blocks of a page, each with the text block marked `<!-- output -->` after it, if any. */
function blocks(file: string): Block[] {
  const lines = readFileSync(file, "utf8").split("\n");
  const found: Block[] = [];
  for (let i = 0; i < lines.length; i++) {
    const fence = /^```(\w+)\s*$/.exec(lines[i]!);
    if (!fence) continue;
    let end = i + 1;
    while (end < lines.length && !/^```\s*$/.test(lines[end]!)) end++;
    const code = lines.slice(i + 1, end).join("\n");
    if (fence[1] === "ts") found.push({ page: relative(root, file), line: i + 2, code, output: null });
    if (fence[1] === "text" && /^<!--\s*output\s*-->$/.test(lines[i - 1] ?? "") && found.length > 0) found.at(-1)!.output = code;
    i = end;
  }
  return found;
}

const sitePages = pages(siteDir);
const own = sitePages.filter((file) => !readFileSync(file, "utf8").includes("<!--@include:"));
const runnable = own.flatMap(blocks);

const AsyncFunction = Object.getPrototypeOf(async () => {}).constructor;

/** Runs a block as a module body (top-level await allowed) and gives what it printed. */
async function runBlock(code: string, globals: Record<string, unknown> = {}): Promise<string> {
  const printed: string[] = [];
  const print = (...args: unknown[]) => printed.push(formatWithOptions({ colors: false }, ...args));
  const body = code
    .split("\n")
    .filter((line) => !line.startsWith("import "))
    .join("\n");
  const js = (await transform(body, { loader: "ts", format: "esm" })).code;
  const fakeConsole = { ...console, log: print, info: print };
  const names = Object.keys(globals);
  await new AsyncFunction("asyncio", "console", ...names, js)(asyncio, fakeConsole, ...Object.values(globals));
  return printed.join("\n");
}

test("the site's pages have code to run, and each included page names a file of docs/", () => {
  expect(runnable.length).toBeGreaterThanOrEqual(15);
  expect(runnable.filter((b) => b.output !== null).length).toBeGreaterThanOrEqual(12);
  const included = sitePages.flatMap((file) => [...readFileSync(file, "utf8").matchAll(/<!--@include: (\S+)-->/g)].map((m) => resolve(join(file, ".."), m[1]!)));
  expect(included.map((path) => relative(root, path)).sort()).toEqual(["docs/executors.md", "docs/performance.md", "docs/porting.md", "docs/testing.md"]);
});

test.each(runnable)("the block at $page:$line runs and prints what the page says", async ({ code, output }) => {
  const printed = await runBlock(code);
  if (output !== null) expect(printed).toBe(output);
});

// ---- docs/executors.md ----

const executors = blocks(join(root, "docs", "executors.md"));
const scratch = mkdtempSync(join(tmpdir(), "asyncio-ts-site-docs-"));

afterAll(() => {
  rmSync(scratch, { recursive: true, force: true });
});

test("docs/executors.md: the work.ts / main.ts pair runs checksum on a worker thread", async () => {
  const block = executors[0]!;
  const [work, main] = block.code.split("// main.ts");
  expect(work).toContain("export function checksum");
  writeFileSync(join(scratch, "work.js"), (await transform(work!, { loader: "ts", format: "esm" })).code);
  // 1e8 bytes stand for seconds of work; 1e5 shows the same in milliseconds.
  const code = main!
    .replace('new URL("./work.js", import.meta.url)', JSON.stringify(pathToFileURL(join(scratch, "work.js")).href))
    .replaceAll("1e8", "1e5")
    .replace("const same = ", "const same: number = ")
    .replace(/\n}\nawait asyncio\.run\(main\(\)\);/, '\n  console.log(sum === same, typeof sum);\n}\nawait asyncio.run(main());');
  expect(await runBlock(code)).toBe("true number");
});

test.each(executors.slice(1))("docs/executors.md:$line (a fragment of a program) compiles", async ({ code }) => {
  await expect(transform(code, { loader: "ts", format: "esm" })).resolves.toBeDefined();
});

test("the site's TypeScript (the playground, its examples, the VitePress config) type-checks", () => {
  execFileSync(process.execPath, [join(root, "node_modules", "typescript", "bin", "tsc"), "--noEmit", "-p", siteDir], { cwd: root, stdio: "pipe" });
}, 120_000);
