import { isMainThread } from "node:worker_threads";
import * as asyncio from "asyncio-ts";
import { print } from "./_py";

// Python's time.sleep: blocks the thread it runs on.
function sleepThread(seconds: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, seconds * 1000);
}

export function blocking(x: number) {
  sleepThread(0.2);
  return x * 2;
}
const blockingRef = asyncio.workerFunction<typeof blocking>(import.meta.url, "blocking");

function* ticker(n: number) {
  for (let i = 0; i < n; i++) {
    print("tick", i);
    yield* asyncio.sleep(0.05);
  }
}

function* main() {
  const loop = asyncio.getRunningLoop();
  const fut = loop.runInExecutor(null, blockingRef, 21);
  print("submitted; done:", fut.done());
  const t = asyncio.createTask(ticker(3));
  const r = yield* fut;
  print("result", r);
  print("ticker done before the result:", t.done());
  yield* t;
  print("end");
}

// A worker thread imports this module to call `blocking`: only the main thread runs.
if (isMainThread) await asyncio.run(main());
