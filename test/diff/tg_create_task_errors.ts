import * as asyncio from "asyncio-ts";
import { excName, print } from "./_py";

function* work() {
  yield* asyncio.sleep(0);
  return "work";
}

const attempts: [string, boolean][] = [];

function* retryOnCancel(tg: asyncio.TaskGroup) {
  try {
    yield* asyncio.sleep(1);
  } catch (e) {
    if (e instanceof asyncio.CancelledError) {
      const coro = work();
      try {
        tg.createTask(coro);
      } catch (e2) {
        if (!(e2 instanceof asyncio.RuntimeError)) throw e2;
        coro.return(undefined as never);
        attempts.push(["shutting down", e2.message.includes("is shutting down")]);
      }
    }
    throw e;
  }
}

function* fail(): asyncio.Coroutine<never> {
  yield* asyncio.sleep(0.01);
  throw new RangeError("x");
}

function* main() {
  const tg = new asyncio.TaskGroup();
  let coro = work();
  try {
    tg.createTask(coro);
  } catch (e) {
    if (!(e instanceof asyncio.RuntimeError)) throw e;
    coro.return(undefined as never);
    print("before entering: RuntimeError, 'has not been entered' in message:", e.message.includes("has not been entered"));
  }
  let t!: asyncio.Task<string>;
  yield* asyncio.asyncWith(tg, function* () {
    t = tg.createTask(work());
  });
  print("inside worked:", t.result());
  coro = work();
  try {
    tg.createTask(coro);
  } catch (e) {
    if (!(e instanceof asyncio.RuntimeError)) throw e;
    coro.return(undefined as never);
    print("after exit: RuntimeError, 'is finished' in message:", e.message.includes("is finished"));
  }
  try {
    yield* asyncio.asyncWith(tg, function* () {
      print("re-entered (wrong)");
    });
  } catch (e) {
    if (!(e instanceof asyncio.RuntimeError)) throw e;
    print("entering twice: RuntimeError, 'entered' in message:", e.message.includes("entered"));
  }
  const tg2 = new asyncio.TaskGroup();
  try {
    yield* asyncio.asyncWith(tg2, function* () {
      tg2.createTask(retryOnCancel(tg2));
      tg2.createTask(fail());
    });
  } catch (eg) {
    if (!(eg instanceof asyncio.ExceptionGroup)) throw eg;
    print("group:", eg.exceptions.map(excName));
  }
  print("create_task while aborting:", attempts);
}

asyncio.runSync(main());
