import { isMainThread } from "node:worker_threads";
import * as asyncio from "asyncio-ts";
import { print } from "./_py";

export function blocking() {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 200);
  return "thread finished";
}
const blockingRef = asyncio.workerFunction<typeof blocking>(import.meta.url, "blocking");

function* main() {
  const loop = asyncio.getRunningLoop();
  const got: string[] = [];
  loop.addSignalHandler("SIGUSR1", (s: string) => got.push(s), "SIGUSR1");
  const work = asyncio.createTask(asyncio.toThread(blockingRef));
  yield* asyncio.sleep(0.05);
  process.kill(process.pid, "SIGUSR1");
  yield* asyncio.sleep(0.05);
  print("handled while the thread blocks:", got, "thread done:", work.done());
  print(yield* work);
  loop.removeSignalHandler("SIGUSR1");
}

if (isMainThread) await asyncio.run(main());
