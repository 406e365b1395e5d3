import * as asyncio from "asyncio-ts";
import { excName, print } from "./_py";

// Held until each run ends, as the Python side does; asyncio-ts reports when the run closes its loop.
const kept: asyncio.Future<unknown>[] = [];

function handler(_loop: asyncio.EventLoop, context: asyncio.ExceptionContext) {
  const exc = context.exception;
  print("handler:", context.message, "|", Object.keys(context).sort(), "|", exc === undefined ? "-" : `${excName(exc)}: ${(exc as Error).message}`);
}

function* bad(message: string) {
  yield* asyncio.sleep(0);
  throw new RangeError(message);
}

function* forever() {
  yield* asyncio.sleep(3600);
}

function* lostTask() {
  asyncio.getRunningLoop().setExceptionHandler(handler);
  kept.push(asyncio.createTask(bad("nobody awaited this task")));
  yield* asyncio.sleep(0.01);
  print("lost_task ends");
}

function* lostFuture() {
  const loop = asyncio.getRunningLoop();
  loop.setExceptionHandler(handler);
  kept.push(loop.createFuture());
  kept[kept.length - 1]!.setException(new asyncio.RuntimeError("nobody looked at this future"));
  yield* asyncio.sleep(0);
  print("lost_future ends");
}

function* allSeen() {
  const loop = asyncio.getRunningLoop();
  loop.setExceptionHandler(handler);
  const awaited = asyncio.createTask(bad("awaited"));
  const asked = asyncio.createTask(bad("asked"));
  const gathered = asyncio.createTask(bad("gathered"));
  const cancelled = asyncio.createTask(bad("cancelled first"));
  cancelled.cancel();
  yield* asyncio.sleep(0.01);
  try {
    yield* awaited;
  } catch (e) {
    if (e instanceof RangeError) print("caught:", e.message);
    else throw e;
  }
  print("asked:", (asked.exception() as Error).message);
  const results = yield* asyncio.gather(gathered, { returnExceptions: true });
  print("gathered:", `[ValueError('${(results[0] as Error).message}')]`);
  print("all_seen ends");
}

await asyncio.run(lostTask());
kept.length = 0;
print("---");
await asyncio.run(lostFuture());
kept.length = 0;
print("---");
await asyncio.run(allSeen());
kept.length = 0;
print("---");

const loop = asyncio.newEventLoop();
loop.setExceptionHandler(handler);

function* leavesOneBehind() {
  asyncio.createTask(forever());
  yield* asyncio.sleep(0);
}

await loop.runUntilComplete(leavesOneBehind());
print("before close");
loop.close();
print("after close");
