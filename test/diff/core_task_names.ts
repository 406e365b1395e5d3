import * as asyncio from "asyncio-ts";
import { print } from "./_py";

function* who() {
  const t = asyncio.currentTask()!;
  return t.getName();
}

function* main() {
  const me = asyncio.currentTask()!;
  print("main is", me.getName());
  const t1 = asyncio.createTask(who());
  const t2 = asyncio.getRunningLoop().createTask(who(), { name: "custom" });
  const t3 = asyncio.ensureFuture(who());
  print(yield* t1, yield* t2, yield* t3);
  t2.setName("renamed");
  print(t2.getName());
  const res = yield* asyncio.gather(who(), who());
  print(res);
  const t4 = asyncio.createTask(who());
  print(t4.getName());
  process.stdout.write("current task in callback: ");
  const loop = asyncio.getRunningLoop();
  const fut = loop.createFuture();
  loop.callSoon(() => {
    print(asyncio.currentTask(loop));
    fut.setResult(undefined);
  });
  yield* fut;
  print([...asyncio.allTasks()].map((t) => t.getName()).sort());
  const coro = who();
  const t5 = asyncio.createTask(coro);
  print("get_coro is coro:", t5.getCoro() === coro);
  yield* t5;
  print("all tasks now:", [...asyncio.allTasks()].map((t) => t.getName()).sort());
}

asyncio.runSync(main());
