import * as asyncio from "asyncio-ts";
import { print } from "./_py";

function* main() {
  const cond = new asyncio.Condition();
  const woken: string[] = [];
  function* waiter(name: string) {
    yield* asyncio.asyncWith(cond, function* () {
      yield* cond.wait();
      woken.push(name);
    });
  }
  const ts = new Map([..."abcde"].map((n) => [n, asyncio.createTask(waiter(n))]));
  yield* asyncio.sleep(0);
  yield* asyncio.asyncWith(cond, function* () {
    cond.notify(2);
  });
  yield* asyncio.sleep(0.01);
  print("notify(2) woke:", woken);
  yield* asyncio.asyncWith(cond, function* () {
    cond.notifyAll();
  });
  yield* asyncio.gather(...ts.values(), { returnExceptions: true });
  print("all:", woken);
  const state = { n: 0 };
  function* incrementer() {
    for (let i = 0; i < 3; i++) {
      yield* asyncio.sleep(0.005);
      yield* asyncio.asyncWith(cond, function* () {
        state.n += 1;
        cond.notifyAll();
      });
    }
  }
  function* watcher() {
    return yield* asyncio.asyncWith(cond, function* () {
      return yield* cond.waitFor(() => state.n >= 3 && state.n);
    });
  }
  const w = asyncio.createTask(watcher());
  yield* incrementer();
  print("wait_for returned the predicate value:", yield* w);
}

asyncio.runSync(main());
