import * as asyncio from "asyncio-ts";
import { print, str } from "./_py";

function* child(name: string, delay: number, verbose = true) {
  try {
    yield* asyncio.sleep(delay);
    print(name, "done");
    return name;
  } catch (e) {
    if (e instanceof asyncio.CancelledError && verbose) print(name, "cancelled");
    throw e;
  }
}

function* fail(delay: number): asyncio.Coroutine<never> {
  yield* asyncio.sleep(delay);
  throw new RangeError("child failed first");
}

function* main() {
  const loop = asyncio.getRunningLoop();
  const t0 = loop.time();
  // a timeout around a group: the children are cancelled, TimeoutError comes out
  let cm = asyncio.timeout(0.05);
  try {
    yield* asyncio.asyncWith(cm, function* () {
      yield* asyncio.asyncWith(new asyncio.TaskGroup(), function* (tg) {
        tg.createTask(child("quick", 0.01));
        tg.createTask(child("slow", 1));
      });
    });
  } catch (e) {
    if (!(e instanceof asyncio.TimeoutError)) throw e;
    print("TimeoutError around the group; expired:", cm.expired(), "elapsed", (loop.time() - t0).toFixed(1));
  }
  // a child failure before the deadline wins
  cm = asyncio.timeout(0.1);
  try {
    yield* asyncio.asyncWith(cm, function* () {
      yield* asyncio.asyncWith(new asyncio.TaskGroup(), function* (tg) {
        tg.createTask(child("slow", 1));
        tg.createTask(fail(0.01));
      });
    });
  } catch (e) {
    if (e instanceof asyncio.TimeoutError) print("wrong: TimeoutError");
    else if (e instanceof asyncio.ExceptionGroup) print("ExceptionGroup:", e.exceptions.map(str), "expired:", cm.expired());
    else throw e;
  }
  // a timeout inside the group body, handled there: the group carries on
  let t!: asyncio.Task<string>;
  yield* asyncio.asyncWith(new asyncio.TaskGroup(), function* (tg) {
    t = tg.createTask(child("background", 0.06));
    try {
      yield* asyncio.asyncWith(asyncio.timeout(0.02), function* () {
        yield* asyncio.sleep(1);
      });
    } catch (e) {
      if (!(e instanceof asyncio.TimeoutError)) throw e;
      print("body timed out, group continues; background done:", t.done());
    }
  });
  print("background result:", t.result());
  // a timeout inside a child: the child handles it, siblings unaffected
  function* patient() {
    try {
      yield* asyncio.asyncWith(asyncio.timeout(0.02), function* () {
        yield* asyncio.sleep(1);
      });
    } catch (e) {
      if (!(e instanceof asyncio.TimeoutError)) throw e;
      print("child timed out on its own");
      return "recovered";
    }
    return undefined;
  }
  let p!: asyncio.Task<string | undefined>, q!: asyncio.Task<string>;
  yield* asyncio.asyncWith(new asyncio.TaskGroup(), function* (tg) {
    p = tg.createTask(patient());
    q = tg.createTask(child("sibling", 0.04));
  });
  print(p.result(), q.result());
}

asyncio.runSync(main());
