import * as asyncio from "asyncio-ts";
import { print } from "./_py";

function* leaf<T>(v: T, d: number) {
  yield* asyncio.sleep(d);
  return v;
}

function* subtree(base: number) {
  const ts = (yield* asyncio.asyncWith(new asyncio.TaskGroup(), function* (tg) {
    return [0, 1, 2].map((i) => tg.createTask(leaf(base + i, 0.001 * (3 - i))));
  }))!;
  return ts.reduce((sum, t) => sum + t.result(), 0);
}

function* main() {
  const subs = (yield* asyncio.asyncWith(new asyncio.TaskGroup(), function* (tg) {
    const subs = [0, 10, 20].map((b) => tg.createTask(subtree(b)));
    print("created", subs.length, "subtrees");
    return subs;
  }))!;
  print(subs.map((s) => s.result()), subs.reduce((a, s) => a + s.result(), 0));
  yield* asyncio.asyncWith(new asyncio.TaskGroup(), function* () {});
  print("empty group exits at once");
  yield* asyncio.asyncWith(new asyncio.TaskGroup(), function* (tg) {
    const t = tg.createTask(leaf("named", 0), { name: "child" });
    print("name:", t.getName());
  });
  const order: string[] = [];
  function* rec(tag: string, d: number) {
    yield* asyncio.sleep(d);
    order.push(tag);
  }
  yield* asyncio.asyncWith(new asyncio.TaskGroup(), function* (tg) {
    for (const [tag, d] of [["c", 0.03], ["a", 0.01], ["b", 0.02]] as const) tg.createTask(rec(tag, d));
    order.push("body end");
  });
  print(order);
}

asyncio.runSync(main(), { clock: new asyncio.VirtualClock() });
