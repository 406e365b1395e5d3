import * as asyncio from "asyncio-ts";
import { print } from "./_py";

const v = new asyncio.ContextVar<string>("v", { default: "outside" });

function* reader() {
  return v.get();
}

function* main() {
  const ctx = asyncio.copyContext();
  const startInCtx = () => {
    v.set("inside ctx.run");
    return asyncio.createTask(reader());
  };
  const t = ctx.run(startInCtx);
  print("a task created inside Context.run copies that context:", yield* t);
  print("outside unchanged:", v.get());
}

asyncio.runSync(main());
