import * as asyncio from "asyncio-ts";
import { print, str } from "./_py";

function* fail(): asyncio.Coroutine<never> {
  yield* asyncio.sleep(0.01);
  throw new RangeError("child failed");
}

function* main() {
  const task = asyncio.currentTask()!;
  try {
    yield* asyncio.asyncWith(new asyncio.TaskGroup(), function* (tg) {
      tg.createTask(fail());
      try {
        yield* asyncio.sleep(1);
      } catch (e) {
        if (!(e instanceof asyncio.CancelledError)) throw e;
        print("body swallowed the group's cancellation; cancelling:", task.cancelling());
      }
      yield* asyncio.sleep(0.01);
      print("body awaited again without being cancelled");
      const coro = asyncio.sleep(0);
      try {
        tg.createTask(coro);
      } catch (e) {
        if (!(e instanceof asyncio.RuntimeError)) throw e;
        coro.return(undefined);
        print("create_task now refused; 'shutting down':", e.message.includes("shutting down"));
      }
    });
  } catch (eg) {
    if (!(eg instanceof asyncio.ExceptionGroup)) throw eg;
    print("group still raised:", eg.exceptions.map(str));
  }
  print("cancelling after the group:", task.cancelling());
  yield* asyncio.sleep(0.01);
  print("main continues");
}

asyncio.runSync(main());
