import * as asyncio from "asyncio-ts";
import { excName, fmtExc, print } from "./_py";

class KeyError extends Error {
  override name = "KeyError";
}

function* child(name: string, delay: number) {
  try {
    yield* asyncio.sleep(delay);
    print(name, "finished");
  } catch (e) {
    if (e instanceof asyncio.CancelledError) print(name, "cancelled because the body failed");
    throw e;
  }
}

function* main() {
  const tasks: asyncio.Task<void>[] = [];
  try {
    yield* asyncio.asyncWith(new asyncio.TaskGroup(), function* (tg) {
      tasks.push(tg.createTask(child("short", 0.01)));
      tasks.push(tg.createTask(child("long", 1)));
      yield* asyncio.sleep(0.03);
      throw new RangeError("body failed");
    });
  } catch (eg) {
    if (!(eg instanceof asyncio.ExceptionGroup)) throw eg;
    print("group of", eg.exceptions.length, eg.exceptions.map(fmtExc));
  }
  print("children:", tasks.map((t) => (t.cancelled() ? "cancelled" : "ok")));
  // a body error without any await: the children never start
  let t!: asyncio.Task<void>;
  try {
    yield* asyncio.asyncWith(new asyncio.TaskGroup(), function* (tg) {
      t = tg.createTask(child("never started", 1));
      throw new KeyError("body key");
    });
  } catch (eg) {
    if (!(eg instanceof asyncio.ExceptionGroup)) throw eg;
    print("second group:", eg.exceptions.map(excName).sort(), "child cancelled:", t.cancelled());
  }
  // the body error comes last, after children errors
  function* boom(): asyncio.Coroutine<never> {
    throw new TypeError("child type");
  }
  try {
    yield* asyncio.asyncWith(new asyncio.TaskGroup(), function* (tg) {
      tg.createTask(boom());
      try {
        yield* asyncio.sleep(1);
      } catch (e) {
        if (e instanceof asyncio.CancelledError) throw new asyncio.RuntimeError("body replaced its cancellation");
        throw e;
      }
    });
  } catch (eg) {
    if (!(eg instanceof asyncio.ExceptionGroup)) throw eg;
    print("third group:", eg.exceptions.map(fmtExc));
  }
  print("cancelling:", asyncio.currentTask()!.cancelling());
}

asyncio.runSync(main());
