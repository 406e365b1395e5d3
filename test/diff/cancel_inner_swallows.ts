import * as asyncio from "asyncio-ts";
import { print, repr } from "./_py";

function* stubbornInner(name: string, swallowCount: number) {
  let swallowed = 0;
  while (true) {
    try {
      yield* asyncio.sleep(0.02);
      print("  ", name, "finished its work");
      return name + " result";
    } catch (e) {
      if (!(e instanceof asyncio.CancelledError)) throw e;
      if (swallowed < swallowCount) {
        swallowed += 1;
        print("  ", name, "swallowed", repr(e.message), `#${swallowed}`);
        continue;
      }
      print("  ", name, "gives up on", repr(e.message));
      throw e;
    }
  }
}

function* outer(inner: asyncio.Task<string>) {
  let r: string;
  try {
    r = yield* inner;
  } catch (e) {
    if (!(e instanceof asyncio.CancelledError)) throw e;
    print("   outer: CancelledError", repr(e.message));
    throw e;
  }
  const me = asyncio.currentTask()!;
  print("   outer got", repr(r), "cancelling:", me.cancelling());
  yield* asyncio.sleep(0);
  print("   outer was not cancelled at its next await");
  return "outer done";
}

function* kase(label: string, swallowCount: number, cancels: number, pause = 0) {
  print(label);
  const inner = asyncio.createTask(stubbornInner("inner", swallowCount));
  const o = asyncio.createTask(outer(inner));
  yield* asyncio.sleep(0);
  for (let i = 0; i < cancels; i++) {
    print("   cancel outer:", o.cancel(`c${i}`), "outer cancelling:", o.cancelling(), "inner cancelling:", inner.cancelling());
    if (pause) {
      yield* asyncio.sleep(pause);
    }
  }
  try {
    print("   =>", yield* o, "| outer cancelled:", o.cancelled(), "inner cancelled:", inner.cancelled());
  } catch (e) {
    if (!(e instanceof asyncio.CancelledError)) throw e;
    print("   => outer cancelled:", o.cancelled(), "inner cancelled:", inner.cancelled());
  }
}

function* main() {
  yield* kase("inner swallows the only cancel", 1, 1);
  yield* kase("inner swallows one of two (back to back)", 1, 2);
  yield* kase("inner swallows one of two (apart)", 1, 2, 0.005);
  yield* kase("inner swallows both", 2, 2, 0.005);
  // inner already finished, outer not yet woken: outer.cancel() cannot cancel inner
  print("inner done before outer wakes");
  const inner = asyncio.createTask(stubbornInner("inner", 0));
  const o = asyncio.createTask(outer(inner));
  inner.addDoneCallback((f) => print("   inner done; cancel outer:", o.cancel("late"), "inner cancel:", f.cancel()));
  try {
    yield* o;
  } catch (e) {
    if (!(e instanceof asyncio.CancelledError)) throw e;
    print("   => outer cancelled:", o.cancelled(), "inner result:", inner.result());
  }
}

asyncio.runSync(main());
