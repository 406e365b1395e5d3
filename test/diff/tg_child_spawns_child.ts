import * as asyncio from "asyncio-ts";
import { print, str } from "./_py";

function* leaf(name: string, delay: number) {
  yield* asyncio.sleep(delay);
  print("leaf", name, "done");
  return name;
}

function* spawner(tg: asyncio.TaskGroup, depth: number): asyncio.Coroutine<number> {
  yield* asyncio.sleep(0.01);
  print("spawner depth", depth);
  if (depth < 3) tg.createTask(spawner(tg, depth + 1));
  tg.createTask(leaf(`L${depth}`, 0.01 * depth));
  return depth;
}

function* main() {
  const loop = asyncio.getRunningLoop();
  const t0 = loop.time();
  yield* asyncio.asyncWith(new asyncio.TaskGroup(), function* (tg) {
    tg.createTask(spawner(tg, 1));
    print("body done; the group keeps accepting tasks while children run");
  });
  print("all spawned tasks finished; elapsed", (loop.time() - t0).toFixed(1));
  // a task created by a child after the group failed is refused
  const refused: string[] = [];
  function* lateSpawner(tg: asyncio.TaskGroup) {
    try {
      yield* asyncio.sleep(1);
    } finally {
      const coro = leaf("late", 0);
      try {
        tg.createTask(coro);
      } catch (e) {
        if (!(e instanceof asyncio.RuntimeError)) throw e;
        coro.return(undefined as never);
        refused.push("late");
      }
    }
  }
  function* fail(): asyncio.Coroutine<never> {
    yield* asyncio.sleep(0.01);
    throw new RangeError("fail");
  }
  try {
    yield* asyncio.asyncWith(new asyncio.TaskGroup(), function* (tg) {
      tg.createTask(lateSpawner(tg));
      tg.createTask(fail());
    });
  } catch (eg) {
    if (!(eg instanceof asyncio.ExceptionGroup)) throw eg;
    print("group:", eg.exceptions.map(str), "refused:", refused);
  }
}

asyncio.runSync(main());
