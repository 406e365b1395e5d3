import * as asyncio from "asyncio-ts";
import { print } from "./_py";

class Err1 extends Error {
  override name = "Err1";
}
class Err2 extends Error {
  override name = "Err2";
}

function* raiseAfter(exc: Error, d: number): asyncio.Coroutine<never> {
  yield* asyncio.sleep(d);
  throw exc;
}

function* main() {
  try {
    yield* asyncio.asyncWith(new asyncio.TaskGroup(), function* (tg) {
      tg.createTask(raiseAfter(new Err1("one"), 0));
      tg.createTask(raiseAfter(new Err2("two"), 0));
    });
  } catch (eg) {
    if (!(eg instanceof asyncio.ExceptionGroup)) throw eg;
    print("message:", eg.message);
    print(eg.exceptions.map((e) => `${(e as Error).name}:${(e as Error).message}`).sort());
    const [e1, rest] = eg.split(Err1);
    print("split:", e1!.exceptions.map((e) => (e as Error).message), rest!.exceptions.map((e) => (e as Error).message));
  }
  let t: asyncio.Task<never> | undefined;
  try {
    yield* asyncio.asyncWith(new asyncio.TaskGroup(), function* (tg) {
      t = tg.createTask(raiseAfter(new Err1("lonely"), 0));
    });
  } catch (eg) {
    if (!(eg instanceof asyncio.ExceptionGroup)) throw eg;
    print("single error still grouped:", eg.exceptions.length, (eg.exceptions[0] as Error).name);
    print("the failed task holds it:", t!.exception() === eg.exceptions[0]);
  }
}

asyncio.runSync(main());
