/**
 * docs/testing.md is real code: each ```ts block runs here (its `import` lines give way to
 * the same modules, and its vitest `test`s run in order), and each block marked
 * `<!-- file: PATH -->` is that file, word for word (runners.test.ts runs those).
 */
import { readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import * as asyncio from "asyncio-ts";
import * as testing from "asyncio-ts/testing";
import { transform } from "esbuild";
import { expect, test } from "vitest";

const root = resolve(import.meta.dirname, "..", "..");
const guide = readFileSync(join(root, "docs", "testing.md"), "utf8");

interface Block {
  lang: string;
  line: number;
  code: string;
  file: string | null;
}

function blocks(text: string): Block[] {
  const lines = text.split("\n");
  const found: Block[] = [];
  for (let i = 0; i < lines.length; i++) {
    const fence = /^```(\w+)\s*$/.exec(lines[i]!);
    if (!fence) continue;
    const marker = i > 0 ? /^<!--\s*file:\s*(\S+)\s*-->$/.exec(lines[i - 1]!) : null;
    let end = i + 1;
    while (end < lines.length && !/^```\s*$/.test(lines[end]!)) end++;
    found.push({ lang: fence[1]!, line: i + 2, code: lines.slice(i + 1, end).join("\n"), file: marker ? marker[1]! : null });
    i = end;
  }
  return found;
}

const all = blocks(guide);
const runnable = all.filter((block) => block.lang === "ts");
const files = all.filter((block) => block.file !== null);

test("the guide has blocks to run and files to show", () => {
  expect(runnable.length).toBeGreaterThanOrEqual(3);
  expect(files.map((block) => block.file)).toEqual(["test/testing/runners/node-test.example.mjs", "test/testing/runners/runtest.jest.cjs"]);
});

test.each(runnable)("the block at docs/testing.md:$line runs and its tests pass", async ({ code }) => {
  const source = code
    .split("\n")
    .filter((line) => !line.startsWith("import "))
    .join("\n");
  const js = (await transform(source, { loader: "ts", format: "esm" })).code;
  const tests: { name: string; body: () => unknown }[] = [];
  const collect = (name: string, body: () => unknown) => tests.push({ name, body });
  const AsyncFunction = Object.getPrototypeOf(async () => {}).constructor;
  // The blocks use asyncio-ts/testing's exports (runTest, Network, …) by name.
  await new AsyncFunction("asyncio", ...Object.keys(testing), "test", "expect", js)(asyncio, ...Object.values(testing), collect, expect);
  expect(tests.length).toBeGreaterThan(0);
  for (const { body } of tests) await body();
});

test.each(files)("the block at docs/testing.md:$line is $file", ({ code, file }) => {
  expect(`${code}\n`).toBe(readFileSync(join(root, file!), "utf8"));
});
