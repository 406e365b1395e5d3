/** Python logs an error that nobody retrieved when its future is destroyed; so do we, at GC. */
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import * as asyncio from "asyncio-ts";
import { expect, test } from "vitest";

setFlagsFromString("--expose-gc");
const gc = runInNewContext("gc") as () => void;

async function collect(): Promise<void> {
  for (let i = 0; i < 5; i++) {
    gc();
    await new Promise((r) => setTimeout(r, 10));
  }
}

function failInTask(loop: asyncio.EventLoop, retrieve: boolean): void {
  const task = loop.createTask(
    (function* () {
      yield;
      throw new RangeError("lost");
    })(),
  );
  loop.runUntilCompleteSync(asyncio.sleep(0.01));
  if (retrieve) task.exception();
}

test("a task error nobody retrieved reaches the exception handler once the task is collected", async () => {
  const loop = asyncio.newEventLoop();
  const reports: asyncio.ExceptionContext[] = [];
  loop.setExceptionHandler((_, context) => reports.push(context));
  failInTask(loop, false);
  await collect();
  expect(reports.map((r) => [r.message, (r.exception as Error).message])).toEqual([["Task exception was never retrieved", "lost"]]);
  loop.close();
});

test("a retrieved task error is not reported", async () => {
  const loop = asyncio.newEventLoop();
  const reports: asyncio.ExceptionContext[] = [];
  loop.setExceptionHandler((_, context) => reports.push(context));
  failInTask(loop, true);
  await collect();
  expect(reports).toEqual([]);
  loop.close();
});
