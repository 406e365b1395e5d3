/**
 * asyncWith is an iterator object, not a generator (a generator level costs a resume
 * about 46 ns more). It must behave exactly as the generator it replaced, under every way
 * a coroutine can be driven: `next`, `throw` and `return`, at every phase. Each case
 * drives the object and that generator with the same calls and compares what came out.
 */
import * as asyncio from "asyncio-ts";
import { describe, expect, test } from "vitest";

/** The generator asyncWith is specified as (see asyncwith.ts). */
function* reference(cm: asyncio.AsyncContextManager<unknown>, body: (value: unknown) => asyncio.Coroutine<unknown>): asyncio.Coroutine<unknown> {
  const value = yield* cm.aenter();
  let result: unknown;
  try {
    result = yield* body(value);
  } catch (error) {
    if (yield* cm.aexit(error)) return undefined;
    throw error;
  }
  yield* cm.aexit();
  return result;
}

type Call = ["next", unknown?] | ["throw", unknown] | ["return", unknown?];

interface Scenario {
  /** What aenter does: suspend once first, throw, or return at once. */
  enter: "suspend" | "throw" | "plain";
  /** What the body does after one suspension. */
  body: "return" | "throw" | "catch-and-return" | "finally-suspends";
  /** What aexit does: swallow the error, let it through, throw its own, or suspend once first. */
  exit: "swallow" | "pass" | "throw" | "suspend-then-pass";
  calls: Call[];
}

/** Runs one driver through the calls; returns every outcome and the context manager's log. */
function drive(make: (cm: asyncio.AsyncContextManager<unknown>, body: (value: unknown) => asyncio.Coroutine<unknown>) => asyncio.Coroutine<unknown>, scenario: Scenario): string[] {
  const log: string[] = [];
  const cm: asyncio.AsyncContextManager<unknown> = {
    *aenter() {
      log.push("aenter");
      if (scenario.enter === "suspend") log.push(`aenter resumed with ${String(yield)}`);
      if (scenario.enter === "throw") throw new Error("from aenter");
      return "v";
    },
    *aexit(error?: unknown) {
      log.push(`aexit ${error === undefined ? "clean" : (error as Error).message}`);
      if (scenario.exit === "suspend-then-pass") log.push(`aexit resumed with ${String(yield)}`);
      if (scenario.exit === "throw") throw new Error("from aexit");
      return scenario.exit === "swallow";
    },
  };
  function* body(value: unknown): asyncio.Coroutine<unknown> {
    log.push(`body got ${String(value)}`);
    try {
      log.push(`body resumed with ${String(yield)}`);
      if (scenario.body === "throw") throw new Error("from body");
      return "result";
    } catch (error) {
      if (scenario.body !== "catch-and-return") throw error;
      log.push(`body caught ${(error as Error).message}`);
      return "recovered";
    } finally {
      if (scenario.body === "finally-suspends") log.push(`body finally resumed with ${String(yield)}`);
    }
  }
  const coroutine = make(cm, body);
  const outcomes: string[] = [];
  for (const [method, argument] of scenario.calls) {
    try {
      const step =
        method === "next" ? coroutine.next(argument) : method === "throw" ? coroutine.throw(argument) : coroutine.return(argument);
      outcomes.push(`${method} -> ${step.done ? "done" : "yield"} ${String(step.value)}`);
    } catch (error) {
      outcomes.push(`${method} -> threw ${(error as Error).message}`);
    }
  }
  return [...outcomes, ...log];
}

const enters = ["suspend", "throw", "plain"] as const;
const bodies = ["return", "throw", "catch-and-return", "finally-suspends"] as const;
const exits = ["swallow", "pass", "throw", "suspend-then-pass"] as const;
const callSequences: Call[][] = [
  [["next"], ["next", 1], ["next", 2], ["next", 3], ["next", 4], ["next", 5]],
  [["next"], ["throw", new Error("thrown in 1")], ["next", 2], ["next", 3], ["next", 4]],
  [["next"], ["next", 1], ["throw", new Error("thrown in 2")], ["next", 3], ["next", 4], ["next", 5]],
  [["next"], ["next", 1], ["return", "early"], ["next", 3], ["next", 4]],
  [["next"], ["return", "early"], ["next", 2], ["next", 3]],
  [["throw", new Error("before the start")], ["next"], ["next"]],
  [["return", "before the start"], ["next"]],
  [["next"], ["next", 1], ["next", 2], ["next", 3], ["next", 4], ["next", 5], ["throw", new Error("after the end")], ["return", "after the end"]],
];

describe("asyncWith behaves as its reference generator", () => {
  const scenarios: Scenario[] = [];
  for (const enter of enters) for (const body of bodies) for (const exit of exits) for (const calls of callSequences) scenarios.push({ enter, body, exit, calls });

  test(`in ${scenarios.length} scenarios of aenter, body, aexit and the calls that drive them`, () => {
    let compared = 0;
    for (const scenario of scenarios) {
      const expected = drive(reference, scenario);
      const actual = drive((cm, body) => asyncio.asyncWith(cm, body), scenario);
      expect(actual, JSON.stringify({ ...scenario, calls: scenario.calls.map((c) => c[0]) })).toEqual(expected);
      compared++;
    }
    expect(compared).toBe(enters.length * bodies.length * exits.length * callSequences.length);
  });

  test("the error names what was passed instead of a context manager: a literal by its keys, an instance by its class", () => {
    const protocol = "does not support the asynchronous context manager protocol: it needs aenter() and aexit() methods";
    const firstResume = (cm: unknown) => () => asyncio.asyncWith(cm as asyncio.AsyncContextManager<unknown>, function* () {}).next();
    expect(firstResume({ aenter() {}, exit() {} })).toThrow(`an object {aenter, exit} ${protocol}`);
    expect(firstResume({ a: 1, b: 2, c: 3, d: 4, e: 5 })).toThrow(`an object {a, b, c, d, …} ${protocol}`);
    expect(firstResume(Object.create(null))).toThrow(`a null-prototype object {} ${protocol}`);
    class Resource {}
    class Engine {}
    expect(firstResume(new Resource())).toThrow(`a Resource object ${protocol}`);
    expect(firstResume(new Engine())).toThrow(`an Engine object ${protocol}`);
  });

  test("a bad context manager or body fails at the first resume, not at the call, as a generator's body would", () => {
    const notAManager = asyncio.asyncWith({} as asyncio.AsyncContextManager<unknown>, function* () {});
    expect(() => notAManager.next()).toThrow("an empty object {} does not support the asynchronous context manager protocol: it needs aenter() and aexit() methods");
    expect(notAManager.next()).toEqual({ done: true, value: undefined });
    const noBody = asyncio.asyncWith(new asyncio.Lock(), 42 as never);
    expect(() => noBody.next()).toThrow("asyncWith() body must be a generator function, got 42");
  });

  test("it is a coroutine to createTask, and its frame shows as asyncWith in an await chain", () => {
    function* failing(): asyncio.Coroutine<void> {
      yield* asyncio.sleep(0);
      throw new RangeError("inside");
    }
    function* main() {
      const task = asyncio.createTask(asyncio.asyncWith(new asyncio.Lock(), failing));
      yield* task;
    }
    let stack = "";
    try {
      asyncio.runSync(main());
    } catch (error) {
      stack = (error as Error).stack ?? "";
    }
    expect(stack).toMatch(/^RangeError: inside\n/);
    expect(stack).toMatch(/\n\s+at failing \(/);
    expect(stack).toMatch(/\n\s+at async main \(/);
    expect(stack).not.toMatch(/AsyncWith\.(?:next|throw|return) /);
  });
});
