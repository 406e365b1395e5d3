import * as asyncio from "asyncio-ts";
import { print } from "./_py";

const request = new asyncio.ContextVar<string>("request", { default: "none" });

function* handler(n: number) {
  const before = request.get();
  request.set(`${before}/child${n}`);
  yield* asyncio.sleep(0.01 * n);
  return request.get();
}

function* main() {
  request.set("req-1");
  let t1!: asyncio.Task<string>, t2!: asyncio.Task<string>, t3!: asyncio.Task<string>;
  let ctx!: asyncio.Context;
  yield* asyncio.asyncWith(new asyncio.TaskGroup(), function* (tg) {
    t1 = tg.createTask(handler(1));
    request.set("req-2");
    t2 = tg.createTask(handler(2));
    ctx = asyncio.copyContext();
    ctx.run((x: string) => request.set(x), "req-ctx");
    t3 = tg.createTask(handler(3), { context: ctx });
    request.set("req-3");
  });
  print([t1.result(), t2.result(), t3.result()]);
  print("parent:", request.get(), "ctx after its task ran:", ctx.get(request));
  // create_task with an explicit context shares it: the task's set is visible in ctx
  const shared = asyncio.copyContext();
  let t = asyncio.createTask(handler(1), { context: shared });
  yield* t;
  print("shared context after the task:", shared.get(request));
  // shield() and wait_for() with tasks keep the task's own context
  t = asyncio.createTask(handler(1));
  print("via shield:", yield* asyncio.shield(t));
  t = asyncio.createTask(handler(2));
  print("via wait_for:", yield* asyncio.waitFor(t, 1));
  print("parent unchanged:", request.get());
}

asyncio.runSync(main());
