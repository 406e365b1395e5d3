/**
 * Errors nobody retrieved are reported through the exception handler, as Python does
 * when it destroys the future: when the loop closes (so at the end of `run` and
 * `runSync`), when the process exits with the loop still open, and, for a program that
 * runs on, when the future is collected. Never twice, never for an error someone saw.
 */
import { spawnSync } from "node:child_process";
import { resolve } from "node:path";
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import * as asyncio from "asyncio-ts";
import { describe, expect, test } from "vitest";

setFlagsFromString("--expose-gc");
const gc = runInNewContext("gc") as () => void;

async function collect(): Promise<void> {
  for (let i = 0; i < 5; i++) {
    gc();
    await new Promise((r) => setTimeout(r, 10));
  }
}

const virtual = () => ({ clock: new asyncio.VirtualClock() });

function reportsOf(loop: asyncio.EventLoop): string[] {
  const reports: string[] = [];
  loop.setExceptionHandler((_, context) => {
    const error = context.exception as Error | undefined;
    reports.push(`${context.message}${error === undefined ? "" : `: ${error.message}`}`);
  });
  return reports;
}

/** Runs `loop` for `seconds` of virtual time with an idle moment every 1.5 s. */
function idleFor(loop: asyncio.EventLoop, seconds: number): void {
  for (let t = 0; t < seconds; t += 1.5) loop.runUntilCompleteSync(asyncio.sleep(1.5));
}

function* fail(message: string) {
  yield;
  throw new RangeError(message);
}

describe("reported when the loop closes", () => {
  test("a task error and a future error nobody retrieved, once each, at runSync's end", () => {
    let reports: string[] = [];
    asyncio.runSync(
      (function* () {
        reports = reportsOf(asyncio.getRunningLoop());
        asyncio.createTask(fail("task lost"));
        asyncio.getRunningLoop().createFuture().setException(new RangeError("future lost"));
        yield* asyncio.sleep(1);
        expect(reports).toEqual([]);
      })(),
      virtual(),
    );
    expect(reports.sort()).toEqual(["Future exception was never retrieved: future lost", "Task exception was never retrieved: task lost"]);
  });

  test("at run's end too, with Python's context keys", async () => {
    const contexts: asyncio.ExceptionContext[] = [];
    await asyncio.run(
      (function* () {
        asyncio.getRunningLoop().setExceptionHandler((_, context) => contexts.push(context));
        asyncio.createTask(fail("lost"));
        yield* asyncio.sleep(0.01);
      })(),
    );
    expect(contexts.map((c) => Object.keys(c).sort())).toEqual([["exception", "future", "message"]]);
    expect(contexts[0]!.future).toBeInstanceOf(asyncio.Task);
  });

  test("an error retrieved in any way is never reported", () => {
    let reports: string[] = [];
    asyncio.runSync(
      (function* () {
        reports = reportsOf(asyncio.getRunningLoop());
        const awaited = asyncio.createTask(fail("awaited"));
        const asked = asyncio.createTask(fail("asked"));
        const resulted = asyncio.createTask(fail("resulted"));
        const gathered = asyncio.createTask(fail("gathered"));
        const waited = asyncio.createTask(fail("waited"));
        yield* asyncio.sleep(1);
        try {
          yield* awaited;
        } catch {}
        asked.exception();
        try {
          resulted.result();
        } catch {}
        yield* asyncio.gather(gathered, { returnExceptions: true });
        const [done] = yield* asyncio.wait([waited]);
        for (const task of done) task.exception();
      })(),
      virtual(),
    );
    expect(reports).toEqual([]);
  });

  test("an error retrieved after a second of loop time is not reported either", () => {
    let reports: string[] = [];
    asyncio.runSync(
      (function* () {
        reports = reportsOf(asyncio.getRunningLoop());
        const late = asyncio.createTask(fail("late"));
        // Long enough for the loop to hand the error over to the collection watch.
        for (let i = 0; i < 5; i++) yield* asyncio.sleep(1);
        try {
          yield* late;
        } catch {}
      })(),
      virtual(),
    );
    expect(reports).toEqual([]);
  });

  test("a task still pending when its loop is closed: Task was destroyed but it is pending!", () => {
    const loop = asyncio.newEventLoop(virtual());
    const contexts: asyncio.ExceptionContext[] = [];
    loop.setExceptionHandler((_, context) => contexts.push(context));
    const forever = loop.createTask(asyncio.sleep(100));
    loop.runUntilCompleteSync(asyncio.sleep(1));
    expect(contexts).toEqual([]);
    loop.close();
    // (toEqual would iterate the Task, which is `yield*`-able.)
    expect(contexts.map((c) => [c.message, c.task === forever, Object.keys(c).sort()])).toEqual([
      ["Task was destroyed but it is pending!", true, ["message", "task"]],
    ]);
    loop.close();
    expect(contexts).toHaveLength(1);
  });

  test("a loop closed after many failures reports every unseen one, in order, and no seen one", () => {
    const loop = asyncio.newEventLoop(virtual());
    const reports = reportsOf(loop);
    const tasks = Array.from({ length: 3000 }, (_, i) => loop.createTask(fail(String(i))));
    loop.runUntilCompleteSync(asyncio.sleep(0.1));
    for (let i = 0; i < tasks.length; i += 2) tasks[i]!.exception();
    loop.close();
    expect(reports).toEqual(tasks.flatMap((_, i) => (i % 2 === 1 ? [`Task exception was never retrieved: ${i}`] : [])));
  });
});

describe("reported while the program runs", () => {
  test("a task error nobody retrieved reaches the handler when the task is collected, with the loop still open", async () => {
    const loop = asyncio.newEventLoop(virtual());
    const reports = reportsOf(loop);
    loop.createTask(fail("lost"));
    // Idle moments over three seconds: the error, unseen for more than one, is watched for collection.
    idleFor(loop, 4.5);
    await collect();
    expect(reports).toEqual(["Task exception was never retrieved: lost"]);
    loop.close();
    expect(reports).toHaveLength(1);
  });

  test("an error the loop handed over is still reported at close if its task is alive, once", async () => {
    const loop = asyncio.newEventLoop(virtual());
    const reports = reportsOf(loop);
    const kept = loop.createTask(fail("kept"));
    idleFor(loop, 4.5);
    await collect();
    expect(reports).toEqual([]);
    expect(kept._exc).toBe(3); // watched for collection, no longer held by the loop
    loop.close();
    expect(reports).toEqual(["Task exception was never retrieved: kept"]);
    await collect();
    expect(reports).toHaveLength(1);
    expect(kept.done()).toBe(true);
  });

  test("a retrieved task error is not reported at collection", async () => {
    const loop = asyncio.newEventLoop(virtual());
    const reports = reportsOf(loop);
    const task = loop.createTask(fail("seen"));
    idleFor(loop, 4.5);
    task.exception();
    await collect();
    loop.close();
    expect(reports).toEqual([]);
  });

  test("a loop never closed reports at process exit", () => {
    const root = resolve(import.meta.dirname, "..", "..");
    const script = [
      `import * as asyncio from ${JSON.stringify(resolve(root, "src", "index.ts"))};`,
      "const loop = asyncio.newEventLoop();",
      "loop.createTask((function* () { throw new RangeError('lost at exit'); })());",
      "loop.runUntilCompleteSync(asyncio.sleep(0.01));",
      "console.log('program ends');",
    ].join("\n");
    const child = spawnSync(process.execPath, ["--import", "tsx", "--input-type=module", "-e", script], { cwd: root, encoding: "utf8" });
    expect(child.stdout).toBe("program ends\n");
    expect(child.stderr).toMatch(/^Task exception was never retrieved\nfuture: <Task finished name='Task-\d+' exception=RangeError\('lost at exit'\)>\nRangeError: lost at exit\n/);
    expect(child.status).toBe(0);
  });
});
