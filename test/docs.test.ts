/** Every `@example` in the TSDoc of src/ is real code: it runs here, and its assertions hold. */
import { readdirSync, readFileSync } from "node:fs";
import { join, relative, resolve } from "node:path";
import * as asyncio from "asyncio-ts";
import * as testing from "asyncio-ts/testing";
import { transform } from "esbuild";
import { expect, test, vi } from "vitest";

const srcDir = resolve(import.meta.dirname, "..", "src");

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? sourceFiles(join(dir, entry.name)) : entry.name.endsWith(".ts") ? [join(dir, entry.name)] : [],
  );
}

const examples = sourceFiles(srcDir).flatMap((file) =>
  [...readFileSync(file, "utf8").matchAll(/@example\n((?:\s*\*(?! @)(?!\/).*\n)+)/g)].map((m, i) => ({
    name: `${relative(srcDir, file)} #${i + 1}`,
    code: m[1]!
      .split("\n")
      .map((line) => line.replace(/^\s*\* ?/, ""))
      .filter((line) => !line.startsWith("import "))
      .join("\n"),
  })),
);

test("there are examples to run", () => {
  expect(examples.length).toBeGreaterThan(0);
});

test.each(examples)("the example in $name runs", async ({ code }) => {
  const failed = vi.fn();
  const assert = (condition: unknown, ...message: unknown[]) => {
    if (!condition) failed(message);
  };
  const js = (await transform(code, { loader: "ts", format: "esm" })).code;
  const AsyncFunction = Object.getPrototypeOf(async () => {}).constructor;
  // The examples of asyncio-ts/testing use its exports (runTest, TestFailure) by name.
  await new AsyncFunction("asyncio", ...Object.keys(testing), "console", js)(asyncio, ...Object.values(testing), { ...console, assert });
  expect(failed).not.toHaveBeenCalled();
});
