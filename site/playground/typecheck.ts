/**
 * The playground's type checker: a second Web Worker, loaded only when the page first
 * asks, that type-checks the program with the TypeScript compiler against the declarations
 * of asyncio-ts's browser entry and asyncio-ts/testing, and the ES2022 and DOM libraries
 * (types.json, written by site/build.mjs). The run does not wait for it: sucrase strips
 * the types and the program runs, while the errors found here are shown beside it, each
 * with its line.
 */
import ts from "typescript";
import compilerOptions from "./compiler-options.json";

export interface TypeCheckRequest {
  id: number;
  source: string;
}

export interface TypeCheckResult {
  id: number;
  diagnostics: { line: number; column: number; code: number; message: string }[];
}

const PROGRAM = "/program.ts";

/** The options the build emitted the declarations with, and "asyncio-ts" and "asyncio-ts/testing" mapped to them. */
const options: ts.CompilerOptions = {
  ...ts.convertCompilerOptionsFromJson(compilerOptions, "/").options,
  noEmit: true,
  baseUrl: "/",
  paths: { "asyncio-ts": ["asyncio-ts/index.browser.d.ts"], "asyncio-ts/testing": ["asyncio-ts/testing/index.d.ts"] },
};

let files: Promise<Record<string, string>> | null = null;
/** Parsed library files, kept across checks: only the program is parsed again. */
const parsed = new Map<string, ts.SourceFile>();
let previous: ts.Program | undefined;

function check(source: string, texts: Record<string, string>): TypeCheckResult["diagnostics"] {
  const host: ts.CompilerHost = {
    getSourceFile(name, language) {
      if (name === PROGRAM) return ts.createSourceFile(name, source, language, true);
      const cached = parsed.get(name);
      if (cached) return cached;
      const text = texts[name];
      if (text === undefined) return undefined;
      const file = ts.createSourceFile(name, text, language, true);
      parsed.set(name, file);
      return file;
    },
    getDefaultLibFileName: () => "/lib/lib.es2022.d.ts",
    getDefaultLibLocation: () => "/lib",
    writeFile: () => {},
    getCurrentDirectory: () => "/",
    getCanonicalFileName: (name) => name,
    useCaseSensitiveFileNames: () => true,
    getNewLine: () => "\n",
    fileExists: (name) => name === PROGRAM || name in texts,
    readFile: (name) => (name === PROGRAM ? source : texts[name]),
    directoryExists: (dir) => dir === "/" || Object.keys(texts).some((name) => name.startsWith(`${dir.replace(/\/$/, "")}/`)),
    getDirectories: () => [],
  };
  const program = ts.createProgram({ rootNames: [PROGRAM], options, host, oldProgram: previous });
  previous = program;
  const file = program.getSourceFile(PROGRAM)!;
  const diagnostics = [...program.getSyntacticDiagnostics(file), ...program.getSemanticDiagnostics(file)];
  return diagnostics.map((d) => {
    const at = d.file && d.start !== undefined ? d.file.getLineAndCharacterOfPosition(d.start) : { line: 0, character: 0 };
    return { line: at.line + 1, column: at.character + 1, code: d.code, message: ts.flattenDiagnosticMessageText(d.messageText, "\n") };
  });
}

self.onmessage = async (event: MessageEvent<TypeCheckRequest>) => {
  files ??= fetch(new URL("./types.json", import.meta.url)).then((response) => response.json() as Promise<Record<string, string>>);
  const { id, source } = event.data;
  const result: TypeCheckResult = { id, diagnostics: check(source, await files) };
  (self as unknown as Worker).postMessage(result);
};
