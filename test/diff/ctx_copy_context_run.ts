import * as asyncio from "asyncio-ts";
import { print } from "./_py";

const v = new asyncio.ContextVar<string>("var", { default: "default" });
const other = new asyncio.ContextVar<string>("other");

function inside(arg: string, kw = "k") {
  print("inside run sees", v.get(), "args", arg, kw);
  v.set("changed inside");
  other.set("only inside");
  return "returned " + arg;
}

function* main() {
  v.set("outer");
  const ctx = asyncio.copyContext();
  print(ctx.run(inside, "x"));
  print("outside still:", v.get(), "other set outside:", other.get("missing"));
  print("ctx keeps the change:", ctx.get(v), ctx.get(other), "len", ctx.size, ctx.has(v));
  print("a second run sees the first run's changes:", ctx.run(() => v.get()));
  const fresh = new asyncio.Context();
  print("empty Context: len", fresh.size, "sees", fresh.run(() => v.get()), "in:", fresh.has(v));
  try {
    ctx.run(() => ctx.run(() => v.get()));
  } catch (e) {
    if (!(e instanceof asyncio.RuntimeError)) throw e;
    print("entering the same context twice -> RuntimeError");
  }
  function failing() {
    v.set("set before failing");
    throw new RangeError("inside failed");
  }
  try {
    ctx.run(failing);
  } catch (e) {
    if (!(e instanceof RangeError)) throw e;
    print("error from run propagates:", e.message, "; change kept:", ctx.get(v));
  }
  const copy2 = ctx.copy();
  copy2.run((x: string) => v.set(x), "only in copy2");
  print("copy is independent:", ctx.get(v), copy2.get(v));
  print("variables in ctx:", [...ctx].map((x) => x.name).sort());
  // a task created inside ctx.run starts from that context's values
  const t = ctx.run(() => asyncio.createTask(read()));
  print("task created inside ctx.run sees:", yield* t);
}

function* read() {
  return v.get();
}

asyncio.runSync(main());
