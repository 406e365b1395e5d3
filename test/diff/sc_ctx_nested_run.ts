import * as asyncio from "asyncio-ts";
import { print } from "./_py";

const a = new asyncio.ContextVar<string>("a", { default: "a0" });

function show(tag: string) {
  return `${tag}:${a.get()}`;
}

function* main() {
  const outer = asyncio.copyContext();
  function level1() {
    a.set("a1");
    const inner = asyncio.copyContext();
    function level2() {
      a.set("a2");
      return show("level2");
    }
    const r = inner.run(level2);
    return [r, show("level1"), inner.get(a)];
  }
  print(`(${outer.run(level1).map((x) => `'${x}'`).join(", ")})`, show("main"), outer.get(a));
  try {
    outer.run(() => outer.run(show, "x"));
  } catch (e) {
    if (e instanceof asyncio.RuntimeError) print("RuntimeError: cannot enter an entered context:", e.message.includes("is already entered"));
  }
  print("keys:", [...outer.keys()].map((v) => v.name), "values:", [...outer.values()], "has:", outer.has(a));
  const empty = new asyncio.Context();
  print("a fresh Context is empty:", empty.size, empty.run(show, "fresh"));
  yield;
}

asyncio.runSync(main());
