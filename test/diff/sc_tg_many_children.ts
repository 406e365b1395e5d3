import * as asyncio from "asyncio-ts";
import { print } from "./_py";

function* square(n: number) {
  yield* asyncio.sleep(0.001 * (n % 5));
  return n * n;
}

function* main() {
  let tasks: asyncio.Task<number>[] = [];
  yield* asyncio.asyncWith(new asyncio.TaskGroup(), function* (tg) {
    tasks = Array.from({ length: 50 }, (_, n) => tg.createTask(square(n)));
  });
  print(tasks.reduce((s, t) => s + t.result(), 0), tasks.every((t) => t.done()));
  print("tasks left:", asyncio.allTasks().size - 1);
}

asyncio.runSync(main(), { clock: new asyncio.VirtualClock() });
