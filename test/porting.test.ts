/**
 * docs/porting.md is real code. Every ```ts block there type-checks (against src/, as
 * `npm run typecheck` checks the rest) and runs, its `console.assert`s hold, and it
 * prints exactly what the ```python block before it prints under python3: each entry's
 * Python and its port agree. Markers, in an HTML comment on the line before a block:
 *
 * - `<!-- python: fragment -->`: the Python block is only compiled (a part of a program,
 *   or Python 3.13 where the machine has 3.11); its port still runs;
 * - `<!-- needs: NAME -->`: the ts block is skipped (and says why) while `asyncio.NAME`
 *   is not exported yet;
 * - `<!-- ts: typecheck only -->`: the ts block is type-checked, not run.
 *
 * A ts block without an `import … from "asyncio-ts"` gets `import * as asyncio from
 * "asyncio-ts";`, as the guide says.
 */
import { execFile, execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { format } from "node:util";
import * as asyncio from "asyncio-ts";
import { transform } from "esbuild";
import ts from "typescript";
import { beforeAll, describe, expect, test } from "vitest";

const root = resolve(import.meta.dirname, "..");
const guidePath = join(root, "docs", "porting.md");

interface Block {
  lang: "ts" | "python";
  /** 1-based line of the first line of code (after the fence). */
  line: number;
  code: string;
  markers: string[];
  heading: string;
}

/** The fenced blocks of the guide, with the markers in the HTML comments just above them. */
function parseGuide(text: string): Block[] {
  const lines = text.split("\n");
  const blocks: Block[] = [];
  let heading = "";
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const h = /^#{1,6}\s+(.*)$/.exec(line);
    if (h) heading = h[1]!.trim();
    const fence = /^```(\w+)\s*$/.exec(line);
    if (!fence) continue;
    const markers: string[] = [];
    for (let j = i - 1; j >= 0 && /^<!--.*-->\s*$/.test(lines[j]!); j--) markers.push(lines[j]!.replace(/^<!--\s*|\s*-->\s*$/g, ""));
    const start = i + 1;
    let end = start;
    while (end < lines.length && !/^```\s*$/.test(lines[end]!)) end++;
    const lang = fence[1];
    if (lang === "ts" || lang === "python") blocks.push({ lang, line: start + 1, code: lines.slice(start, end).join("\n"), markers, heading });
    i = end;
  }
  return blocks;
}

const guide = readFileSync(guidePath, "utf8");
const blocks = parseGuide(guide);
const tsBlocks = blocks.filter((b) => b.lang === "ts");

/** The Python block a ts block ports: the last one before it under the same heading. */
function pythonFor(block: Block): Block | undefined {
  let found: Block | undefined;
  for (const b of blocks) {
    if (b === block) break;
    if (b.lang === "python" && b.heading === block.heading) found = b;
    if (b.lang === "ts" && b.heading === block.heading) found = undefined;
  }
  return found;
}

function missingExport(block: Block): string | undefined {
  for (const marker of block.markers) {
    const m = /^needs:\s*(\w+)$/.exec(marker);
    if (m && typeof (asyncio as Record<string, unknown>)[m[1]!] !== "function") return m[1];
  }
  return undefined;
}

const IMPORT_ASYNCIO = 'import * as asyncio from "asyncio-ts"; ';

/** The module a ts block is: the import added on its first line, so that lines stay the guide's. */
function moduleSource(block: Block): string {
  return /from "asyncio-ts"/.test(block.code) ? block.code : IMPORT_ASYNCIO + block.code;
}

// ---- type-checking: one program over every block, each a module of its own ----

const diagnostics = new Map<Block, string[]>();

function typecheck(toCheck: Block[]): void {
  const config = ts.readConfigFile(join(root, "tsconfig.json"), ts.sys.readFile);
  const parsed = ts.parseJsonConfigFileContent(config.config, ts.sys, root);
  const options: ts.CompilerOptions = { ...parsed.options, noEmit: true };
  const files = new Map(toCheck.map((b) => [join(root, "test", "porting-blocks", `line-${b.line}.ts`), b]));
  const host = ts.createCompilerHost(options);
  const { fileExists, readFile, getSourceFile } = host;
  host.fileExists = (name) => files.has(name) || fileExists.call(host, name);
  host.readFile = (name) => (files.has(name) ? moduleSource(files.get(name)!) : readFile.call(host, name));
  host.getSourceFile = (name, language, ...rest) => {
    const block = files.get(name);
    return block ? ts.createSourceFile(name, moduleSource(block), language) : getSourceFile.call(host, name, language, ...rest);
  };
  const program = ts.createProgram([...files.keys()], options, host);
  for (const [name, block] of files) {
    const sourceFile = program.getSourceFile(name)!;
    const found = [...program.getSyntacticDiagnostics(sourceFile), ...program.getSemanticDiagnostics(sourceFile)];
    diagnostics.set(
      block,
      found.map((d) => {
        const { line } = d.file!.getLineAndCharacterOfPosition(d.start ?? 0);
        return `porting.md:${block.line + line}: ${ts.flattenDiagnosticMessageText(d.messageText, "\n")}`;
      }),
    );
  }
}

// ---- running ----

/** Runs a ts block with `import`s turned into lookups; gives what it printed. */
async function runBlock(block: Block): Promise<{ output: string; failed: unknown[][] }> {
  let js = (await transform(moduleSource(block), { loader: "ts", format: "esm", target: "es2022" })).code;
  js = js
    .replace(/^import \* as (\w+) from ("[^"]+");$/gm, "const $1 = await __import($2);")
    .replace(/^import (\w+) from ("[^"]+");$/gm, "const $1 = (await __import($2)).default;")
    .replace(/^import \{([^}]*)\} from ("[^"]+");$/gm, (_m, names: string, spec: string) => `const {${names.replace(/\bas\b/g, ":")}} = await __import(${spec});`);
  const output: string[] = [];
  const failed: unknown[][] = [];
  const capture = {
    ...console,
    log: (...args: unknown[]) => void output.push(format(...args)),
    info: (...args: unknown[]) => void output.push(format(...args)),
    // stderr (a printed traceback, say) is not compared, as the Python side's is not.
    error: () => {},
    warn: () => {},
    assert: (condition: unknown, ...message: unknown[]) => {
      if (!condition) failed.push(message);
    },
  };
  const load = (spec: string) => (spec === "asyncio-ts" ? asyncio : import(spec));
  const AsyncFunction = Object.getPrototypeOf(async () => {}).constructor;
  await new AsyncFunction("__import", "console", js)(load, capture);
  return { output: output.map((l) => `${l}\n`).join(""), failed };
}

const python = (() => {
  try {
    execFileSync("python3", ["-c", "import asyncio"], { stdio: "ignore" });
    return "python3";
  } catch {
    return null;
  }
})();

/** Runs a Python block (a whole program) and gives its stdout. */
function runPython(block: Block): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile(python!, ["-c", block.code], { encoding: "utf8", timeout: 60_000, cwd: dirname(guidePath) }, (error, stdout, stderr) => {
      if (error) reject(new Error(`the Python block at porting.md:${block.line} failed (${error.code}):\n${stderr}`));
      else resolve(stdout);
    });
  });
}

/** What each Python block printed, the runs started before the tests, a few at a time. */
const pythonOutputs = new Map<Block, Promise<string>>();

function startPythonRuns(toRun: Block[], parallel: number): void {
  let running: Promise<unknown>[] = [];
  for (const block of toRun) {
    // Each run starts when the one `parallel` places before it has ended.
    const before = running.length >= parallel ? running[running.length - parallel]! : Promise.resolve();
    const output = before.then(
      () => runPython(block),
      () => runPython(block),
    );
    output.catch(() => {}); // reported by the test that awaits it
    pythonOutputs.set(block, output);
    running = [...running, output];
  }
}

const isFragment = (block: Block) => block.markers.includes("python: fragment");

describe("docs/porting.md", () => {
  beforeAll(() => {
    const runnable = tsBlocks.filter((b) => missingExport(b) === undefined);
    if (python !== null) {
      const toRun = runnable.filter((b) => !b.markers.includes("ts: typecheck only")).map((b) => pythonFor(b));
      startPythonRuns(toRun.filter((b): b is Block => b !== undefined && !isFragment(b)), 3);
    }
    typecheck(runnable);
  }, 120_000);

  test("has entries, each a Python block and its port", () => {
    expect(tsBlocks.length).toBeGreaterThan(40);
    const unpaired = tsBlocks.filter((b) => pythonFor(b) === undefined).map((b) => `porting.md:${b.line} (${b.heading})`);
    expect(unpaired).toEqual([]);
  });

  test.skipIf(python === null)("every Python block compiles (python3)", () => {
    const pythonBlocks = blocks.filter((b) => b.lang === "python");
    const script = [
      "import ast, json, sys",
      "bad = []",
      "for line, code in json.load(sys.stdin):",
      "    try: compile(code, f'porting.md:{line}', 'exec', flags=ast.PyCF_ALLOW_TOP_LEVEL_AWAIT)",
      "    except SyntaxError as e: bad.append(f'porting.md:{line + (e.lineno or 1) - 1}: {e.msg}')",
      "print(json.dumps(bad))",
    ].join("\n");
    const out = execFileSync(python!, ["-c", script], { input: JSON.stringify(pythonBlocks.map((b) => [b.line, b.code])), encoding: "utf8" });
    expect(JSON.parse(out)).toEqual([]);
  });

  for (const block of tsBlocks) {
    const missing = missingExport(block);
    const name = `line ${block.line} (${block.heading})`;
    if (missing !== undefined) {
      test.skip(`${name}: skipped while asyncio.${missing} is not exported`, () => {});
      continue;
    }
    test(`${name}: type-checks, runs, and prints what the Python prints`, async () => {
      expect(diagnostics.get(block)).toEqual([]);
      if (block.markers.includes("ts: typecheck only")) return;
      const { output, failed } = await runBlock(block);
      expect(failed).toEqual([]);
      const py = pythonFor(block)!;
      if (python !== null && !isFragment(py)) expect(output).toBe(await pythonOutputs.get(py)!);
    });
  }
});
