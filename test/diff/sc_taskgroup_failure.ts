import * as asyncio from "asyncio-ts";
import { print } from "./_py";

const cancelled: string[] = [];

function* worker(name: string, delay: number, fail = false) {
  try {
    yield* asyncio.sleep(delay);
    if (fail) throw new RangeError(`${name} failed`);
    print(name, "done");
    return name;
  } catch (e) {
    if (e instanceof asyncio.CancelledError) cancelled.push(name); // a TaskGroup cancels its tasks in set order: sort
    throw e;
  }
}

function* main() {
  const [a, b] = (yield* asyncio.asyncWith(new asyncio.TaskGroup(), function* (tg) {
    return [tg.createTask(worker("a", 0.01)), tg.createTask(worker("b", 0.02))];
  }))!;
  print("results", a.result(), b.result());
  try {
    yield* asyncio.asyncWith(new asyncio.TaskGroup(), function* (tg) {
      tg.createTask(worker("x", 0.01, true));
      tg.createTask(worker("y", 0.05));
      tg.createTask(worker("z", 0.02, true));
      yield* asyncio.sleep(1);
      print("body not reached");
    });
  } catch (eg) {
    if (!(eg instanceof asyncio.ExceptionGroup)) throw eg;
    print("ExceptionGroup:", eg.exceptions.map((e) => (e as Error).message).sort(), "cancelled:", cancelled.sort());
  }
  print("after group, still running normally");
  try {
    yield* asyncio.asyncWith(new asyncio.TaskGroup(), function* (tg) {
      tg.createTask(worker("p", 0.05));
      throw new asyncio.LookupError("body failed");
    });
  } catch (eg) {
    if (!(eg instanceof asyncio.ExceptionGroup)) throw eg;
    print("body error joins the group:", eg.exceptions.map((e) => (e as Error).message));
  }
  const tg2 = new asyncio.TaskGroup();
  yield* asyncio.asyncWith(tg2, function* () {});
  try {
    tg2.createTask(worker("late", 0));
  } catch (e) {
    if (e instanceof asyncio.RuntimeError) print("after exit:", e.message.includes("is finished"));
  }
}

asyncio.runSync(main());
