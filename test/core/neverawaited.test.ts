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

test("ASYNCIO_TS_DEBUG in the environment turns debug mode on, as PYTHONASYNCIODEBUG does", async () => {
  const { spawnSync } = await import("node:child_process");
  const { resolve } = await import("node:path");
  const root = resolve(import.meta.dirname, "..", "..");
  const script = [
    `import * as asyncio from ${JSON.stringify(resolve(root, "src", "index.ts"))};`,
    "console.log(asyncio.newEventLoop().getDebug(), asyncio.newEventLoop({ debug: false }).getDebug());",
    "asyncio.runSync((function* () { asyncio.sleep(1); yield; })());",
  ].join("\n");
  const run = (value: string | undefined) => {
    const env = { ...process.env };
    delete env.ASYNCIO_TS_DEBUG;
    if (value !== undefined) env.ASYNCIO_TS_DEBUG = value;
    return spawnSync(process.execPath, ["--import", "tsx", "--input-type=module", "-e", script], { cwd: root, encoding: "utf8", env });
  };
  const on = run("1");
  expect(on.stdout).toBe("true false\n");
  expect(on.stderr).toMatch(/^RuntimeWarning: coroutine 'sleep' was never awaited\n/);
  const off = run(undefined);
  expect([off.stdout, off.stderr]).toEqual(["false false\n", ""]);
  expect(run("").stdout).toBe("false false\n");
});
