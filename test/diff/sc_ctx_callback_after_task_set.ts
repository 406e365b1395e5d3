import * as asyncio from "asyncio-ts";
import { print } from "./_py";

const v = new asyncio.ContextVar<string>("v", { default: "root" });

function* main() {
  const loop = asyncio.getRunningLoop();
  const seen: [string, string][] = [];
  function* taskBody() {
    v.set("task value");
    loop.callSoon(() => seen.push(["callback scheduled in task", v.get()]));
    const fut = loop.createFuture();
    fut.addDoneCallback(() => seen.push(["done callback added in task", v.get()]));
    loop.callSoon(() => fut.setResult(undefined));
    yield* fut;
    yield* asyncio.sleep(0);
  }
  yield* asyncio.createTask(taskBody());
  print(`[${seen.map(([a, b]) => `('${a}', '${b}')`).join(", ")}]`, "main:", v.get());
}

asyncio.runSync(main());
