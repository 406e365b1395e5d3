import * as asyncio from "asyncio-ts";
import { print } from "./_py";

function* leaf(x: number) {
  yield* asyncio.sleep(0);
  return x * 2;
}

function* nothing(): asyncio.Coroutine<void> {
  yield* asyncio.sleep(0);
}

function* level2(x: number) {
  const a = yield* leaf(x);
  const b = yield* leaf(a);
  print("level2", x, "->", a, b);
  return [a, b];
}

function* level1(x: number) {
  const pair = yield* level2(x);
  const t = asyncio.createTask(level2(x + 1));
  const other = yield* t;
  const n = yield* nothing();
  print("level1 nothing returned", n);
  return pair.concat(other);
}

function* noAwait(x: number): asyncio.Coroutine<number> {
  return x + 100;
}

function* deep(n: number): asyncio.Coroutine<string> {
  if (n === 0) {
    yield* asyncio.sleep(0);
    return "bottom";
  }
  const r = yield* deep(n - 1);
  return r + "<" + String(n);
}

function* main() {
  const r = yield* level1(1);
  print("level1 result", r);
  print("no await:", yield* noAwait(1));
  const t = asyncio.createTask(noAwait(2));
  print("task no await:", yield* t, t.result());
  print("deep:", yield* deep(5));
  print("deep task:", yield* asyncio.createTask(deep(3)));
  const results = yield* asyncio.gather(level1(10), deep(2), noAwait(0), nothing());
  print("gathered:", results);
  return "main value";
}

print("run returned:", asyncio.runSync(main()));
