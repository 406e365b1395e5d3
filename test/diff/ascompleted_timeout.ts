import * as asyncio from "asyncio-ts";
import { print, repr } from "./_py";

function* job(name: string, delay: number) {
  try {
    yield* asyncio.sleep(delay);
    return name;
  } finally {
    print("job", name, "finally");
  }
}

function* main() {
  const loop = asyncio.getRunningLoop();
  const t0 = loop.time();
  let tasks = (
    [
      ["slow", 0.2],
      ["fast", 0.01],
      ["medium", 0.15],
    ] as const
  ).map(([n, d]) => asyncio.createTask(job(n, d)));
  let n = 0;
  for (const aw of asyncio.asCompleted(tasks, { timeout: 0.07 })) {
    n += 1;
    try {
      print("got", yield* aw);
    } catch (e) {
      if (!(e instanceof asyncio.TimeoutError)) throw e;
      print("item", n, "TimeoutError", repr(e.message), "at", (loop.time() - t0).toFixed(1));
    }
  }
  print("remaining still running:", tasks.map((t) => !t.done()).sort());
  for (const t of tasks) t.cancel();
  yield* asyncio.sleep(0);
  print("cancelled:", tasks.map((t) => t.cancelled()));
  // no timeout hit: all items complete
  tasks = (
    [
      ["x", 0.02],
      ["y", 0.01],
    ] as const
  ).map(([n, d]) => asyncio.createTask(job(n, d)));
  const results: string[] = [];
  for (const aw of asyncio.asCompleted(tasks, { timeout: 0.2 })) results.push(yield* aw);
  print(results);
}

asyncio.runSync(main());
