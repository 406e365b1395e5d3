import * as asyncio from "asyncio-ts";
import { print } from "./_py";

function* child(name: string, delay: number) {
  yield* asyncio.sleep(delay);
  print("child", name, "done");
  return name.toUpperCase();
}

function* main() {
  const loop = asyncio.getRunningLoop();
  const t0 = loop.time();
  let t1!: asyncio.Task<string>, t2!: asyncio.Task<string>, t3!: asyncio.Task<string>;
  yield* asyncio.asyncWith(new asyncio.TaskGroup(), function* (tg) {
    t1 = tg.createTask(child("a", 0.03), { name: "first" });
    t2 = tg.createTask(child("b", 0.01), { name: "second" });
    t3 = tg.createTask(child("c", 0.02));
    print("body ends before the children");
  });
  print("after the group: all done", [t1, t2, t3].every((t) => t.done()), "elapsed", (loop.time() - t0).toFixed(1));
  print("results:", [t1.result(), t2.result(), t3.result()]);
  print("names:", t1.getName(), t2.getName());
  // the body can also await the children itself
  let u!: asyncio.Task<string>;
  yield* asyncio.asyncWith(new asyncio.TaskGroup(), function* (tg) {
    const t = tg.createTask(child("d", 0.01));
    print("awaited in body:", yield* t);
    u = tg.createTask(child("e", 0.01));
  });
  print("late child result:", u.result());
  // an empty group
  yield* asyncio.asyncWith(new asyncio.TaskGroup(), function* () {});
  print("empty group ok");
}

asyncio.runSync(main());
