import * as asyncio from "asyncio-ts";
import { print } from "./_py";

const v = new asyncio.ContextVar<number>("var", { default: 0 });
const pair = (p: readonly number[]) => `(${p.join(", ")})`;

function* child(n: number) {
  const before = v.get();
  v.set(n);
  yield* asyncio.sleep(0);
  return [before, v.get()] as const;
}

function* main() {
  v.set(1);
  const t = asyncio.createTask(child(10));
  v.set(2);
  print("child saw the value at its creation:", pair(yield* t), "parent:", v.get());
  const ctx = asyncio.copyContext();
  ctx.run((x: number) => v.set(x), 99);
  const t2 = asyncio.getRunningLoop().createTask(child(20), { context: ctx });
  print("explicit context:", pair(yield* t2), "ctx now:", ctx.get(v), "parent:", v.get());
  const fut = asyncio.getRunningLoop().createFuture();
  v.set(3);
  fut.addDoneCallback(() => print("done callback sees", v.get()));
  v.set(4);
  fut.setResult(undefined);
  yield* asyncio.sleep(0);
  const results = yield* asyncio.gather(...[100, 101, 102].map(child));
  print("gather children each had their own copy:", `[${results.map(pair).join(", ")}]`, "parent:", v.get());
  print("context length/keys:", ctx.size, [...ctx].map((x) => x.name));
}

asyncio.runSync(main());
