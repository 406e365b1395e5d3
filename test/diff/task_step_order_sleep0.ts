import * as asyncio from "asyncio-ts";
import { print } from "./_py";

function* ticker(name: string, n: number) {
  for (let i = 0; i < n; i++) {
    print(name, "tick", i);
    yield* asyncio.sleep(0);
  }
  print(name, "done");
  return name;
}

function* bareTicker(name: string, n: number) {
  for (let i = 0; i < n; i++) {
    print(name, "bare", i);
    yield;
  }
  print(name, "done");
  return name;
}

function* main() {
  const loop = asyncio.getRunningLoop();
  loop.callSoon(print, "cb A");
  const t1 = asyncio.createTask(ticker("t1", 3));
  const t2 = asyncio.createTask(bareTicker("t2", 1));
  loop.callSoon(print, "cb B");
  const t3 = asyncio.createTask(bareTicker("t3", 2));
  print("main before first sleep(0)");
  yield* asyncio.sleep(0);
  print("main after 1st sleep(0)");
  loop.callSoon(print, "cb C");
  yield;
  print("main after bare yield");
  const t4 = asyncio.createTask(ticker("t4", 2));
  yield* asyncio.sleep(0);
  print("main after 2nd sleep(0)");
  print("done flags:", t1.done(), t2.done(), t3.done(), t4.done());
  const r = yield* t4;
  print("t4 result", r);
  print("done flags:", t1.done(), t2.done(), t3.done(), t4.done());
  print([t1, t2, t3, t4].map((t) => t.result()));
}

asyncio.runSync(main());
