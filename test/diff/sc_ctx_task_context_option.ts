import * as asyncio from "asyncio-ts";
import { print } from "./_py";

const v = new asyncio.ContextVar<number>("v", { default: 0 });

function* bump() {
  v.set(v.get() + 1);
  return v.get();
}

function* main() {
  const ctx = asyncio.copyContext();
  const loop = asyncio.getRunningLoop();
  const r1 = yield* loop.createTask(bump(), { context: ctx });
  const r2 = yield* loop.createTask(bump(), { context: ctx });
  print("two tasks sharing one context:", r1, r2, "ctx:", ctx.get(v), "main:", v.get());
  const r3 = yield* asyncio.createTask(bump());
  const r4 = yield* asyncio.createTask(bump());
  print("default: each task its own copy:", r3, r4, "main:", v.get());
}

asyncio.runSync(main());
