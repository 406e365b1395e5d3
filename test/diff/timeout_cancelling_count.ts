import * as asyncio from "asyncio-ts";
import { print } from "./_py";

function* child() {
  const task = asyncio.currentTask()!;
  try {
    yield* asyncio.asyncWith(asyncio.timeout(0.01), function* () {
      yield* asyncio.sleep(1);
    });
  } catch (e) {
    if (!(e instanceof asyncio.TimeoutError)) throw e;
    print("child timed out; cancelling:", task.cancelling());
  }
  return "child ok";
}

function* main() {
  const task = asyncio.currentTask()!;
  for (let i = 0; i < 3; i++) {
    try {
      yield* asyncio.asyncWith(asyncio.timeout(0.01), function* () {
        yield* asyncio.sleep(1);
      });
    } catch (e) {
      if (!(e instanceof asyncio.TimeoutError)) throw e;
      print("round", i, "timed out; cancelling:", task.cancelling());
    }
  }
  const cm = asyncio.timeout(0.01);
  yield* asyncio.asyncWith(cm, function* () {
    try {
      yield* asyncio.sleep(1);
    } catch (e) {
      if (!(e instanceof asyncio.CancelledError)) throw e;
      print("inside: cancelling", task.cancelling(), "expired", cm.expired());
    }
  });
  print("swallowed inside, no TimeoutError: cancelling", task.cancelling(), "expired", cm.expired());
  const t = asyncio.createTask(child());
  print(yield* t, "child cancelling:", t.cancelling(), "cancelled:", t.cancelled());
  // a later timeout still works after all of that
  try {
    yield* asyncio.asyncWith(asyncio.timeout(0.01), function* () {
      yield* asyncio.sleep(1);
    });
  } catch (e) {
    if (!(e instanceof asyncio.TimeoutError)) throw e;
    print("final timeout works; cancelling:", task.cancelling());
  }
}

asyncio.runSync(main());
