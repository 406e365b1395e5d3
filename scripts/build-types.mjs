// The declaration files of the package, by TypeScript itself: one .d.ts and one
// declaration map (.d.ts.map) per module of src/ that the entries reach.
//
// - dist/types/ is read as ESM (the package is "type": "module") and serves `import`;
//   dist/types-cjs/ is the same tree marked "type": "commonjs" by its own package.json
//   and serves `require`, so that each condition gets declarations of its own format.
// - `stripInternal`: members and declarations tagged `@internal` are the modules' own
//   business (public in the sources only so that other modules of the package reach
//   them); they stay out of what users see and complete.
// - The declaration maps point into src/, which the package ships, so that an editor's
//   go-to-definition lands in the TypeScript source. TypeScript's own maps are exact
//   to the identifier; bundling the declarations (tsup's `dts`, rollup-plugin-dts) would
//   turn declaration maps off or leave the members of classes unmapped.
// - The sources import each other without extensions (moduleResolution "Bundler"); Node's
//   ESM resolution, which TypeScript follows for users on "node16"/"nodenext", needs
//   them, so the relative specifiers of the declarations get `.js` (or `/index.js`).
// - Only the declarations that the entries reach are written: a module that only the
//   implementation uses (the timer heap, the ready queue…) has no place in the types.
import { cpSync, existsSync, mkdirSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import ts from "typescript";

const root = resolve(import.meta.dirname, "..");
const src = join(root, "src");
const out = join(root, "dist", "types");
const outCjs = join(root, "dist", "types-cjs");
const entries = ["index.ts", "index.browser.ts", "eslint/index.ts", "testing/index.ts"].map((entry) => join(src, entry));
/** A relative module specifier in declarations: `from "./x"`, `import("./x")`, `import "./x"`. */
const SPECIFIER = /((?:from|import)\s*\(?\s*)(["'])(\.\.?\/[^"']*)\2/g;
/** A line of a doc comment, whose examples may show specifiers too: they stay as written. */
const COMMENT_LINE = /^\s*(?:\*|\/\*|\/\/)/;

const config = ts.getParsedCommandLineOfConfigFile(
  join(root, "tsconfig.json"),
  {
    noEmit: false,
    declaration: true,
    emitDeclarationOnly: true,
    declarationMap: true,
    stripInternal: true,
    rootDir: src,
    outDir: out,
  },
  { ...ts.sys, onUnRecoverableConfigFileDiagnostic: (diagnostic) => fail([diagnostic]) },
);

rmSync(out, { recursive: true, force: true });
rmSync(outCjs, { recursive: true, force: true });
const program = ts.createProgram({ rootNames: entries, options: config.options });
const errors = ts.getPreEmitDiagnostics(program).filter((d) => d.category === ts.DiagnosticCategory.Error);
if (errors.length > 0) fail(errors);
const files = new Map();
const emitted = program.emit(undefined, (file, text) => {
  files.set(file, file.endsWith(".d.ts") ? withExtensions(file, text) : text);
});
if (emitted.emitSkipped || emitted.diagnostics.length > 0) fail(emitted.diagnostics);

const reached = new Set();
const toVisit = entries.map((entry) => join(out, relative(src, entry)).replace(/\.ts$/, ".d.ts"));
while (toVisit.length > 0) {
  const file = toVisit.pop();
  if (reached.has(file)) continue;
  if (!files.has(file)) throw new Error(`scripts/build-types.mjs: TypeScript emitted no ${relative(root, file)}`);
  reached.add(file);
  for (const specifier of relativeSpecifiers(files.get(file))) {
    toVisit.push(join(dirname(file), specifier).replace(/\.js$/, ".d.ts"));
  }
}
for (const file of reached) {
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, files.get(file));
  writeFileSync(`${file}.map`, files.get(`${file}.map`));
}

cpSync(out, outCjs, { recursive: true });
writeFileSync(join(outCjs, "package.json"), `${JSON.stringify({ type: "commonjs" })}\n`);

/** The relative module specifiers of the declarations `text`. */
function relativeSpecifiers(text) {
  return text.split("\n").flatMap((line) => (COMMENT_LINE.test(line) ? [] : [...line.matchAll(SPECIFIER)].map((match) => match[3])));
}

/** `text` (the declarations of `file`) with `.js` on each relative specifier that lacks it. */
function withExtensions(file, text) {
  const sourceDir = join(src, relative(out, dirname(file)));
  const fix = (whole, before, quote, specifier) => {
    if (/\.[cm]?js$/.test(specifier)) return whole;
    const target = join(sourceDir, specifier);
    let fixed;
    if (existsSync(`${target}.ts`)) fixed = `${specifier}.js`;
    else if (existsSync(join(target, "index.ts"))) fixed = `${specifier}/index.js`;
    else throw new Error(`scripts/build-types.mjs: ${relative(root, file)} imports ${specifier}, which is no module of src/`);
    return `${before}${quote}${fixed}${quote}`;
  };
  return text
    .split("\n")
    .map((line) => (COMMENT_LINE.test(line) ? line : line.replace(SPECIFIER, fix)))
    .join("\n");
}

function fail(diagnostics) {
  const host = { getCanonicalFileName: (f) => f, getCurrentDirectory: () => root, getNewLine: () => "\n" };
  process.stderr.write(ts.formatDiagnosticsWithColorAndContext(diagnostics, host));
  process.exit(1);
}
