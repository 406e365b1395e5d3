import { isMainThread } from "node:worker_threads";
import * as asyncio from "asyncio-ts";
import { excName, fmtExc, print } from "./_py";

export function job(name: string, delay: number) {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, delay * 1000);
  return name;
}
const jobRef = asyncio.workerFunction<typeof job>(import.meta.url, "job");

function* main() {
  const loop = asyncio.getRunningLoop();
  const pool = new asyncio.ThreadPoolExecutor({ maxWorkers: 1 });
  const finished: string[] = [];
  const futs = ["a", "b", "c", "d"].map((name) => loop.runInExecutor(pool, jobRef, name, 0.03));
  for (const fut of futs) {
    fut.addDoneCallback((f) => finished.push(!f.cancelled() ? f.result() : "cancelled"));
  }
  futs[2].cancel();
  const results = yield* asyncio.gather(...futs, { returnExceptions: true });
  print("results:", results.map((r) => (r instanceof Error ? excName(r) : r)));
  print("completion order:", finished);
  yield* asyncio.wrapPromise(pool.shutdown(true));
  try {
    loop.runInExecutor(pool, jobRef, "e", 0);
  } catch (e) {
    if (!(e instanceof asyncio.RuntimeError)) throw e;
    print(fmtExc(e));
  }
  try {
    new asyncio.ThreadPoolExecutor({ maxWorkers: 0 });
  } catch (e) {
    if (!(e instanceof RangeError)) throw e;
    print(fmtExc(e));
  }
}

if (isMainThread) await asyncio.run(main());
