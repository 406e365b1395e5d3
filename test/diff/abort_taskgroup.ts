// A TaskGroup whose child fails cancels its siblings: the future a sibling waits on
// is cancelled (in TypeScript, wrapPromise's signal aborts, where Python's done
// callback sees the future cancelled). One sibling only: Python's TaskGroup cancels its
// tasks in the order of a set.
import * as asyncio from "asyncio-ts";
import { print } from "./_py";

function* waiter(name: string) {
  const fut = asyncio.wrapPromise((signal) => {
    signal.addEventListener("abort", () => print(name, "future aborted:", signal.aborted));
    return new Promise<never>(() => {});
  });
  try {
    yield* fut;
  } finally {
    print(name, "finally");
  }
}

function* failing(): asyncio.Coroutine<never> {
  yield* asyncio.sleep(0.01);
  throw new RangeError("boom");
}

function* main() {
  try {
    yield* asyncio.asyncWith(new asyncio.TaskGroup(), function* (tg) {
      tg.createTask(waiter("w1"));
      tg.createTask(failing());
    });
  } catch (eg) {
    if (!(eg instanceof asyncio.ExceptionGroup)) throw eg;
    print("group failed:", eg.exceptions.map((e) => (e as Error).message));
  }
}

await asyncio.run(main());
