import * as asyncio from "asyncio-ts";
import { print } from "./_py";

const request = new asyncio.ContextVar<string>("request", { default: "none" });
const user = new asyncio.ContextVar<string>("user");

function* handler(name: string) {
  print(name, "sees at start:", request.get());
  request.set(name);
  yield* asyncio.sleep(0);
  print(name, "sees after set:", request.get());
  return request.get();
}

function* main() {
  request.set("main");
  const results = yield* asyncio.gather(handler("a"), handler("b"));
  print("results", results, "main still sees", request.get());
  const loop = asyncio.getRunningLoop();
  request.set("before call_soon");
  const fut = loop.createFuture();
  loop.callSoon(() => {
    print("callback sees", request.get());
    fut.setResult(undefined);
  });
  request.set("after call_soon");
  yield* fut;
  const ctx = asyncio.copyContext();
  const inCtx = () => {
    request.set("changed inside run");
    return request.get();
  };
  print("run:", ctx.run(inCtx), "| outside:", request.get(), "| ctx keeps it:", ctx.get(request));
  const token = user.set("alice");
  print(user.get());
  user.reset(token);
  try {
    user.get();
  } catch (e) {
    if (e instanceof asyncio.LookupError) print("LookupError after reset; default arg:", user.get("anon"));
  }
  try {
    user.reset(token);
  } catch (e) {
    if (e instanceof asyncio.RuntimeError) print("RuntimeError: token used twice:", e.message.includes("has already been used"));
  }
  const t2 = request.set("x");
  try {
    asyncio.copyContext().run(() => request.reset(t2));
  } catch (e) {
    if (e instanceof RangeError) print("ValueError:", e.message.includes("different Context"));
  }
  try {
    user.reset(t2);
  } catch (e) {
    if (e instanceof RangeError) print("ValueError:", e.message.includes("different ContextVar"));
  }
}

asyncio.runSync(main());
