import * as asyncio from "asyncio-ts";
import { print, repr } from "./_py";

const started: string[] = [];

function* sub(name: string) {
  started.push(name);
  print("  sub", name, "body runs");
  yield* asyncio.sleep(0);
  return name;
}

function* selfCancelThenAwaitTask(): asyncio.Coroutine<void> {
  const me = asyncio.currentTask()!;
  me.cancel("self");
  const s = asyncio.createTask(sub("s1"));
  try {
    yield* s;
  } catch (e) {
    if (!(e instanceof asyncio.CancelledError)) throw e;
    print("  parent:", repr(e.message), "sub cancelled:", s.cancelled(), "sub cancelling:", s.cancelling());
    throw e;
  }
}

function* selfCancelThenGather(): asyncio.Coroutine<void> {
  asyncio.currentTask()!.cancel("self-g");
  try {
    yield* asyncio.gather(sub("g1"), sub("g2"));
  } catch (e) {
    if (!(e instanceof asyncio.CancelledError)) throw e;
    print("  parent got CancelledError from gather");
    throw e;
  }
}

function* selfCancelThenFuture(): asyncio.Coroutine<void> {
  const fut = asyncio.getRunningLoop().createFuture();
  asyncio.currentTask()!.cancel("self-f");
  try {
    yield* fut;
  } catch (e) {
    if (!(e instanceof asyncio.CancelledError)) throw e;
    print("  parent:", repr(e.message), "future cancelled:", fut.cancelled());
    throw e;
  }
}

function* selfCancelThenSleep(): asyncio.Coroutine<void> {
  asyncio.currentTask()!.cancel("self-s");
  try {
    yield* asyncio.sleep(0.5);
  } catch (e) {
    if (!(e instanceof asyncio.CancelledError)) throw e;
    print("  parent:", repr(e.message));
    throw e;
  }
}

function* main() {
  const loop = asyncio.getRunningLoop();
  const cases: [string, () => asyncio.Coroutine<void>][] = [
    ["then await a new task", selfCancelThenAwaitTask],
    ["then await gather", selfCancelThenGather],
    ["then await a future", selfCancelThenFuture],
    ["then sleep", selfCancelThenSleep],
  ];
  for (const [label, f] of cases) {
    print("self-cancel", label);
    const t0 = loop.time();
    const t = asyncio.createTask(f());
    try {
      yield* t;
    } catch (e) {
      if (!(e instanceof asyncio.CancelledError)) throw e;
      print("  task cancelled:", t.cancelled(), "cancelling:", t.cancelling(), "quick:", loop.time() - t0 < 0.25);
    }
  }
  print("sub bodies that ran:", started);
}

asyncio.runSync(main());
