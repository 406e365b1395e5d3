/**
 * An error that crosses tasks shows the chain of coroutines that awaited it, with the
 * line each was suspended at (issue 12, item 3), and a failure costs no stack
 * formatting on the loop's path (item 5): V8 formats a stack when `.stack` is first
 * read, which under source maps costs a lookup per frame.
 */
import { readFileSync } from "node:fs";
import * as asyncio from "asyncio-ts";
import { afterEach, describe, expect, test } from "vitest";

const source = readFileSync(import.meta.filename, "utf8").split("\n");
/** The 1-based line of this file holding `marker`. */
function lineOf(marker: string): number {
  const index = source.findIndex((line) => line.includes(marker) && !line.includes("lineOf("));
  if (index < 0) throw new Error(`no line with ${marker}`);
  return index + 1;
}

function* inner() {
  yield* asyncio.sleep(0);
  throw new RangeError("deep"); // raised here
}

function* helper() {
  return yield* asyncio.createTask(inner()); // helper waits here
}

function* middle() {
  return yield* helper(); // middle waits here
}

function* main() {
  return yield* asyncio.createTask(middle()); // main waits here
}

function frames(stack: string): string[] {
  return stack.split("\n").filter((line) => /^\s+at /.test(line));
}

describe("the await chain", () => {
  test("an error out of run shows every awaiting coroutine, innermost first, at the line it waited", async () => {
    const error = (await asyncio.run(main()).catch((e: unknown) => e)) as Error;
    const lines = frames(error.stack!);
    const file = import.meta.filename;
    expect(lines).toEqual([
      expect.stringMatching(new RegExp(`^    at inner \\(${file}:${lineOf("raised here")}:\\d+\\)$`)),
      expect.stringMatching(new RegExp(`^    at async helper \\(${file}:${lineOf("helper waits here")}:\\d+\\)$`)),
      expect.stringMatching(new RegExp(`^    at async middle \\(${file}:${lineOf("middle waits here")}:\\d+\\)$`)),
      expect.stringMatching(new RegExp(`^    at async main \\(${file}:${lineOf("main waits here")}:\\d+\\)$`)),
    ]);
    expect(error.stack!.split("\n")[0]).toBe("RangeError: deep");
  });

  test("runSync shows it too, and the loop's own frames are left out", () => {
    let error: Error | undefined;
    try {
      asyncio.runSync(main());
    } catch (e) {
      error = e as Error;
    }
    expect(error!.stack).toMatch(/at async main /);
    expect(error!.stack).not.toMatch(/_runStep|_runOnce|runSynchronously|\.throw \(<anonymous>\)/);
  });

  test("withAwaitChain shows it for an error caught inside a coroutine, once", () => {
    const stacks = asyncio.runSync(
      (function* () {
        try {
          yield* asyncio.createTask(middle());
        } catch (error) {
          const once = asyncio.withAwaitChain(error as Error).stack!;
          return [once, asyncio.withAwaitChain(error as Error).stack!];
        }
        return [];
      })(),
    );
    // The anonymous coroutine that caught it has no name: V8 prints only its place.
    expect(stacks[0]).toMatch(/\n\s+at async helper .*\n\s+at async middle .*\n\s+at async \S+awaitchain\.test\.ts:\d+:\d+$/);
    expect(stacks[1]).toBe(stacks[0]);
  });

  test("the default exception handler prints the chain of a never-retrieved error", () => {
    const printed: string[] = [];
    const original = console.error;
    console.error = (text: string) => printed.push(text);
    try {
      asyncio.runSync(
        (function* () {
          asyncio.createTask(middle());
          yield* asyncio.sleep(0.1);
        })(),
        { clock: new asyncio.VirtualClock() },
      );
    } finally {
      console.error = original;
    }
    expect(printed).toHaveLength(1);
    expect(printed[0]).toMatch(/^Task exception was never retrieved\nfuture: <Task finished name='Task-\d+' exception=RangeError\('deep'\)>\nRangeError: deep\n\s+at inner .*\n\s+at async helper .*\n\s+at async middle /);
  });

  test("a TaskGroup's ExceptionGroup keeps its tree of members, the chain after its own frames", async () => {
    function* group() {
      yield* asyncio.asyncWith(new asyncio.TaskGroup(), function* (tg) {
        tg.createTask(inner());
      });
    }
    function* awaitsGroup() {
      yield* asyncio.createTask(group()); // awaitsGroup waits here
    }
    const error = (await asyncio.run(awaitsGroup()).catch((e: unknown) => e)) as Error;
    const lines = error.stack!.split("\n");
    expect(lines[0]).toBe("ExceptionGroup: unhandled errors in a TaskGroup (1 sub-exception)");
    const chain = lines.findIndex((line) => /^\s+at async awaitsGroup /.test(line));
    const box = lines.findIndex((line) => line.includes("+-+---------------- 1 ----------------"));
    expect(chain).toBeGreaterThan(0);
    expect(box).toBeGreaterThan(chain);
    expect(lines.slice(box + 1).join("\n")).toMatch(/^\s+\| RangeError: deep\n\s+\|\s+at inner /);
  });

  test("a cancellation records nothing", () => {
    const cancelled = asyncio.runSync(
      (function* () {
        const sleeper = asyncio.createTask(asyncio.sleep(10));
        const waiter = asyncio.createTask(
          (function* () {
            return yield* sleeper;
          })(),
        );
        yield* asyncio.sleep(0);
        sleeper.cancel();
        try {
          yield* waiter;
        } catch (error) {
          return error as Error;
        }
      })(),
      { clock: new asyncio.VirtualClock() },
    );
    expect(cancelled).toBeInstanceOf(asyncio.CancelledError);
    expect(Object.getOwnPropertySymbols(cancelled!)).toEqual([]);
  });
});

describe("no stack formatting on the loop's path", () => {
  const original = Error.prepareStackTrace;
  afterEach(() => {
    Error.prepareStackTrace = original;
  });

  test("10 000 tasks failing, awaited across tasks, caught or left unretrieved: not one stack is formatted", () => {
    let formatted = 0;
    Error.prepareStackTrace = (error, callSites) => {
      formatted++;
      return `${String(error)}\n${callSites.map((site) => `    at ${site}`).join("\n")}`;
    };
    const outcome = asyncio.runSync(
      (function* () {
        let caught = 0;
        for (let i = 0; i < 10_000; i++) {
          try {
            yield* asyncio.createTask(middle());
          } catch {
            caught++;
          }
        }
        asyncio.getRunningLoop().setExceptionHandler(() => {});
        asyncio.createTask(inner()); // never retrieved: reported (and formatted) when the loop closes
        const settled = yield* asyncio.gather(
          Array.from({ length: 100 }, () => asyncio.createTask(inner())),
          { returnExceptions: true },
        );
        return [caught, settled.length, formatted];
      })(),
      { clock: new asyncio.VirtualClock() },
    );
    expect(outcome).toEqual([10_000, 100, 0]);
  });
});

describe("cancellations and timeouts capture no stack outside debug mode (issue 17)", () => {
  const HINT = /^    \(no stack: outside debug mode asyncio-ts captures none for cancellations and timeouts; set ASYNCIO_TS_DEBUG=1 or pass \{ debug: true \} to see where this one was raised\)$/;

  function* expires() {
    yield* asyncio.asyncWith(asyncio.timeout(0.01), function* () {
      yield* asyncio.sleep(1);
    }); // the scope that expires
  }

  test("an expired timeout's TimeoutError, caught in the program, has no frame", () => {
    const stacks = asyncio.runSync(
      (function* () {
        try {
          yield* expires();
        } catch (error) {
          return [(error as Error).stack, ((error as Error).cause as Error).stack];
        }
      })(),
      { clock: new asyncio.VirtualClock() },
    );
    // The header alone (vitest's stack formatting adds ": " to an empty message).
    expect(stacks).toEqual([expect.stringMatching(/^TimeoutError(: )?$/), expect.stringMatching(/^CancelledError(: )?$/)]);
  });

  test("out of run, it says how to get its frames, and its cause does not repeat it", async () => {
    const error = (await asyncio.run(expires(), { clock: new asyncio.VirtualClock() }).catch((e: unknown) => e)) as Error;
    expect(error).toBeInstanceOf(asyncio.TimeoutError);
    const [header, hint, ...rest] = error.stack!.split("\n");
    expect(header).toMatch(/^TimeoutError(: )?$/);
    expect(hint).toMatch(HINT);
    expect(rest).toEqual([]);
    expect((error.cause as Error).stack).toMatch(/^CancelledError(: )?$/);
  });

  test("across tasks, the hint comes where its frames would be, before the await chain", () => {
    function* awaits() {
      yield* asyncio.createTask(expires()); // awaits waits here
    }
    let error: Error | undefined;
    try {
      asyncio.runSync(awaits(), { clock: new asyncio.VirtualClock() });
    } catch (e) {
      error = e as Error;
    }
    const lines = error!.stack!.split("\n");
    expect(lines[0]).toMatch(/^TimeoutError(: )?$/);
    expect(lines[1]).toMatch(HINT);
    expect(lines.slice(2)).toEqual([
      expect.stringMatching(new RegExp(`^    at async awaits \\(${import.meta.filename}:${lineOf("awaits waits here")}:\\d+\\)$`)),
    ]);
  });

  test("a cancellation out of run says it too", () => {
    let error: Error | undefined;
    try {
      asyncio.runSync(
        (function* () {
          asyncio.currentTask()!.cancel("stop here");
          yield* asyncio.sleep(0);
        })(),
      );
    } catch (e) {
      error = e as Error;
    }
    expect(error).toBeInstanceOf(asyncio.CancelledError);
    const [header, hint, ...rest] = error!.stack!.split("\n");
    expect(header).toBe("CancelledError: stop here");
    expect(hint).toMatch(HINT);
    expect(rest).toEqual([]);
  });

  test("debug mode keeps the frames, from the scope's exit up to the coroutine holding it", () => {
    let error: Error | undefined;
    try {
      asyncio.runSync(expires(), { clock: new asyncio.VirtualClock(), debug: true });
    } catch (e) {
      error = e as Error;
    }
    const lines = frames(error!.stack!);
    expect(lines[0]).toMatch(/^    at Timeout\.aexit /);
    expect(lines).toContainEqual(
      expect.stringMatching(new RegExp(`^    at expires \\(${import.meta.filename}:${lineOf("the scope that expires") - 2}:\\d+\\)$`)),
    );
    expect(error!.stack).not.toMatch(/no stack:/);
  });

  test("so are the TimeoutErrors of waitFor(aw, 0) and of asCompleted past its timeout; in debug mode they have frames", () => {
    function* both() {
      const stacks: string[] = [];
      try {
        yield* asyncio.waitFor(asyncio.sleep(1), 0);
      } catch (error) {
        stacks.push((error as Error).stack!);
      }
      try {
        for (const next of asyncio.asCompleted([asyncio.sleep(1)], { timeout: 0.1 })) yield* next;
      } catch (error) {
        stacks.push((error as Error).stack!);
      }
      return stacks;
    }
    const plain = asyncio.runSync(both(), { clock: new asyncio.VirtualClock() });
    expect(plain).toEqual([expect.stringMatching(/^TimeoutError(: )?$/), expect.stringMatching(/^TimeoutError(: )?$/)]);
    const debug = asyncio.runSync(both(), { clock: new asyncio.VirtualClock(), debug: true });
    expect(debug.map((stack) => frames(stack).length > 0)).toEqual([true, true]);
  });

  test("a TimeoutError the program raises itself keeps its stack and gets no hint", () => {
    let error: Error | undefined;
    try {
      asyncio.runSync(
        (function* () {
          yield* asyncio.sleep(0);
          throw new asyncio.TimeoutError("mine");
        })(),
      );
    } catch (e) {
      error = e as Error;
    }
    expect(frames(error!.stack!).length).toBeGreaterThan(0);
    expect(error!.stack).not.toMatch(/no stack:/);
  });
});
