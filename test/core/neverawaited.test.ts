/**
 * Python warns `coroutine 'sleep' was never awaited` when `asyncio.sleep(1)` is called
 * without `await`; in debug mode asyncio-ts does too, with where it was made (issue 12,
 * item 2). A user's own coroutine cannot be seen at run time: the ESLint rule sees it.
 */
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import * as asyncio from "asyncio-ts";
import { afterEach, beforeEach, expect, test } from "vitest";

setFlagsFromString("--expose-gc");
const gc = runInNewContext("gc") as () => void;

let warnings: string[] = [];
const originalWarn = console.warn;
beforeEach(() => {
  warnings = [];
  console.warn = (text: string) => warnings.push(text);
});
afterEach(() => {
  console.warn = originalWarn;
});

function* forgetsToAwait() {
  asyncio.sleep(1); // the mistake
  yield* asyncio.sleep(2);
  return "done";
}

test("in debug mode, a sleep never awaited is reported when the run ends, with where it was made", () => {
  expect(asyncio.runSync(forgetsToAwait(), { debug: true, clock: new asyncio.VirtualClock() })).toBe("done");
  expect(warnings).toHaveLength(1);
  expect(warnings[0]).toMatch(/^RuntimeWarning: coroutine 'sleep' was never awaited\nCoroutine created at \(most recent call first\)\n\s+at forgetsToAwait \(.*neverawaited\.test\.ts:\d+:\d+\)/);
});

test("awaited, cancelled, given to a task or to gather: never reported", () => {
  asyncio.runSync(
    (function* () {
      yield* asyncio.sleep(0);
      const task = asyncio.createTask(asyncio.sleep(5));
      yield* asyncio.gather(asyncio.sleep(1), asyncio.sleep(0.5));
      task.cancel();
      const closed = asyncio.sleep(3);
      closed.return(undefined);
    })(),
    { debug: true, clock: new asyncio.VirtualClock() },
  );
  expect(warnings).toEqual([]);
});

test("outside debug mode nothing is watched", () => {
  asyncio.runSync(forgetsToAwait(), { clock: new asyncio.VirtualClock() });
  expect(warnings).toEqual([]);
});

test("a long-running debug loop reports the forgotten sleep when it is collected", async () => {
  const loop = asyncio.newEventLoop({ debug: true, clock: new asyncio.VirtualClock() });
  loop.runUntilCompleteSync(forgetsToAwait());
  for (let i = 0; i < 5 && warnings.length === 0; i++) {
    gc();
    await new Promise((r) => setTimeout(r, 10));
  }
  expect(warnings.map((w) => w.split("\n")[0])).toEqual(["RuntimeWarning: coroutine 'sleep' was never awaited"]);
  loop.close();
  expect(warnings).toHaveLength(1);
});
