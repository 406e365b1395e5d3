/** The README's demo: the seed's two factorial programs, on a VirtualClock. */
import { execFileSync } from "node:child_process";
import { resolve } from "node:path";
import { expect, test } from "vitest";

const root = resolve(import.meta.dirname, "..");

test("the demo prints the seed's lines in the seed's order, 5 s then 3 s", () => {
  const started = performance.now();
  const out = execFileSync(process.execPath, ["--import", "tsx", "examples/demo.ts", "--virtual"], { cwd: root }).toString();
  const lines = out.split("\n").filter((l) => l !== "" && !l.startsWith("=="));
  const shape = lines.map((l) => l.replace(/^SLEEP \d{4}-\d\d-\d\d \d\d:\d\d:\d\d\.\d{6}$/, "SLEEP <now>"));
  const blocking = [
    "Task A: Compute factorial(2)",
    "SLEEP <now>",
    "Task A: Compute factorial(3)",
    "SLEEP <now>",
    "Task A: factorial(3) is 6",
    "Task B: Compute factorial(2)",
    "SLEEP <now>",
    "Task B: Compute factorial(3)",
    "SLEEP <now>",
    "Task B: Compute factorial(4)",
    "SLEEP <now>",
    "Task B: factorial(4) is 24",
    "Total time: 5.0",
  ];
  const interleaved = [
    "Task A: Compute factorial(2)",
    "SLEEP <now>",
    "Task B: Compute factorial(2)",
    "SLEEP <now>",
    "Task A: Compute factorial(3)",
    "SLEEP <now>",
    "Task B: Compute factorial(3)",
    "SLEEP <now>",
    "Task A: factorial(3) is 6",
    "Task B: Compute factorial(4)",
    "SLEEP <now>",
    "Task B: factorial(4) is 24",
    "Total time: 3.0",
  ];
  expect(shape.slice(0, -1)).toEqual([...blocking, ...interleaved]);
  expect(shape.at(-1)).toMatch(/took 3\.00 s instead of 5\.00 s: 2\.00 s faster/);
  // The SLEEP stamps follow virtual time: one second apart where the seed's are.
  const stamps = lines.filter((l) => l.startsWith("SLEEP")).map((l) => Date.parse(l.slice(6, 29).replace(" ", "T")));
  expect(stamps.map((s) => Math.round((s - stamps[0]!) / 1000))).toEqual([0, 1, 2, 3, 4, 5, 5, 6, 6, 7]);
  expect(performance.now() - started).toBeLessThan(10_000);
});
