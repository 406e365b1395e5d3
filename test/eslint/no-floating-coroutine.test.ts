/**
 * The ESLint rule `no-floating-coroutine` (src/eslint/): a coroutine created and thrown
 * away, which Python reports at run time as `coroutine 'f' was never awaited`, is
 * reported statically, with type information and without it.
 */
import { readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import * as asyncio from "asyncio-ts";
import { ESLint, Linter, RuleTester } from "eslint";
import tseslint from "typescript-eslint";
import { describe, expect, it, test } from "vitest";
import plugin from "../../src/eslint/index";

RuleTester.describe = describe;
RuleTester.it = it;
RuleTester.itOnly = it.only;

const rule = plugin.rules["no-floating-coroutine"];
const fixtures = resolve(import.meta.dirname, "fixtures");
const filename = join(fixtures, "file.ts");
const typedLanguageOptions = {
  parser: tseslint.parser,
  // CI=true makes typescript-eslint build each program once from the files on disk, so
  // every RuleTester case would be typed as file.ts's disk content rather than its own code.
  parserOptions: { project: "./tsconfig.json", tsconfigRootDir: fixtures, disallowAutomaticSingleRunInference: true },
} satisfies Linter.LanguageOptions;

/** What every typed case starts with: a coroutine function, a lock and a queue to misuse. */
const prelude = `import * as asyncio from "asyncio-ts";
function* f(): asyncio.Coroutine<number> { yield* asyncio.sleep(0); return 1; }
function* g() { yield* asyncio.sleep(0); return 2; }
const lock = new asyncio.Lock();
const queue = new asyncio.Queue<number>();
`;

/** An expected error: its message, and the suggestions with the code each leaves. */
interface Expected {
  messageId: string;
  data: { name: string };
  suggestions: { messageId: string; output: string }[];
}

/** A typed case: its code follows the prelude, in the file the fixture tsconfig includes. */
const typedValid = (code: string): RuleTester.ValidTestCase => ({ name: code, code: prelude + code, filename });
const typedInvalid = ({ code, errors }: { code: string; errors: Expected[] }): RuleTester.InvalidTestCase => ({
  name: code,
  code: prelude + code,
  filename,
  errors: errors.map((error) => ({
    ...error,
    suggestions: error.suggestions.map((suggestion) => ({ ...suggestion, output: prelude + suggestion.output })),
  })),
});

/** An error with the one suggestion to add `yield*`, whose result is `output`. */
const awaitIt = (name: string, output: string): Expected => ({
  messageId: "floating",
  data: { name },
  suggestions: [{ messageId: "addYieldStar", output }],
});
const noSuggestion = (name: string): Expected => ({ messageId: "floating", data: { name }, suggestions: [] });

new RuleTester({ languageOptions: typedLanguageOptions }).run("no-floating-coroutine, with types", rule, {
  valid: [
    "function* main() { yield* f(); }",
    "const c = f();",
    "asyncio.createTask(f());",
    "function* main() { return f(); }",
    "asyncio.gather(f(), g());",
    "asyncio.shield(f());",
    "void f();",
    "void asyncio.sleep(1);",
    "function* numbers() { yield 1; } for (const n of numbers()) console.log(n);",
    "const iterator = g(); iterator.next(); iterator.return(2); iterator.throw(new Error());",
    "[1, 2].values();",
    "asyncio.asCompleted([f(), g()]);",
    "asyncio.runSync(f());",
    "asyncio.run(f());",
    "function* main() { yield* lock.acquire(); lock.release(); }",
    "let c; c = f();",
    "f;",
    "function* tasks(): Generator<asyncio.Coroutine<number>> { yield f(); yield g(); }",
    "function* main() { yield; yield* asyncio.sleep(0); }",
    "const run = () => f();",
  ].map(typedValid),
  invalid: [
    {
      code: "asyncio.sleep(1);",
      errors: [noSuggestion("sleep")],
    },
    {
      code: "function* main() { asyncio.sleep(1); }",
      errors: [awaitIt("sleep", "function* main() { yield* asyncio.sleep(1); }")],
    },
    {
      code: "function* main() { lock.acquire(); queue.put(1); }",
      errors: [
        awaitIt("acquire", "function* main() { yield* lock.acquire(); queue.put(1); }"),
        awaitIt("put", "function* main() { lock.acquire(); yield* queue.put(1); }"),
      ],
    },
    {
      code: "class Db { *query(): asyncio.Coroutine<number> { return 1; } }\nfunction* main(db: Db) { db.query(); }",
      errors: [awaitIt("query", "class Db { *query(): asyncio.Coroutine<number> { return 1; } }\nfunction* main(db: Db) { yield* db.query(); }")],
    },
    {
      code: 'import { sleep as nap } from "asyncio-ts";\nfunction* main() { nap(1); }',
      errors: [awaitIt("nap", 'import { sleep as nap } from "asyncio-ts";\nfunction* main() { yield* nap(1); }')],
    },
    {
      code: "function* main(c: boolean) { c ? f() : g(); }",
      errors: [
        awaitIt("f", "function* main(c: boolean) { c ? (yield* f()) : g(); }"),
        awaitIt("g", "function* main(c: boolean) { c ? f() : (yield* g()); }"),
      ],
    },
    {
      code: "function* main(ok: boolean) { ok && f(); }",
      errors: [awaitIt("f", "function* main(ok: boolean) { ok && (yield* f()); }")],
    },
    {
      code: "function* main() { f(), 1; }",
      errors: [awaitIt("f", "function* main() { (yield* f()), 1; }")],
    },
    {
      code: "function* main() { f() as asyncio.Coroutine<number>; }",
      errors: [awaitIt("f", "function* main() { yield* f() as asyncio.Coroutine<number>; }")],
    },
    {
      code: "function* main(db?: { query(): asyncio.Coroutine<void> }) { db?.query(); }",
      errors: [awaitIt("query", "function* main(db?: { query(): asyncio.Coroutine<void> }) { yield* db?.query(); }")],
    },
    {
      code: "function* main<C extends asyncio.Coroutine<void>>(make: () => C) { make(); }",
      errors: [awaitIt("make", "function* main<C extends asyncio.Coroutine<void>>(make: () => C) { yield* make(); }")],
    },
    {
      code: "function* main() { const c = f(); c; }",
      errors: [{ messageId: "floatingValue", data: { name: "c" }, suggestions: [{ messageId: "addYieldStar", output: "function* main() { const c = f(); yield* c; }" }] }],
    },
    {
      code: "async function main() { await asyncio.sleep(1); }",
      errors: [noSuggestion("sleep")],
    },
    {
      code: "const later = () => { asyncio.waitFor(f(), 1); };",
      errors: [noSuggestion("waitFor")],
    },
    {
      code: "function* main() { yield asyncio.sleep(1); }",
      errors: [{ messageId: "bareYield", data: { name: "sleep" }, suggestions: [{ messageId: "useYieldStar", output: "function* main() { yield* asyncio.sleep(1); }" }] }],
    },
    {
      code: "function* main() { const n = yield f(); return n; }",
      errors: [{ messageId: "bareYield", data: { name: "f" }, suggestions: [{ messageId: "useYieldStar", output: "function* main() { const n = yield* f(); return n; }" }] }],
    },
  ].map(typedInvalid),
});

new RuleTester({ languageOptions: { parser: tseslint.parser } }).run("no-floating-coroutine, without types", rule, {
  valid: [
    'import * as asyncio from "asyncio-ts";\nfunction* f() {}\nasyncio.createTask(f());',
    'import * as asyncio from "asyncio-ts";\nasyncio.gather(a, b);',
    'import * as other from "other";\nother.sleep(1);',
    'import { sleep } from "other";\nsleep(1);',
    "function f() {}\nf();",
    "async function* f() {}\nf();",
    "function* f() {}\nfunction main(f: () => void) { f(); }",
    "let f = function* () {};\nf = () => undefined;\nf();",
    "function* f() {}\nvoid f();",
    "function* f() {}\nfunction* main() { yield* f(); }",
    "lock.acquire();",
    "function* f() {}\nfunction* tasks(): Generator<unknown> { yield f(); }",
  ],
  invalid: [
    {
      code: "function* f() {}\nf();",
      errors: [noSuggestion("f")],
    },
    {
      code: "const f = function* () {};\nfunction* main() { f(); }",
      errors: [awaitIt("f", "const f = function* () {};\nfunction* main() { yield* f(); }")],
    },
    {
      code: 'import * as asyncio from "asyncio-ts";\nfunction* main() { asyncio.sleep(1); }',
      errors: [awaitIt("sleep", 'import * as asyncio from "asyncio-ts";\nfunction* main() { yield* asyncio.sleep(1); }')],
    },
    {
      code: 'import { waitFor } from "asyncio-ts";\nfunction* main(t: unknown) { waitFor(t, 1); }',
      errors: [awaitIt("waitFor", 'import { waitFor } from "asyncio-ts";\nfunction* main(t: unknown) { yield* waitFor(t, 1); }')],
    },
    {
      code: "function* f() {}\nclass Job { *run() { f(); } }",
      errors: [awaitIt("f", "function* f() {}\nclass Job { *run() { yield* f(); } }")],
    },
    {
      code: 'import * as asyncio from "asyncio-ts";\nfunction* main() { yield asyncio.sleep(1); }',
      errors: [{ messageId: "bareYield", data: { name: "sleep" }, suggestions: [{ messageId: "useYieldStar", output: 'import * as asyncio from "asyncio-ts";\nfunction* main() { yield* asyncio.sleep(1); }' }] }],
    },
  ],
});

new RuleTester().run("no-floating-coroutine, in CommonJS JavaScript", rule, {
  valid: ['const asyncio = require("asyncio-ts");\nasyncio.createTask(main());'],
  invalid: [
    {
      code: 'const asyncio = require("asyncio-ts");\nfunction* main() { asyncio.sleep(1); }',
      languageOptions: { sourceType: "commonjs" },
      errors: [awaitIt("sleep", 'const asyncio = require("asyncio-ts");\nfunction* main() { yield* asyncio.sleep(1); }')],
    },
  ],
});

test("without types the rule knows every coroutine function of asyncio-ts, and only those", () => {
  // With types, the checker tells which exports return a coroutine; without, the rule's
  // own list must name the same ones.
  const names = Object.keys(asyncio).filter((name) => typeof (asyncio as Record<string, unknown>)[name] === "function");
  const code = `import * as asyncio from "asyncio-ts";\n${names.map((name) => `asyncio.${name}();`).join("\n")}\n`;
  const reported = (languageOptions: Linter.LanguageOptions) =>
    new Linter()
      .verify(code, { files: ["**/*.ts"], languageOptions, plugins: { "asyncio-ts": plugin }, rules: { "asyncio-ts/no-floating-coroutine": "error" } }, filename)
      .map((message) => message.message.match(/'(\w+)'/)?.[1]);
  const withTypes = reported(typedLanguageOptions);
  expect(withTypes).toContain("sleep");
  expect(reported({ parser: tseslint.parser })).toEqual(withTypes);
});

test("a user's eslint.config.js with typed linting and configs.recommended reports a forgotten yield*", async () => {
  const eslint = new ESLint({
    cwd: fixtures,
    overrideConfigFile: true,
    overrideConfig: [
      { files: ["**/*.ts"], languageOptions: { parser: tseslint.parser, parserOptions: { projectService: true, tsconfigRootDir: fixtures } } },
      plugin.configs.recommended,
    ],
  });
  const code = `import * as asyncio from "asyncio-ts";
export function* main() {
  const lock = new asyncio.Lock();
  lock.acquire();
  yield* asyncio.sleep(1);
}
`;
  const [result] = await eslint.lintText(code, { filePath: filename });
  expect(result!.messages.map(({ ruleId, line, message }) => ({ ruleId, line, message }))).toEqual([
    {
      ruleId: "asyncio-ts/no-floating-coroutine",
      line: 4,
      message: "Coroutine 'acquire' is created but never run: add yield* to await it, or pass it to asyncio.createTask to run it concurrently",
    },
  ]);
});

test("the plugin's meta names the package's version", () => {
  const pkg = JSON.parse(readFileSync(resolve(import.meta.dirname, "..", "..", "package.json"), "utf8")) as { version: string };
  expect(plugin.meta.version).toBe(pkg.version);
});
