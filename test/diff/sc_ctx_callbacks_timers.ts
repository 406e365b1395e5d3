import * as asyncio from "asyncio-ts";
import { print } from "./_py";

const v = new asyncio.ContextVar<string>("v", { default: "root" });

function* main() {
  const loop = asyncio.getRunningLoop();
  const seen: [string, string][] = [];
  v.set("at call_later");
  loop.callLater(0.01, () => seen.push(["timer", v.get()]));
  v.set("at call_soon");
  loop.callSoon(() => seen.push(["soon", v.get()]));
  const setter = () => {
    v.set("set inside a callback");
    seen.push(["setter", v.get()]);
  };
  loop.callSoon(setter);
  loop.callSoon(() => seen.push(["after setter", v.get()]));
  v.set("main later");
  yield* asyncio.sleep(0.02);
  print(`[${seen.map(([a, b]) => `('${a}', '${b}')`).join(", ")}]`);
  print("main:", v.get());
  function* child() {
    v.set("child");
    const t = asyncio.createTask(grandchild());
    return yield* t;
  }
  function* grandchild() {
    return v.get();
  }
  print("grandchild inherits from child:", yield* asyncio.createTask(child()), "main:", v.get());
}

asyncio.runSync(main());
