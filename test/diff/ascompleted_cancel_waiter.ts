import * as asyncio from "asyncio-ts";
import { print } from "./_py";

function* job(name: string, delay: number) {
  yield* asyncio.sleep(delay);
  return name;
}

function* consumer(tasks: asyncio.Task<string>[], started: asyncio.Future<unknown>) {
  const got: string[] = [];
  let i = 0;
  for (const aw of asyncio.asCompleted(tasks)) {
    if (i === 0) started.setResult(undefined);
    try {
      got.push(yield* aw);
    } catch (e) {
      if (!(e instanceof asyncio.CancelledError)) throw e;
      print("waiting for item", i, "was cancelled; going on");
    }
    i++;
  }
  return got;
}

function* main() {
  const loop = asyncio.getRunningLoop();
  const tasks = (
    [
      ["x", 0.06],
      ["y", 0.04],
      ["z", 0.08],
    ] as const
  ).map(([n, d]) => asyncio.createTask(job(n, d)));
  const started = loop.createFuture();
  const c = asyncio.createTask(consumer(tasks, started));
  yield* started;
  yield* asyncio.sleep(0.02);
  c.cancel();
  print("consumer got:", yield* c, "cancelled:", c.cancelled());
  yield* asyncio.gather(...tasks);
  print(
    "jobs not cancelled:",
    tasks.map((t) => t.cancelled()),
    tasks.map((t) => t.result()),
  );
}

asyncio.runSync(main());
