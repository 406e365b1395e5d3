import * as asyncio from "asyncio-ts";
import { print } from "./_py";

const v = new asyncio.ContextVar<string>("v", { default: "fresh" });

function* setter(value: string) {
  const before = v.get();
  v.set(value);
  return before;
}

print(asyncio.runSync(setter("first run")));
print(asyncio.runSync(setter("second run")));
print("top level:", v.get());
v.set("set at top level");
print(asyncio.runSync(setter("third run")), "| top level after:", v.get());
