import * as asyncio from "asyncio-ts";
import { print } from "./_py";

function* failingChild(): asyncio.Coroutine<never> {
  yield* asyncio.sleep(0.02);
  throw new RangeError("child failed");
}

function* failsWhenCancelled() {
  try {
    yield* asyncio.sleep(1);
  } catch (e) {
    if (e instanceof asyncio.CancelledError) throw new RangeError("failed during cancellation");
    throw e;
  }
}

function* slowChild() {
  try {
    yield* asyncio.sleep(1);
  } catch (e) {
    if (e instanceof asyncio.CancelledError) print("slow child cancelled");
    throw e;
  }
}

function* parent() {
  try {
    yield* asyncio.asyncWith(new asyncio.TaskGroup(), function* (tg) {
      tg.createTask(failsWhenCancelled());
      tg.createTask(slowChild());
      yield* asyncio.sleep(1);
    });
  } catch (e) {
    print("parent saw", (e as Error).name);
    throw e;
  }
}

function* main() {
  // The body is cancelled from outside; a child fails while the group winds down.
  const p = asyncio.createTask(parent());
  yield* asyncio.sleep(0.01);
  p.cancel();
  try {
    yield* p;
  } catch (e) {
    if (e instanceof asyncio.CancelledError) print("outside: CancelledError; cancelled():", p.cancelled());
    else if (e instanceof asyncio.ExceptionGroup)
      print("outside: group", e.exceptions.map((x) => (x as Error).message), "cancelling:", p.cancelling());
  }
  // The child fails first; the body is cancelled by the group, and the parent goes on.
  function* survives() {
    try {
      yield* asyncio.asyncWith(new asyncio.TaskGroup(), function* (tg) {
        tg.createTask(failingChild());
        yield* asyncio.sleep(1);
      });
    } catch (e) {
      if (!(e instanceof asyncio.ExceptionGroup)) throw e;
      print("handled the group's error");
    }
    yield* asyncio.sleep(0);
    print("code after the group runs; cancelling():", asyncio.currentTask()!.cancelling());
    return "ok";
  }
  print(yield* survives());
  // Nested groups: an inner failure propagates as a nested group.
  try {
    yield* asyncio.asyncWith(new asyncio.TaskGroup(), function* (outer) {
      function* innerGroup() {
        yield* asyncio.asyncWith(new asyncio.TaskGroup(), function* (tg) {
          tg.createTask(failingChild());
        });
      }
      outer.createTask(innerGroup());
    });
  } catch (e) {
    if (!(e instanceof asyncio.ExceptionGroup)) throw e;
    const first = e.exceptions[0] as asyncio.ExceptionGroup;
    print("nested:", first.name, first.exceptions.map((x) => (x as Error).message));
  }
}

asyncio.runSync(main());
