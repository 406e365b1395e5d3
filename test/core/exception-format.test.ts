/**
 * How an ExceptionGroup prints: one tree in the layout of Python's traceback module, each
 * sub-exception with its own frames; what Node prints for an uncaught group; and error
 * class names that survive a bundler's renaming. (The layout itself is checked against
 * python3 by the differential scenario exc_group_print.)
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { inspect } from "node:util";
import * as asyncio from "asyncio-ts";
import { build } from "esbuild";
import { afterAll, describe, expect, test } from "vitest";

const src = resolve(import.meta.dirname, "..", "..", "src");
const dir = mkdtempSync(join(tmpdir(), "asyncio-ts-exception-format-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The printed lines without the JavaScript frames ("    at …", boxed or not). */
function withoutFrames(text: string): string[] {
  return text.split("\n").filter((line) => !/^(?: *\| )?    at /.test(line));
}

class MyError extends Error {
  override name = "MyError";
}

describe("the printed tree", () => {
  test("nested groups are boxed and numbered as Python's traceback module does it", () => {
    const group = new asyncio.ExceptionGroup("outer", [
      new TypeError("a"),
      new asyncio.ExceptionGroup("middle", [new MyError("b")]),
      new asyncio.RuntimeError("c"),
      new asyncio.ExceptionGroup("last", [new asyncio.ExceptionGroup("deeper", [new TypeError("d"), new TypeError("e")])]),
    ]);
    expect(withoutFrames(inspect(group))).toEqual([
      "ExceptionGroup: outer (4 sub-exceptions)",
      "  +-+---------------- 1 ----------------",
      "    | TypeError: a",
      "    +---------------- 2 ----------------",
      "    | ExceptionGroup: middle (1 sub-exception)",
      "    +-+---------------- 1 ----------------",
      "      | MyError: b",
      "      +------------------------------------",
      "    +---------------- 3 ----------------",
      "    | RuntimeError: c",
      "    +---------------- 4 ----------------",
      "    | ExceptionGroup: last (1 sub-exception)",
      "    +-+---------------- 1 ----------------",
      "      | ExceptionGroup: deeper (2 sub-exceptions)",
      "      +-+---------------- 1 ----------------",
      "        | TypeError: d",
      "        +---------------- 2 ----------------",
      "        | TypeError: e",
      "        +------------------------------------",
    ]);
  });

  test("each exception keeps its own frames, under its own line and inside its box", () => {
    const inner = new TypeError("inner");
    const nested = new asyncio.ExceptionGroup("nested", [new MyError("m")]);
    const lines = inspect(new asyncio.ExceptionGroup("outer", [inner, nested])).split("\n");
    expect(lines[1]).toMatch(/^ {4}at /);
    const boxed = inner.stack!.split("\n").map((line) => `    | ${line}`);
    const at = lines.indexOf(boxed[0]!);
    expect(boxed.length).toBeGreaterThan(1);
    expect(lines.slice(at, at + boxed.length)).toEqual(boxed);
    expect(lines[lines.indexOf("    | ExceptionGroup: nested (1 sub-exception)") + 1]).toMatch(/^ {4}\| {5}at /);
    expect(lines[lines.indexOf("      | MyError: m") + 1]).toMatch(/^ {6}\| {5}at /);
  });

  test("more than 15 sub-exceptions and more than 10 levels are cut as Python cuts them", () => {
    const wide = new asyncio.ExceptionGroup("wide", Array.from({ length: 17 }, (_, i) => new MyError(`e${i + 1}`)));
    const lines = withoutFrames(inspect(wide));
    expect(lines.slice(0, 4)).toEqual(["ExceptionGroup: wide (17 sub-exceptions)", "  +-+---------------- 1 ----------------", "    | MyError: e1", "    +---------------- 2 ----------------"]);
    expect(lines.slice(-4)).toEqual([
      "    | MyError: e15",
      "    +---------------- ... ----------------",
      "    | and 2 more exceptions",
      "    +------------------------------------",
    ]);
    const sixteen = withoutFrames(inspect(new asyncio.ExceptionGroup("w", Array.from({ length: 16 }, () => new MyError("x")))));
    expect(sixteen.at(-2)).toBe("    | and 1 more exception");

    let deep: unknown = new TypeError("bottom");
    for (let level = 11; level >= 0; level--) deep = new asyncio.ExceptionGroup(`level ${level}`, [deep]);
    expect(withoutFrames(inspect(deep)).slice(-4)).toEqual([
      "                    | ExceptionGroup: level 9 (1 sub-exception)",
      "                    +-+---------------- 1 ----------------",
      "                      | ... (max_group_depth is 10)",
      "                      +------------------------------------",
    ]);
  });

  test("a cause prints before its exception, joined as Python joins chained exceptions", () => {
    const outer = new asyncio.RuntimeError("outer", { cause: new TypeError("inner", { cause: new MyError("root") }) });
    expect(withoutFrames(inspect(new asyncio.ExceptionGroup("chained", [outer, new MyError("plain")])))).toEqual([
      "ExceptionGroup: chained (2 sub-exceptions)",
      "  +-+---------------- 1 ----------------",
      "    | MyError: root",
      "    | ",
      "    | The above exception was the direct cause of the following exception:",
      "    | ",
      "    | TypeError: inner",
      "    | ",
      "    | The above exception was the direct cause of the following exception:",
      "    | ",
      "    | RuntimeError: outer",
      "    +---------------- 2 ----------------",
      "    | MyError: plain",
      "    +------------------------------------",
    ]);
    const group = new asyncio.ExceptionGroup("grp", [new TypeError("x")]);
    Object.defineProperty(group, "cause", { value: new MyError("why"), configurable: true, writable: true });
    expect(withoutFrames(inspect(group))).toEqual([
      "MyError: why",
      "",
      "The above exception was the direct cause of the following exception:",
      "",
      "ExceptionGroup: grp (1 sub-exception)",
      "  +-+---------------- 1 ----------------",
      "    | TypeError: x",
      "    +------------------------------------",
    ]);
    // The stack leaves the group's own cause out: Node prints it after the stack.
    expect(group.stack!.split("\n")[0]).toBe("ExceptionGroup: grp (1 sub-exception)");
    expect(group.stack).not.toContain("why");
  });

  test("a cause that is its own cause's cause prints once", () => {
    const a = new TypeError("a");
    const b = new MyError("b", { cause: a });
    Object.defineProperty(a, "cause", { value: b });
    const lines = withoutFrames(inspect(new asyncio.ExceptionGroup("cycle", [b])));
    expect(lines.filter((line) => line.endsWith("Error: a") || line.endsWith("Error: b"))).toEqual(["    | TypeError: a", "    | MyError: b"]);
  });

  test("a group that contains itself prints there unopened", () => {
    const group = new asyncio.ExceptionGroup("self", [new TypeError("x")]);
    group.exceptions.push(group);
    expect(withoutFrames(inspect(group))).toEqual([
      "ExceptionGroup: self (2 sub-exceptions)",
      "  +-+---------------- 1 ----------------",
      "    | TypeError: x",
      "    +---------------- 2 ----------------",
      "    | ExceptionGroup: self (2 sub-exceptions)",
      "    +------------------------------------",
    ]);
  });

  test("a sub-exception that is not an Error prints its description", () => {
    expect(withoutFrames(inspect(new asyncio.ExceptionGroup("thrown", ["boom", 42, undefined])))).toEqual([
      "ExceptionGroup: thrown (3 sub-exceptions)",
      "  +-+---------------- 1 ----------------",
      "    | 'boom'",
      "    +---------------- 2 ----------------",
      "    | 42",
      "    +---------------- 3 ----------------",
      "    | undefined",
      "    +------------------------------------",
    ]);
  });

  test("a stack of frames alone, as Firefox and Safari write it, stands indented under the error's line", () => {
    const error = new TypeError("x");
    error.stack = "f@file.js:1:2\ng@file.js:3:4\n";
    expect(inspect(new asyncio.ExceptionGroup("m", [error])).split("\n").slice(-5)).toEqual([
      "  +-+---------------- 1 ----------------",
      "    | TypeError: x",
      "    |     f@file.js:1:2",
      "    |     g@file.js:3:4",
      "    +------------------------------------",
    ]);
  });

  test("console.log and util.inspect print the tree alone: no list of the exceptions after it", () => {
    const group = new asyncio.ExceptionGroup("m", [new RangeError("a"), new TypeError("b")]);
    const printed = inspect(group);
    expect(printed).toBe(group.stack);
    expect(printed.split("RangeError: a").length).toBe(2);
    // Nested inside another value, the tree is indented with it.
    expect(inspect({ error: group })).toContain("\n    +-+---------------- 1 ----------------");
  });
});

describe("group.stack", () => {
  test("starts with Python's str(eg), holds the tree, and leaves message alone", () => {
    const group = new asyncio.ExceptionGroup("unhandled errors in a TaskGroup", [new RangeError("a"), new TypeError("b")]);
    const lines = group.stack!.split("\n");
    expect(lines[0]).toBe("ExceptionGroup: unhandled errors in a TaskGroup (2 sub-exceptions)");
    expect(lines[1]).toMatch(/^ {4}at /);
    expect(lines).toContain("  +-+---------------- 1 ----------------");
    expect(lines).toContain("    | RangeError: a");
    expect(lines.at(-1)).toBe("    +------------------------------------");
    expect(group.message).toBe("unhandled errors in a TaskGroup");
    expect(String(group)).toBe("ExceptionGroup: unhandled errors in a TaskGroup (2 sub-exceptions)");
    group.stack = "replaced, as any error's stack can be";
    expect(group.stack).toBe("replaced, as any error's stack can be");
  });

  test("is formatted on its first read, not when the group is made, and then kept", () => {
    const original = Error.prepareStackTrace;
    let formatted = 0;
    Error.prepareStackTrace = (error, frames) => {
      formatted++;
      return [String(error), ...frames.map((frame) => `    at ${frame}`)].join("\n");
    };
    try {
      let subStackReads = 0;
      const sub = new TypeError("sub");
      const subStack = "TypeError: sub\n    at somewhere (file.js:1:1)";
      Object.defineProperty(sub, "stack", {
        get: () => {
          subStackReads++;
          return subStack;
        },
      });
      formatted = 0;
      const group = new asyncio.ExceptionGroup("made", [sub, new RangeError("other")]);
      group.derive([sub]);
      group.split(TypeError);
      expect([formatted, subStackReads]).toEqual([0, 0]);

      const stack = group.stack!;
      expect(stack.split("\n")[0]).toBe("ExceptionGroup: made (2 sub-exceptions)");
      expect(stack).toContain("    |     at somewhere (file.js:1:1)");
      expect(subStackReads).toBe(1);
      const after = formatted;
      expect(group.stack).toBe(stack);
      expect([formatted, subStackReads]).toEqual([after, 1]);
    } finally {
      Error.prepareStackTrace = original;
    }
  });

  test("errors and exceptions are the same array, and neither shows as an extra property", () => {
    const group = new asyncio.ExceptionGroup("m", [new TypeError("a")]);
    expect(group.errors).toBe(group.exceptions);
    expect(group).toBeInstanceOf(AggregateError);
    expect(Object.keys(group)).toEqual(["name"]);
  });
});

/** Bundles `source` (which may import from `src`) with esbuild and runs it with node. */
async function bundleAndRun(source: string, options: { minify?: boolean; args?: string[] } = {}) {
  const name = `entry-${Math.random().toString(36).slice(2)}`;
  const entry = join(dir, `${name}.ts`);
  writeFileSync(entry, source.replaceAll("@src", src));
  const out = join(dir, `${name}.mjs`);
  await build({ entryPoints: [entry], outfile: out, bundle: true, platform: "node", format: "esm", target: "node20", minify: options.minify ?? false, logLevel: "error" });
  return spawnSync(process.execPath, [out, ...(options.args ?? [])], { encoding: "utf8", timeout: 20_000 });
}

describe("what Node prints", () => {
  const program = `
import * as asyncio from "@src/index.ts";
function* fail(error: Error) {
  yield* asyncio.sleep(0);
  throw error;
}
function* main() {
  yield* asyncio.asyncWith(new asyncio.TaskGroup(), function* (tg) {
    tg.createTask(fail(new RangeError("a")));
    tg.createTask(fail(new TypeError("b")));
  });
}
const mode = process.argv[2];
if (mode === "run") await asyncio.run(main());
const group = new asyncio.ExceptionGroup("unhandled errors in a TaskGroup", [new RangeError("a"), new TypeError("b")]);
if (mode === "throw") throw group;
if (mode === "reject") void Promise.reject(group);
if (mode === "console.error") console.error(group);
`;

  test.each(["run", "throw", "reject", "console.error"])("%s: one tree, each sub-exception once", async (mode) => {
    const { stderr } = await bundleAndRun(program, { args: [mode] });
    const lines = stderr.split("\n");
    expect(lines).toContain("ExceptionGroup: unhandled errors in a TaskGroup (2 sub-exceptions)");
    expect(lines).toContain("  +-+---------------- 1 ----------------");
    expect(lines).toContain("    +---------------- 2 ----------------");
    expect(lines.filter((line) => line.includes("RangeError: a"))).toEqual(["    | RangeError: a"]);
    expect(lines.filter((line) => line.includes("TypeError: b"))).toEqual(["    | TypeError: b"]);
    expect(stderr).not.toContain("exceptions:");
  });
});

describe("error class names", () => {
  test("survive bundling, renaming and minification", async () => {
    const { stdout, stderr } = await bundleAndRun(
      `
import { inspect } from "node:util";
import * as core from "@src/core/exceptions.ts";
import * as os from "@src/node/oserrors.ts";
// Classes of the same names in the entry make esbuild rename the library's.
class ExceptionGroup {}
class RuntimeError {}
class OSError {}
console.log(String([new ExceptionGroup(), new RuntimeError(), new OSError()].length));
const args: Record<string, unknown[]> = { ExceptionGroup: ["m", []], IncompleteReadError: [new Uint8Array(0), 1], LimitOverrunError: ["m", 0] };
const seen: Record<string, [string, string, string]> = {};
for (const [key, value] of Object.entries({ ...core, ...os })) {
  if (typeof value !== "function" || !(value.prototype instanceof Error)) continue;
  const error = new (value as new (...args: unknown[]) => Error)(...(args[key] ?? ["m"]));
  seen[key] = [value.name, error.name, inspect(error).split("\\n")[0]!.split(":")[0]!];
}
console.log(JSON.stringify(seen));
`,
      { minify: true },
    );
    expect(stderr).toBe("");
    const seen = JSON.parse(stdout.split("\n")[1]!) as Record<string, [string, string, string]>;
    expect(Object.keys(seen)).toEqual(expect.arrayContaining(["ExceptionGroup", "RuntimeError", "CancelledError", "OSError", "ConnectionResetError"]));
    for (const [key, names] of Object.entries(seen)) expect(names, key).toEqual([key, key, key]);
  });
});
