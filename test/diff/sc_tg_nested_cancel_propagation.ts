import * as asyncio from "asyncio-ts";
import { print } from "./_py";

function* leaf(name: string, log: string[]) {
  try {
    yield* asyncio.sleep(1);
  } catch (e) {
    if (e instanceof asyncio.CancelledError) log.push(name);
    throw e;
  }
}

function* middle(log: string[]) {
  yield* asyncio.asyncWith(new asyncio.TaskGroup(), function* (tg) {
    tg.createTask(leaf("m1", log));
    tg.createTask(leaf("m2", log));
  });
}

function* failing(): asyncio.Coroutine<never> {
  yield* asyncio.sleep(0.01);
  throw new RangeError("root failure");
}

function* main() {
  const log: string[] = [];
  try {
    yield* asyncio.asyncWith(new asyncio.TaskGroup(), function* (tg) {
      tg.createTask(middle(log));
      tg.createTask(leaf("top", log));
      tg.createTask(failing());
    });
  } catch (eg) {
    if (!(eg instanceof asyncio.ExceptionGroup)) throw eg;
    print("group:", eg.exceptions.map((e) => (e as Error).message));
  }
  print("cancelled everywhere:", log.sort());
}

asyncio.runSync(main(), { clock: new asyncio.VirtualClock() });
