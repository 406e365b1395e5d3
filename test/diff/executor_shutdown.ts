import { isMainThread } from "node:worker_threads";
import * as asyncio from "asyncio-ts";
import { fmtExc, print } from "./_py";

export function work(x: number) {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 50);
  return x + 1;
}
const workRef = asyncio.workerFunction<typeof work>(import.meta.url, "work");

function* main() {
  const loop = asyncio.getRunningLoop();
  const fut = loop.runInExecutor(null, workRef, 1);
  yield* loop.shutdownDefaultExecutor();
  print("shutdown waited for the work:", fut.done(), yield* fut);
  try {
    loop.runInExecutor(null, workRef, 2);
  } catch (e) {
    if (!(e instanceof asyncio.RuntimeError)) throw e;
    print(fmtExc(e));
  }
  try {
    yield* asyncio.toThread(workRef, 3);
  } catch (e) {
    if (!(e instanceof asyncio.RuntimeError)) throw e;
    print(fmtExc(e));
  }
  yield* loop.shutdownDefaultExecutor();
  print("second shutdown is harmless");
}

if (isMainThread) {
  await asyncio.run(main());
  print("run returned");
}
