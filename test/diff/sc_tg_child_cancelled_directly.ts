import * as asyncio from "asyncio-ts";
import { print } from "./_py";

function* main() {
  let victim: asyncio.Task<unknown>;
  let other: asyncio.Task<string>;
  yield* asyncio.asyncWith(new asyncio.TaskGroup(), function* (tg) {
    victim = tg.createTask(asyncio.sleep(1));
    other = tg.createTask(asyncio.sleep(0.02, "other done"));
    yield* asyncio.sleep(0.01);
    victim.cancel();
  });
  print("a child cancelled directly is not an error:", victim!.cancelled(), other!.result());
  const log: string[] = [];
  function* stubborn() {
    try {
      yield* asyncio.sleep(1);
    } catch (e) {
      if (!(e instanceof asyncio.CancelledError)) throw e;
      log.push("stubborn ignores the group's cancellation");
      yield* asyncio.sleep(0.02);
      log.push("stubborn finished its work anyway");
      return "stubborn result";
    }
  }
  function* fail(): asyncio.Coroutine<never> {
    yield* asyncio.sleep(0.01);
    throw new RangeError("fail");
  }
  let s: asyncio.Task<string | undefined>;
  try {
    yield* asyncio.asyncWith(new asyncio.TaskGroup(), function* (tg) {
      s = tg.createTask(stubborn());
      tg.createTask(fail());
    });
  } catch (eg) {
    if (!(eg instanceof asyncio.ExceptionGroup)) throw eg;
    log.push(`group waited for it: ['${eg.exceptions.map((e) => (e as Error).message).join("', '")}']`);
  }
  print(log, s!.result());
}

asyncio.runSync(main(), { clock: new asyncio.VirtualClock() });
