import * as asyncio from "asyncio-ts";
import { print } from "./_py";

function* givesUp(): asyncio.Coroutine<never> {
  yield* asyncio.sleep(0.01);
  throw new asyncio.CancelledError();
}

function* normal() {
  yield* asyncio.sleep(0.02);
  return "normal";
}

function* main() {
  let a!: asyncio.Task<never>, b!: asyncio.Task<string>;
  yield* asyncio.asyncWith(new asyncio.TaskGroup(), function* (tg) {
    a = tg.createTask(givesUp());
    b = tg.createTask(normal());
  });
  print("group exits normally; a cancelled:", a.cancelled(), "b:", b.result());
  const t = asyncio.createTask(givesUp());
  try {
    yield* asyncio.shield(t);
  } catch (e) {
    if (!(e instanceof asyncio.CancelledError)) throw e;
    print("shield: CancelledError; task cancelled:", t.cancelled());
  }
  try {
    yield* asyncio.waitFor(asyncio.createTask(givesUp()), 1);
  } catch (e) {
    if (e instanceof asyncio.CancelledError) print("wait_for: CancelledError");
    else if (e instanceof asyncio.TimeoutError) print("wrong: TimeoutError");
    else throw e;
  }
  print("main not cancelled; cancelling:", asyncio.currentTask()!.cancelling());
}

asyncio.runSync(main());
