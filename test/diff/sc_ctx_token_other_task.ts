import * as asyncio from "asyncio-ts";
import { print } from "./_py";

const v = new asyncio.ContextVar<string>("v", { default: "default" });

function* main() {
  const token = v.set("set in main");
  function* other() {
    try {
      v.reset(token);
    } catch (e) {
      if (e instanceof RangeError) return `ValueError: different Context: ${e.message.includes("different Context") ? "True" : "False"}`;
      throw e;
    }
  }
  print(yield* asyncio.createTask(other()));
  v.reset(token);
  print("reset in the right context:", v.get());
  function* own() {
    const t = v.set("child value");
    const inner = v.get();
    v.reset(t);
    return [inner, v.get()];
  }
  print(`(${(yield* asyncio.createTask(own())).map((x) => `'${x}'`).join(", ")})`);
  print("token info:", token.variable === v, token.oldValue === asyncio.Token.MISSING);
}

asyncio.runSync(main());
