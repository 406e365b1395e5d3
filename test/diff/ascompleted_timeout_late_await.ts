import * as asyncio from "asyncio-ts";
import { print } from "./_py";

function* job(name: string, delay: number) {
  yield* asyncio.sleep(delay);
  return name;
}

function* main() {
  const tasks = [asyncio.createTask(job("early", 0.01)), asyncio.createTask(job("late", 0.06))];
  const items = asyncio.asCompleted(tasks, { timeout: 0.03 })[Symbol.iterator]();
  print("first:", yield* items.next().value!);
  yield* asyncio.sleep(0.1);
  print("all tasks done by now:", tasks.every((t) => t.done()));
  try {
    print("second:", yield* items.next().value!);
  } catch (e) {
    if (!(e instanceof asyncio.TimeoutError)) throw e;
    print("second item still raises TimeoutError: the deadline passed first");
  }
  print("the late task has its result anyway:", tasks[1]!.result());
}

asyncio.runSync(main());
