import * as asyncio from "asyncio-ts";
import { print } from "./_py";

const v = new asyncio.ContextVar<string>("var", { default: "default" });
const plain = new asyncio.ContextVar<number>("plain");

function* main() {
  const t1 = v.set("one");
  print("token.var is var:", t1.variable === v, "old value is MISSING:", t1.oldValue === asyncio.Token.MISSING);
  const t2 = v.set("two");
  print("second token old value:", t2.oldValue);
  v.reset(t2);
  print("after reset(t2):", v.get());
  v.reset(t1);
  print("after reset(t1): back to the default:", v.get());
  const tp = plain.set(1);
  plain.reset(tp);
  print("plain var after reset is unset:", (plain as asyncio.ContextVar<unknown>).get("unset"));
  // reset out of order
  const a = v.set("a");
  const b = v.set("b");
  v.reset(a);
  print("reset the older token first:", v.get());
  v.reset(b);
  print("then the newer one restores its old value:", v.get());
  // reset inside a task only affects the task
  v.set("main");
  function* child() {
    const tok = v.set("child");
    yield* asyncio.sleep(0);
    v.reset(tok);
    return v.get();
  }
  print("child after reset sees:", yield* asyncio.createTask(child()), "; main sees:", v.get());
}

asyncio.runSync(main());
