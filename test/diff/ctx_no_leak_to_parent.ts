import * as asyncio from "asyncio-ts";
import { print } from "./_py";

const v = new asyncio.ContextVar<string>("var", { default: "parent value" });
const counter = new asyncio.ContextVar<number>("counter", { default: 0 });

function* child(name: string) {
  v.set(name);
  counter.set(counter.get() + 1);
  yield* asyncio.sleep(0);
  print(name, "sees its own value:", v.get(), "counter", counter.get());
  const grandchild = asyncio.createTask(grand(name));
  v.set(name + " changed after spawning");
  return yield* grandchild;
}

function* grand(parentName: string) {
  yield* asyncio.sleep(0);
  return `grandchild of ${parentName} sees ${v.get()}`;
}

function* main() {
  counter.set(10);
  const results = yield* asyncio.gather(child("a"), child("b"));
  print(results);
  print("parent still sees:", v.get(), "counter", counter.get());
  // awaiting a coroutine directly (no task) shares the caller's context
  yield* child("direct");
  print("after a direct await the parent sees:", v.get(), "counter", counter.get());
}

asyncio.runSync(main());
