import * as asyncio from "asyncio-ts";
import { print } from "./_py";

function inCallback(cm: asyncio.Timeout, tg: asyncio.TaskGroup, fut: asyncio.Future<unknown>) {
  let coro: Generator = cm.aenter();
  try {
    coro.next();
  } catch (e) {
    if (!(e instanceof asyncio.RuntimeError)) throw e;
    print("Timeout entered outside a task -> RuntimeError:", e.message);
  }
  coro = tg.aenter();
  try {
    coro.next();
  } catch (e) {
    if (!(e instanceof asyncio.RuntimeError)) throw e;
    print("TaskGroup entered outside a task -> RuntimeError; 'parent task' in message:", e.message.includes("parent task"));
  }
  fut.setResult(undefined);
}

function* main() {
  const loop = asyncio.getRunningLoop();
  const cm = asyncio.timeout(0.02);
  const tg = new asyncio.TaskGroup();
  const fut = loop.createFuture();
  loop.callSoon(inCallback, cm, tg, fut);
  yield* fut;
  // the failed attempts left both usable inside a task
  try {
    yield* asyncio.asyncWith(cm, function* () {
      yield* asyncio.sleep(1);
    });
  } catch (e) {
    if (!(e instanceof asyncio.TimeoutError)) throw e;
    print("the same Timeout works inside a task afterwards");
  }
  let t!: asyncio.Task<string>;
  yield* asyncio.asyncWith(tg, function* () {
    t = tg.createTask(asyncio.sleep(0.01, "tg result"));
  });
  print("the same TaskGroup works inside a task afterwards:", t.result());
}

asyncio.runSync(main());
