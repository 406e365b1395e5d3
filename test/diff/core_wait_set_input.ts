import * as asyncio from "asyncio-ts";
import { print } from "./_py";

function* main() {
  const tasks = new Set([3, 1, 2].map((d) => asyncio.createTask(asyncio.sleep(d / 25, d))));
  const [done, pending] = yield* asyncio.wait(tasks, { returnWhen: asyncio.FIRST_COMPLETED });
  print(done instanceof Set ? "set" : "?", [...done].map((t) => t.result()), pending.size);
  const [done2, pending2] = yield* asyncio.wait(pending);
  print([...done2].map((t) => t.result()).sort(), pending2.size);
  print("original set untouched:", tasks.size);
  const genTasks = (function* () {
    yield* tasks;
  })();
  try {
    yield* asyncio.wait(genTasks);
  } catch (e) {
    if (e instanceof TypeError) print("a generator is refused: it looks like a coroutine");
  }
}

asyncio.runSync(main());
