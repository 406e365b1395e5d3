import * as asyncio from "asyncio-ts";
import { excName, print } from "./_py";

const withDefault = new asyncio.ContextVar<unknown>("with_default", { default: "dflt" });
const noDefault = new asyncio.ContextVar<unknown>("no_default");
const noneDefault = new asyncio.ContextVar<unknown>("none_default", { default: undefined });

function* main() {
  print("name:", withDefault.name, noDefault.name);
  print("default:", withDefault.get());
  print("get(arg) beats the var default:", withDefault.get("arg"));
  try {
    noDefault.get();
  } catch (e) {
    if (!(e instanceof asyncio.LookupError)) throw e;
    print("unset, no default -> LookupError:", excName(e));
  }
  print("unset with get(arg):", noDefault.get("fallback"));
  print("unset with get(None):", noDefault.get(undefined));
  print("None as default:", noneDefault.get());
  withDefault.set("set value");
  noDefault.set(0);
  print("after set:", withDefault.get(), withDefault.get("arg"), noDefault.get(), noDefault.get(99));
  noDefault.set(undefined);
  print("set to None:", noDefault.get("ignored"));
  withDefault.set([1, 2]);
  const v = withDefault.get() as number[];
  v.push(3);
  print("values are shared, not copied:", withDefault.get());
  yield* asyncio.sleep(0);
}

asyncio.runSync(main());
