import { isMainThread } from "node:worker_threads";
import * as asyncio from "asyncio-ts";
import { print } from "./_py";

export function work() {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 200);
  return "finished";
}
const workRef = asyncio.workerFunction<typeof work>(import.meta.url, "work");

function* waiter(fut: asyncio.Future<string>) {
  return yield* fut;
}

function* main() {
  const loop = asyncio.getRunningLoop();
  const fut = loop.runInExecutor(null, workRef);
  const task = asyncio.createTask(waiter(fut));
  yield* asyncio.sleep(0.05);
  let t0 = loop.time();
  task.cancel();
  try {
    yield* task;
  } catch (e) {
    if (!(e instanceof asyncio.CancelledError)) throw e;
    print("waiter cancelled at once:", loop.time() - t0 < 0.05);
  }
  print("executor future cancelled:", fut.cancelled());
  t0 = loop.time();
  yield* loop.shutdownDefaultExecutor();
  print("the work went on; shutdown waited for it:", loop.time() - t0 > 0.05);
}

if (isMainThread) await asyncio.run(main());
