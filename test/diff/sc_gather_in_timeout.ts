import * as asyncio from "asyncio-ts";
import { print } from "./_py";

const cancelled: string[] = [];

function report() {
  print("cancelled:", [...cancelled].sort());
  cancelled.length = 0;
}

function* job(name: string, d: number) {
  try {
    yield* asyncio.sleep(d);
    return name;
  } catch (e) {
    if (e instanceof asyncio.CancelledError) cancelled.push(name);
    throw e;
  }
}

function* main() {
  try {
    yield* asyncio.asyncWith(asyncio.timeout(0.05), function* () {
      print(yield* asyncio.gather(job("a", 0.01), job("b", 0.02)));
      yield* asyncio.gather(job("c", 0.01), job("d", 1));
    });
  } catch (e) {
    if (!(e instanceof asyncio.TimeoutError)) throw e;
    print("timeout reached inside gather");
    report();
  }
  try {
    yield* asyncio.waitFor(asyncio.gather(job("e", 1), job("f", 1)), 0.01);
  } catch (e) {
    if (!(e instanceof asyncio.TimeoutError)) throw e;
    print("wait_for around gather timed out");
    report();
  }
  let t: asyncio.Task<string> | undefined;
  yield* asyncio.asyncWith(asyncio.timeout(1), function* () {
    yield* asyncio.asyncWith(new asyncio.TaskGroup(), function* (tg) {
      t = tg.createTask(job("g", 0.01));
    });
  });
  print("group inside timeout:", t!.result());
  try {
    yield* asyncio.asyncWith(asyncio.timeout(0.01), function* () {
      yield* asyncio.asyncWith(new asyncio.TaskGroup(), function* (tg) {
        tg.createTask(job("h", 1));
        tg.createTask(job("i", 1));
      });
    });
  } catch (e) {
    if (!(e instanceof asyncio.TimeoutError)) throw e;
    print("timeout around a task group: TimeoutError, not ExceptionGroup");
    report();
  }
}

asyncio.runSync(main());
