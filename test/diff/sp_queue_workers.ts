// The worker-pool example of the asyncio docs, with fixed work times.
import * as asyncio from "asyncio-ts";
import { print } from "./_py";

function* worker(name: string, queue: asyncio.Queue<number>, log: string[]) {
  for (;;) {
    const sleepFor = yield* queue.get();
    yield* asyncio.sleep(sleepFor);
    queue.taskDone();
    log.push(`${name} slept ${sleepFor}`);
  }
}

function* main() {
  const queue = new asyncio.Queue<number>();
  for (const d of [0.03, 0.01, 0.02, 0.01, 0.04, 0.02]) queue.putNowait(d);
  const log: string[] = [];
  const tasks = [0, 1, 2].map((i) => asyncio.createTask(worker(`worker-${i}`, queue, log)));
  yield* queue.join();
  print("joined with", queue.qsize(), "left");
  for (const t of tasks) t.cancel();
  const results = yield* asyncio.gather(...tasks, { returnExceptions: true });
  print(results.map((r) => (r as Error).name));
  print(log.join("\n"));
}

asyncio.runSync(main(), { clock: new asyncio.VirtualClock() });
