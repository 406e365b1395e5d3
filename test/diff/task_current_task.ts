import * as asyncio from "asyncio-ts";
import { print } from "./_py";

function describe(t: asyncio.Task<unknown> | undefined) {
  return t === undefined ? undefined : t.getName();
}

function* inner(expected: asyncio.Task<unknown> | undefined): asyncio.Coroutine<void> {
  print("  inner: current is expected:", asyncio.currentTask() === expected);
  yield* asyncio.sleep(0);
  print("  inner after await: current is expected:", asyncio.currentTask() === expected);
}

function* worker(tag: string) {
  const me = asyncio.currentTask();
  print(tag, "current:", describe(me));
  yield* inner(me);
  const loop = asyncio.getRunningLoop();
  loop.callSoon(() => print(tag, "call_soon callback sees:", describe(asyncio.currentTask())));
  yield* asyncio.sleep(0);
  print(tag, "still", describe(asyncio.currentTask()), asyncio.currentTask() === me);
  return me;
}

function* main() {
  const loop = asyncio.getRunningLoop();
  const mainTask = asyncio.currentTask();
  print("main current:", describe(mainTask));
  const t1 = asyncio.createTask(worker("w1"));
  const t2 = loop.createTask(worker("w2"), { name: "second" });
  t1.addDoneCallback((f) => print("done callback sees:", describe(asyncio.currentTask(loop))));
  loop.callLater(0.01, () => print("call_later sees:", describe(asyncio.currentTask(loop))));
  const [r1, r2] = yield* asyncio.gather(t1, t2);
  print("returned selves:", r1 === t1, r2 === t2);
  yield* asyncio.sleep(0.02);
  print("main again:", asyncio.currentTask() === mainTask);
  const fut = loop.createFuture<string | undefined>();
  function cb() {
    fut.setResult(describe(asyncio.currentTask(loop)));
  }
  loop.callSoon(cb);
  print("future set from callback with:", yield* fut);
  print("all_tasks has only main:", [...asyncio.allTasks()].map((t) => describe(t)));
}

asyncio.runSync(main());
process.stdout.write("outside the loop, no running loop: ");
try {
  asyncio.currentTask();
} catch (e) {
  if (!(e instanceof asyncio.RuntimeError)) throw e;
  print("RuntimeError", e.message);
}
