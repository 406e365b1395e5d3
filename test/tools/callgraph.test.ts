/**
 * CPython 3.14's call graph introspection (issue 13, item 2): captureCallGraph,
 * formatCallGraph, printCallGraph and futureAddToAwaitedBy / futureDiscardFromAwaitedBy,
 * with "awaited by" through yield*, gather, TaskGroup and waitFor.
 */
import { readFileSync } from "node:fs";
import * as asyncio from "asyncio-ts";
import { expect, test } from "vitest";

const virtual = () => ({ clock: new asyncio.VirtualClock() });
const source = readFileSync(import.meta.filename, "utf8").split("\n");
/** The 1-based line of this file that holds `marker`. */
const lineOf = (marker: string): number => source.findIndex((line) => line.includes(marker) && !line.includes("lineOf(")) + 1;

const name = (future: asyncio.Future<unknown>): string => (future instanceof asyncio.Task ? future.getName() : "Future");
/** A graph as nested names: `inner <- [middle <- [main]]`. */
function shape(graph: asyncio.FutureCallGraph): string {
  return graph.awaitedBy.length === 0 ? name(graph.future) : `${name(graph.future)} <- [${graph.awaitedBy.map(shape).join(", ")}]`;
}

test("nested tasks: the innermost task is awaited by the middle one, awaited by main", () => {
  const { fromInside, fromOutside } = asyncio.runSync(
    (function* main() {
      let fromInside: asyncio.FutureCallGraph | undefined;
      function* inner() {
        fromInside = asyncio.captureCallGraph();
        yield* asyncio.sleep(1);
      }
      const innerTask = asyncio.createTask(inner(), { name: "inner" });
      const middle = asyncio.createTask(
        (function* () {
          yield* innerTask;
        })(),
        { name: "middle" },
      );
      let fromOutside: asyncio.FutureCallGraph | undefined;
      asyncio.getRunningLoop().callLater(0.5, () => (fromOutside = asyncio.captureCallGraph(innerTask)));
      yield* middle;
      return { fromInside: fromInside!, fromOutside: fromOutside! };
    })(),
    { ...virtual() },
  );
  // inner ran first, before middle awaited it.
  expect(shape(fromInside)).toBe("inner");
  expect(shape(fromOutside).replace(/Task-\d+/, "Task-N")).toBe("inner <- [middle <- [Task-N]]");
  // Outside debug mode a suspended task's position is unknown.
  expect(fromOutside.callStack).toEqual([]);
});

test("gather: each pending child is awaited by the task awaiting the gather, as 3.14 records", () => {
  const graphs = asyncio.runSync(
    (function* () {
      const a = asyncio.createTask(asyncio.sleep(1), { name: "a" });
      const b = asyncio.createTask(asyncio.sleep(2), { name: "b" });
      const gathering = asyncio.gather(a, b, asyncio.gather(asyncio.createTask(asyncio.sleep(3), { name: "c" })));
      const out: string[] = [];
      asyncio.getRunningLoop().callLater(0.5, () => {
        for (const future of [a, b, gathering]) out.push(shape(asyncio.captureCallGraph(future)!));
        const c = [...asyncio.allTasks()].find((task) => task.getName() === "c")!;
        out.push(shape(asyncio.captureCallGraph(c)!));
      });
      asyncio.getRunningLoop().callLater(1.5, () => out.push(shape(asyncio.captureCallGraph(b)!)));
      yield* gathering;
      return out;
    })(),
    virtual(),
  );
  expect(graphs.map((graph) => graph.replace(/Task-\d+/, "Task-N"))).toEqual([
    "a <- [Task-N]",
    "b <- [Task-N]",
    "Future <- [Task-N]",
    "c <- [Task-N]",
    "b <- [Task-N]",
  ]);
});

test("TaskGroup: its tasks are awaited by the group's parent task", () => {
  const graph = asyncio.runSync(
    (function* parent() {
      let graph: asyncio.FutureCallGraph | undefined;
      yield* asyncio.asyncWith(new asyncio.TaskGroup(), function* (tg) {
        const child = tg.createTask(asyncio.sleep(1), { name: "child" });
        tg.createTask(
          (function* () {
            yield* asyncio.sleep(0.5);
            graph = asyncio.captureCallGraph(child);
          })(),
        );
      });
      return graph!;
    })(),
    virtual(),
  );
  expect(shape(graph).replace(/Task-\d+/, "Task-N")).toBe("child <- [Task-N]");
});

test("waitFor: the awaited task is awaited by the caller", () => {
  const graph = asyncio.runSync(
    (function* () {
      const task = asyncio.createTask(asyncio.sleep(1), { name: "slow" });
      let graph: asyncio.FutureCallGraph | undefined;
      asyncio.getRunningLoop().callLater(0.5, () => (graph = asyncio.captureCallGraph(task)));
      yield* asyncio.waitFor(task, 10);
      return graph!;
    })(),
    virtual(),
  );
  expect(shape(graph).replace(/Task-\d+/, "Task-N")).toBe("slow <- [Task-N]");
});

test("the current task's call stack names the calling functions, innermost first, with this file's lines", () => {
  const graphs = asyncio.runSync(
    (function* outer() {
      function plain(options?: asyncio.CallGraphOptions) {
        return asyncio.captureCallGraph(undefined, options)!; // capture site
      }
      function* helper() {
        yield* asyncio.sleep(0);
        return [plain(), plain({ depth: 2 }), plain({ limit: 1 }), plain({ limit: -1 }), plain({ limit: 0 })]; // helper site
      }
      return yield* helper(); // outer site
    })(),
  );
  const file = import.meta.filename;
  const [all, deeper, outermost, innermost, none] = graphs.map((graph) => graph.callStack.map((entry) => entry.frame));
  expect(all!.map((frame) => [frame.functionName, frame.fileName, frame.lineNumber, frame.coroutine])).toEqual([
    ["plain", file, lineOf("// capture site"), false],
    ["helper", file, lineOf("// helper site"), true],
    ["outer", file, lineOf("// outer site"), true],
  ]);
  expect(deeper!.map((frame) => frame.functionName)).toEqual(["helper", "outer"]);
  expect(outermost!.map((frame) => frame.functionName)).toEqual(["outer"]);
  expect(innermost!.map((frame) => frame.functionName)).toEqual(["plain"]);
  expect(none).toEqual([]);
});

test("in debug mode another task's call stack is the coroutine chain it is suspended in", () => {
  function* worker() {
    yield* asyncio.sleep(1); // worker waits here
  }
  function* main() {
    const task = asyncio.createTask(worker(), { name: "worker" });
    yield* asyncio.sleep(0.5);
    return asyncio.captureCallGraph(task)!;
  }
  const graph = asyncio.runSync(main(), { debug: true, ...virtual() });
  const frames = graph.callStack.map((entry) => entry.frame);
  expect(frames.at(-1)).toMatchObject({
    functionName: "worker",
    fileName: import.meta.filename,
    lineNumber: lineOf("// worker waits here"),
    coroutine: true,
  });
  expect(asyncio.runSync(main(), virtual()).callStack).toEqual([]);
});

test("tasks awaiting each other in a cycle: the graph stops where the cycle closes", () => {
  const graph = asyncio.runSync(
    (function* () {
      const tasks: asyncio.Task<unknown>[] = [];
      function* next(i: number) {
        yield;
        yield* tasks[(i + 1) % 2]!;
      }
      tasks.push(asyncio.createTask(next(0), { name: "a" }), asyncio.createTask(next(1), { name: "b" }));
      yield* asyncio.sleep(0);
      yield* asyncio.sleep(0);
      const graph = asyncio.captureCallGraph(tasks[0]);
      for (const task of tasks) task.cancel();
      yield* asyncio.wait(tasks);
      return graph!;
    })(),
  );
  expect(shape(graph)).toBe("a <- [b <- [a]]");
});

test("futureAddToAwaitedBy records a waiter until futureDiscardFromAwaitedBy; non-futures are ignored as in 3.14", () => {
  const result = asyncio.runSync(
    (function* () {
      const loop = asyncio.getRunningLoop();
      const inner = loop.createFuture();
      const outer = loop.createFuture();
      const task = asyncio.currentTask()!;
      asyncio.futureAddToAwaitedBy(inner, outer);
      asyncio.futureAddToAwaitedBy(inner, outer);
      asyncio.futureAddToAwaitedBy(outer, task);
      const added = shape(asyncio.captureCallGraph(inner)!);
      asyncio.futureDiscardFromAwaitedBy(inner, outer);
      const discarded = shape(asyncio.captureCallGraph(inner)!);
      const bad = {} as asyncio.Future<unknown>;
      asyncio.futureAddToAwaitedBy(bad, outer);
      asyncio.futureAddToAwaitedBy(inner, bad);
      asyncio.futureDiscardFromAwaitedBy(bad, outer);
      asyncio.futureDiscardFromAwaitedBy(inner, bad);
      return { added, discarded, after: shape(asyncio.captureCallGraph(inner)!) };
    })(),
  );
  expect(result.added.replace(/Task-\d+/, "Task-N")).toBe("Future <- [Future <- [Task-N]]");
  expect(result.discarded).toBe("Future");
  expect(result.after).toBe("Future");
});

test("errors and empty results as in 3.14", () => {
  expect(() => asyncio.captureCallGraph()).toThrow(asyncio.RuntimeError);
  expect(() => asyncio.captureCallGraph()).toThrow(
    "captureCallGraph() is called outside of a running event loop and no future to introspect was provided",
  );
  expect(() => asyncio.captureCallGraph({} as asyncio.Future<unknown>)).toThrow(TypeError);
  const notAFuture = {} as asyncio.Future<unknown>;
  expect(() => asyncio.captureCallGraph(notAFuture)).toThrow("an empty object {} does not appear to be compatible with asyncio.Future");
  const out = asyncio.runSync(
    (function* () {
      const loop = asyncio.getRunningLoop();
      const future = loop.createFuture<string>();
      loop.callSoon(() => future.setResult(`${asyncio.captureCallGraph() === undefined} ${JSON.stringify(asyncio.formatCallGraph())}`));
      expect(() => asyncio.captureCallGraph(undefined, { depth: 1.5 })).toThrow(TypeError);
      expect(() => asyncio.captureCallGraph(undefined, { limit: "1" as unknown as number })).toThrow(TypeError);
      return yield* future;
    })(),
  );
  expect(out).toBe('true ""');
  // A future given outside any loop is introspected all the same.
  const loop = asyncio.newEventLoop();
  const future = loop.createFuture();
  expect(shape(asyncio.captureCallGraph(future)!)).toBe("Future");
  loop.close();
});

test("formatCallGraph: 3.14's layout, as in its documented example", () => {
  const texts: string[] = [];
  function* test() {
    asyncio.printCallGraph(undefined, { file: (text) => texts.push(text) }); // test prints
  }
  function* main() {
    yield* asyncio.asyncWith(new asyncio.TaskGroup(), function* (g) { // main waits
      g.createTask(test(), { name: "test" });
    });
  }
  asyncio.runSync(main());
  asyncio.runSync(main(), { debug: true });
  const normalise = (text: string): string[] =>
    text
      .replaceAll(import.meta.filename, "t2.ts")
      .replace(/id=0x[0-9a-f]+/g, "id=0x…")
      .replace(/Task-\d+/g, "Task-1")
      .replace(/File '[^']*\/src\/core\/([a-z]+\.ts)', line \d+, column \d+/g, "File '$1', line N, column N")
      .split("\n");
  const col = (marker: string, what: string): number => source[lineOf(marker) - 1]!.indexOf(what) + 1;
  const testLine = `  |   File 't2.ts', line ${lineOf("// test prints")}, column ${col("// test prints", "printCallGraph")}, in async test()`;
  expect(normalise(texts[0]!)).toEqual([
    "* Task(name='test', id=0x…)",
    "  + Call stack:",
    testLine,
    "  + Awaited by:",
    "    * Task(name='Task-1', id=0x…)",
  ]);
  // In debug mode the parent's call stack is where it waits, library frames included,
  // as 3.14 shows `TaskGroup.__aexit__` above `main`.
  expect(normalise(texts[1]!)).toEqual([
    "* Task(name='test', id=0x…)",
    "  + Call stack:",
    testLine,
    "  + Awaited by:",
    "    * Task(name='Task-1', id=0x…)",
    "      + Call stack:",
    "      |   File 'taskgroups.ts', line N, column N, in async TaskGroup.aexit()",
    "      |   File 'asyncwith.ts', line N, column N, in async asyncWith()",
    `      |   File 't2.ts', line ${lineOf("// main waits")}, column ${col("// main waits", "asyncWith")}, in async main()`,
  ]);
});

test("a future's id stays the same from one call to the next", () => {
  asyncio.runSync(
    (function* () {
      const future = asyncio.getRunningLoop().createFuture();
      const first = asyncio.formatCallGraph(future);
      expect(first).toMatch(/^\* Future\(id=0x[0-9a-f]+\)$/);
      expect(asyncio.formatCallGraph(future)).toBe(first);
    })(),
  );
});

test("a shielded future is awaited by the task that shielded it, as 3.14 records it", () => {
  const names = asyncio.runSync(
    (function* () {
      const inner = asyncio.createTask(asyncio.sleep(2), { name: "inner" });
      const shielding = asyncio.createTask(
        (function* () {
          yield* asyncio.shield(inner);
        })(),
        { name: "shielding" },
      );
      yield* asyncio.sleep(1);
      const graph = asyncio.captureCallGraph(inner)!;
      yield* shielding;
      return graph.awaitedBy.map((g) => (g.future as asyncio.Task<unknown>).getName());
    })(),
    { clock: new asyncio.VirtualClock() },
  );
  expect(names).toEqual(["shielding"]);
});
