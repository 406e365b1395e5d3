import * as asyncio from "asyncio-ts";
import { print } from "./_py";

function* main() {
  const results: number[] = [];
  yield* asyncio.asyncWith(new asyncio.TaskGroup(), function* (tg) {
    function* spawner(depth: number): asyncio.Coroutine<void> {
      results.push(depth);
      yield* asyncio.sleep(0);
      if (depth < 3) {
        tg.createTask(spawner(depth + 1));
        tg.createTask(spawner(depth + 1));
      }
    }
    tg.createTask(spawner(0));
  });
  print("all descendants awaited:", results.length, results.sort());
}

asyncio.runSync(main());
