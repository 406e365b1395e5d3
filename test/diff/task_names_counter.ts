import * as asyncio from "asyncio-ts";
import { print, repr } from "./_py";

function* myName() {
  yield* asyncio.sleep(0);
  return asyncio.currentTask()!.getName();
}

function* main() {
  const loop = asyncio.getRunningLoop();
  print("main:", asyncio.currentTask()!.getName());
  const a = asyncio.createTask(myName());
  // A name given to loop.create_task takes no number from the counter.
  // (asyncio.create_task(name=...) took one in 3.11 but not in 3.13: not tested.)
  const b = loop.createTask(myName(), { name: "named-b" });
  const c = loop.createTask(myName());
  const d = asyncio.ensureFuture(myName()) as asyncio.Task<string>;
  print("created:", a.getName(), b.getName(), c.getName(), d.getName());
  print("from inside:", yield* a, yield* b, yield* c, yield* d);
  // gather wraps each coroutine in a task, in order
  print("gather:", yield* asyncio.gather(myName(), myName(), a));
  // ensure_future of an existing task makes no new task
  const same = asyncio.ensureFuture(a);
  print("ensure_future(task) is task:", same === a);
  // shield wraps a coroutine in a task
  print("shield:", yield* asyncio.shield(myName()));
  const e = loop.createTask(myName(), { name: "" });
  const f = asyncio.createTask(myName());
  print("empty name:", repr(e.getName()), "next default:", f.getName());
  f.setName("renamed-f");
  print("renamed before it runs, it sees:", yield* f);
  yield* e;
  const g = asyncio.createTask(myName());
  print("next:", g.getName());
  yield* g;
  const h = asyncio.createTask(myName(), { name: "last" });
  print("last:", h.getName(), yield* h);
}

asyncio.runSync(main());
