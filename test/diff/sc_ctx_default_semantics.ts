import * as asyncio from "asyncio-ts";
import { print } from "./_py";

const withDefault = new asyncio.ContextVar<string>("with_default", { default: "D" });
const without = new asyncio.ContextVar<string | null>("without");

function* main() {
  print(withDefault.get(), withDefault.get("arg wins"), without.get("arg"));
  try {
    without.get();
  } catch (e) {
    if (e instanceof asyncio.LookupError) print("LookupError without value or default");
  }
  const t = without.set(null);
  print("None is a value:", without.get("unused"));
  without.reset(t);
  print("name:", withDefault.name, without.name);
  const ctx = asyncio.copyContext();
  print("defaults are not stored in contexts:", ctx.has(withDefault), ctx.size);
  print("Context.get with a default:", ctx.get(without, "ctx default"), ctx.get(withDefault));
  yield;
}

asyncio.runSync(main());
