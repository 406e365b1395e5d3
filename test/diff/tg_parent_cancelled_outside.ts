import * as asyncio from "asyncio-ts";
import { print } from "./_py";

function* child(name: string, delay: number, verbose: boolean) {
  try {
    yield* asyncio.sleep(delay);
    print(name, "done");
  } catch (e) {
    if (e instanceof asyncio.CancelledError && verbose) print(name, "cancelled");
    throw e;
  } finally {
    if (verbose) print(name, "finally");
  }
}

function* inBody(started: asyncio.Future<unknown>) {
  try {
    yield* asyncio.asyncWith(new asyncio.TaskGroup(), function* (tg) {
      tg.createTask(child("c1", 1, true));
      tg.createTask(child("c2", 1, false));
      started.setResult(undefined);
      yield* asyncio.sleep(1);
    });
  } catch (e) {
    if (e instanceof asyncio.CancelledError) {
      print("in_body: CancelledError propagates out of the group");
      throw e;
    } else if (e instanceof asyncio.ExceptionGroup) print("wrong: ExceptionGroup");
    else throw e;
  }
}

function* inExit(started: asyncio.Future<unknown>) {
  try {
    yield* asyncio.asyncWith(new asyncio.TaskGroup(), function* (tg) {
      tg.createTask(child("d1", 1, true));
      tg.createTask(child("d2", 0.01, false));
      started.setResult(undefined);
    });
    print("not reached");
  } catch (e) {
    if (e instanceof asyncio.CancelledError) print("in_exit: CancelledError while the group waited for children");
    throw e;
  }
}

function* main() {
  const loop = asyncio.getRunningLoop();
  const fns: [string, (started: asyncio.Future<unknown>) => asyncio.Coroutine<void>][] = [
    ["in_body", inBody],
    ["in_exit", inExit],
  ];
  for (const [name, fn] of fns) {
    const started = loop.createFuture();
    const t = asyncio.createTask(fn(started));
    yield* started;
    yield* asyncio.sleep(0.03);
    t.cancel();
    try {
      yield* t;
    } catch (e) {
      if (!(e instanceof asyncio.CancelledError)) throw e;
      print(name, "task cancelled:", t.cancelled());
    }
  }
}

asyncio.runSync(main());
