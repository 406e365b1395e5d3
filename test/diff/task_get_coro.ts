import * as asyncio from "asyncio-ts";
import { print } from "./_py";

function* nested() {
  // Inside a nested coroutine, the task's coroutine is still the outer one.
  return asyncio.currentTask()!.getCoro();
}

function* job(x: number) {
  void x;
  yield* asyncio.sleep(0);
  const seen = yield* nested();
  return seen;
}

function* main() {
  const loop = asyncio.getRunningLoop();
  const coro = job(1);
  const t = asyncio.createTask(coro);
  print("create_task: get_coro() is coro:", t.getCoro() === coro);
  const seen = yield* t;
  print("inside, the task's coro is the outer coro:", seen === coro);
  print("after completion, still the same coro:", t.getCoro() === coro);
  const coro2 = job(2);
  const t2 = loop.createTask(coro2, { name: "x" });
  print("loop.create_task:", t2.getCoro() === coro2);
  const coro3 = job(3);
  const t3 = asyncio.ensureFuture(coro3) as asyncio.Task<unknown>;
  print("ensure_future:", t3.getCoro() === coro3, asyncio.isCoroutine(t3.getCoro()));
  yield* asyncio.gather(t2, t3);
  const mainCoro = asyncio.currentTask()!.getCoro();
  print("main's coro is a coroutine:", asyncio.isCoroutine(mainCoro));
  for (const bad of [42, undefined, job]) {
    try {
      asyncio.createTask(bad as never);
    } catch (e) {
      if (!(e instanceof TypeError)) throw e;
      print("create_task rejected a non-coroutine: TypeError");
    }
  }
}

asyncio.runSync(main());
