import * as asyncio from "asyncio-ts";
import { print } from "./_py";

function* job(n: number) {
  yield* asyncio.sleep(0.01 * n);
  return n;
}

function* main() {
  let tasks: asyncio.Task<number>[] = [];
  yield* asyncio.asyncWith(new asyncio.TaskGroup(), function* (tg) {
    tasks = [3, 1, 2].map((n) => tg.createTask(job(n)));
    const [done, pending] = yield* asyncio.wait(tasks, { returnWhen: asyncio.FIRST_COMPLETED });
    print("first done inside the group:", [...done].map((t) => t.result()), pending.size);
    print("gather inside the group:", yield* asyncio.gather(...tasks));
  });
  print("all done:", tasks.every((t) => t.done()));
}

asyncio.runSync(main(), { clock: new asyncio.VirtualClock() });
