import * as asyncio from "asyncio-ts";
import { print, repr } from "./_py";

function* spinner(log: [number, string, number][]) {
  let turns = 0;
  let caught = 0;
  while (true) {
    try {
      if (turns % 2 === 0) {
        yield* asyncio.sleep(0);
      } else {
        yield;
      }
      turns += 1;
    } catch (e) {
      if (!(e instanceof asyncio.CancelledError)) throw e;
      const me = asyncio.currentTask()!;
      caught += 1;
      log.push([turns, e.message, me.cancelling()]);
      if (caught === 1) {
        print("  first cancel swallowed at turn", turns, "msg", repr(e.message), "cancelling", me.cancelling());
        continue;
      }
      if (caught === 2) {
        const left = me.uncancel();
        print("  second cancel swallowed, uncancel() ->", left);
        continue;
      }
      print("  third cancel: finishing normally with a value");
      return `spun ${turns} turns, caught ${caught}`;
    }
  }
}

function* main() {
  const log: [number, string, number][] = [];
  const t = asyncio.createTask(spinner(log));
  yield* asyncio.sleep(0);
  yield* asyncio.sleep(0);
  print("cancel 1:", t.cancel("one"));
  yield* asyncio.sleep(0);
  yield* asyncio.sleep(0);
  print("after cancel 1: done", t.done(), "cancelling", t.cancelling());
  print("cancel 2:", t.cancel("two"), "cancelling", t.cancelling());
  yield* asyncio.sleep(0);
  yield* asyncio.sleep(0);
  yield* asyncio.sleep(0);
  print("after cancel 2: done", t.done(), "cancelling", t.cancelling());
  print("cancel 3:", t.cancel("three"));
  const r = yield* t;
  print("result:", r);
  print("cancelled():", t.cancelled(), "cancelling():", t.cancelling());
  print("log:", log);
  print("cancel after done:", t.cancel());
}

asyncio.runSync(main());
