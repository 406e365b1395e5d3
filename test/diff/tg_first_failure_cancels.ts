import * as asyncio from "asyncio-ts";
import { fmtExc, print } from "./_py";

function* sibling(name: string, delay: number) {
  try {
    yield* asyncio.sleep(delay);
    print(name, "finished");
    return name;
  } catch (e) {
    if (e instanceof asyncio.CancelledError) print(name, "cancelled");
    throw e;
  } finally {
    print(name, "finally");
  }
}

function* failing(delay: number): asyncio.Coroutine<string> {
  yield* asyncio.sleep(delay);
  print("failing now");
  throw new RangeError("child failed");
}

function* main() {
  const tasks = new Map<string, asyncio.Task<string>>();
  try {
    yield* asyncio.asyncWith(new asyncio.TaskGroup(), function* (tg) {
      tasks.set("quick", tg.createTask(sibling("quick", 0.01)));
      tasks.set("slow1", tg.createTask(sibling("slow1", 1)));
      tasks.set("bad", tg.createTask(failing(0.03)));
      try {
        yield* asyncio.sleep(1);
        print("body not reached");
      } catch (e) {
        if (e instanceof asyncio.CancelledError) print("body cancelled by the group");
        throw e;
      }
    });
  } catch (eg) {
    if (!(eg instanceof asyncio.ExceptionGroup)) throw eg;
    print("group:", eg.message, eg.exceptions.length);
    print(eg.exceptions.map(fmtExc).sort());
  }
  for (const [name, t] of tasks) print(name, t.cancelled() ? "cancelled" : t.exception() ? "error" : "ok");
  print("main cancelling:", asyncio.currentTask()!.cancelling());
  yield* asyncio.sleep(0.01);
  print("main goes on");
}

asyncio.runSync(main());
