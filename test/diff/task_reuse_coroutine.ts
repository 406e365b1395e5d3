import * as asyncio from "asyncio-ts";
import { print } from "./_py";

function* work(n: number) {
  print("work", n, "start");
  yield* asyncio.sleep(0.01);
  print("work", n, "end");
  return n;
}

function* main() {
  // One coroutine object given to two tasks: the first runs it, the second fails.
  const c = work(1);
  const t1 = asyncio.createTask(c);
  const t2 = asyncio.createTask(c);
  for (const t of [t1, t2]) {
    try {
      print("result", yield* t);
    } catch (e) {
      if (e instanceof asyncio.RuntimeError) print("RuntimeError:", e.message);
      else throw e;
    }
  }
  // A coroutine a task already finished.
  try {
    print("result", yield* asyncio.createTask(c));
  } catch (e) {
    if (e instanceof asyncio.RuntimeError) print("RuntimeError:", e.message);
    else throw e;
  }
  // The retry trap: the coroutine the first waitFor closed cannot be awaited again.
  const slow = work(2);
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      print("result", yield* asyncio.waitFor(slow, 0.001));
    } catch (e) {
      if (e instanceof asyncio.TimeoutError) print("attempt", attempt, "timed out");
      else if (e instanceof asyncio.RuntimeError) print("attempt", attempt, "RuntimeError:", e.message);
      else throw e;
    }
  }
  // A fresh coroutine per attempt works.
  print("result", yield* asyncio.waitFor(work(3), 1));
}

await asyncio.run(main());
