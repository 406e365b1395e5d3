import * as asyncio from "asyncio-ts";
import { print } from "./_py";

function* compute(x: number) {
  yield* asyncio.sleep(0.01);
  return x * 2;
}

function* main() {
  const loop = asyncio.getRunningLoop();
  print("coroutine:", yield* asyncio.waitFor(compute(1), 1));
  const t = asyncio.createTask(compute(2));
  print("task:", yield* asyncio.waitFor(t, 1), "task done:", t.done());
  const fut = loop.createFuture<string>();
  loop.callLater(0.01, (v: string) => fut.setResult(v), "future value");
  print("future:", yield* asyncio.waitFor(fut, 1));
  const done = loop.createFuture<string>();
  done.setResult("already done");
  print("done future:", yield* asyncio.waitFor(done, 1));
  print("sleep with result:", yield* asyncio.waitFor(asyncio.sleep(0.01, "slept"), 0.5));
  print("no timer left behind; cancelling:", asyncio.currentTask()!.cancelling());
  yield* asyncio.sleep(0.02);
  print("still fine");
}

asyncio.runSync(main());
