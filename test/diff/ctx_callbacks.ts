import * as asyncio from "asyncio-ts";
import { print } from "./_py";

const v = new asyncio.ContextVar<string>("var", { default: "unset" });

function show(label: string) {
  print(label, "runs with", v.get());
}

function setter(label: string) {
  v.set("set by " + label);
  print(label, "set its own value:", v.get());
}

function* main() {
  const loop = asyncio.getRunningLoop();
  v.set("A");
  loop.callSoon(show, "call_soon #1");
  v.set("B");
  loop.callSoon(show, "call_soon #2");
  loop.callLater(0.01, show, "call_later");
  loop.callSoon(setter, "setter");
  loop.callSoon(show, "call_soon #3");
  v.set("C");
  yield* asyncio.sleep(0.02);
  print("main sees", v.get());
  const fut = loop.createFuture();
  v.set("when callback added");
  fut.addDoneCallback(() => show("done callback"));
  v.set("when result set");
  fut.setResult(undefined);
  yield* asyncio.sleep(0);
  const ctx = asyncio.copyContext();
  v.set("after copy");
  ctx.run(() => loop.callSoon(show, "scheduled inside ctx.run"));
  const handle = loop.callSoon(show, "cancelled handle");
  handle.cancel();
  yield* asyncio.sleep(0);
  print("main sees", v.get());
}

asyncio.runSync(main());
