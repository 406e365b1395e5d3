import * as asyncio from "asyncio-ts";
import { print } from "./_py";

function* work(name: string, turns: number) {
  for (let i = 0; i < turns; i++) {
    yield* asyncio.sleep(0);
  }
  print(name, "returns");
  return name.toUpperCase();
}

function* waiter(name: string, t: asyncio.Task<string>) {
  print(name, "waits");
  const r = yield* t;
  print(name, "got", r);
  return r;
}

function* main() {
  const loop = asyncio.getRunningLoop();
  const target = asyncio.createTask(work("target", 2));
  target.addDoneCallback((f) => print("done cb 1 sees", f.result()));
  const w1 = asyncio.createTask(waiter("w1", target));
  const w2 = asyncio.createTask(waiter("w2", target));
  yield* asyncio.sleep(0);
  target.addDoneCallback((f) => print("done cb 2 sees", f.result()));
  const w3 = asyncio.createTask(waiter("w3", target));
  print("main awaits target");
  let r = yield* target;
  print("main got", r);
  yield* asyncio.sleep(0);
  print("all waiters done:", w1.done(), w2.done(), w3.done());
  // Awaiting a task that is already done does not suspend.
  loop.callSoon(print, "callback queued before awaiting done task");
  r = yield* target;
  print("awaited done task again:", r);
  yield* asyncio.sleep(0);
  print("end");
}

asyncio.runSync(main());
