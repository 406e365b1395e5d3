import * as asyncio from "asyncio-ts";
import { print } from "./_py";

function* noop() {
  yield* asyncio.sleep(0);
}

function* main() {
  let named: asyncio.Task<void>[] = [];
  yield* asyncio.asyncWith(new asyncio.TaskGroup(), function* (tg) {
    named = [0, 1, 2].map((i) => tg.createTask(noop(), { name: `worker-${i}` }));
    print(named.map((t) => t.getName()));
    print("running in group:", [...asyncio.allTasks()].map((t) => t.getName()).filter((n) => n.startsWith("worker")).sort());
  });
  print("after group:", named.map((t) => t.done()));
}

asyncio.runSync(main());
