import * as asyncio from "asyncio-ts";
import { print, repr } from "./_py";

function* atSleep() {
  try {
    yield* asyncio.sleep(10);
  } catch (e) {
    if (e instanceof asyncio.CancelledError) print("sleep cancelled:", repr(e.message));
    throw e;
  }
}

function* atFuture(fut: asyncio.Future<unknown>) {
  try {
    yield* fut;
  } finally {
    print("future waiter finally; future cancelled:", fut.cancelled());
  }
}

function* atTask(inner: asyncio.Task<unknown>) {
  try {
    yield* inner;
  } catch (e) {
    if (e instanceof asyncio.CancelledError) print("task waiter cancelled; inner cancelled:", inner.cancelled());
    throw e;
  }
}

function* atBare() {
  let i = 0;
  try {
    for (;;) {
      yield* asyncio.sleep(0);
      i += 1;
    }
  } catch (e) {
    if (e instanceof asyncio.CancelledError) print("bare yield cancelled after", i, "turns");
    throw e;
  }
}

function* neverStarted() {
  print("never printed");
}

function* main() {
  const loop = asyncio.getRunningLoop();
  const fut = loop.createFuture();
  const inner = asyncio.createTask(asyncio.sleep(10));
  const tasks = [
    asyncio.createTask(atSleep()),
    asyncio.createTask(atFuture(fut)),
    asyncio.createTask(atTask(inner)),
    asyncio.createTask(atBare()),
  ];
  const early = asyncio.createTask(neverStarted());
  print("cancel early:", early.cancel());
  for (let k = 0; k < 3; k++) yield* asyncio.sleep(0);
  tasks.forEach((t, i) => print(i, "cancel:", t.cancel(`stop ${i}`)));
  const results = yield* asyncio.gather(...tasks, early, { returnExceptions: true });
  for (const r of results) print((r as Error).name, repr((r as Error).message));
  print(tasks.map((t) => t.cancelled()), early.cancelled());
}

asyncio.runSync(main());
