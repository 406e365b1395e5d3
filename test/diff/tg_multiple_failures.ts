import * as asyncio from "asyncio-ts";
import { fmtExc, print } from "./_py";

class MyError extends Error {
  override name = "MyError";
}

function* failNow(exc: Error): asyncio.Coroutine<never> {
  throw exc;
}

function* sleeper() {
  try {
    yield* asyncio.sleep(1);
  } finally {
    print("sleeper finally");
  }
}

function* main() {
  try {
    yield* asyncio.asyncWith(new asyncio.TaskGroup(), function* (tg) {
      tg.createTask(sleeper());
      tg.createTask(failNow(new RangeError("v1")));
      tg.createTask(failNow(new MyError("mine")));
      tg.createTask(failNow(new TypeError("t1")));
      yield* asyncio.sleep(1);
    });
  } catch (eg) {
    if (!(eg instanceof asyncio.ExceptionGroup)) throw eg;
    print("type:", eg.name, "| message:", eg.message, "| count:", eg.exceptions.length);
    print(eg.exceptions.map(fmtExc).sort());
    print("isinstance Exception:", eg.exceptions.every((e) => e instanceof Error));
  }
  print("done; cancelling:", asyncio.currentTask()!.cancelling());
}

asyncio.runSync(main());
