import * as asyncio from "asyncio-ts";
import { print } from "./_py";

function* main() {
  const cond = new asyncio.Condition();
  const presence: number[] = [];
  function* c1() {
    return yield* asyncio.asyncWith(cond, function* () {
      yield* cond.waitFor(() => presence.includes(1));
      return "c1 saw 1";
    });
  }
  function* c2() {
    return yield* asyncio.asyncWith(cond, function* () {
      yield* cond.waitFor(() => presence.includes(2));
      return "c2 saw 2";
    });
  }
  const t1 = asyncio.createTask(c1());
  const t2 = asyncio.createTask(c2());
  yield* asyncio.sleep(0);
  yield* asyncio.asyncWith(cond, function* () {
    presence.push(2);
    cond.notifyAll();
  });
  yield* asyncio.sleep(0.01);
  print("after 2:", t1.done(), t2.done());
  yield* asyncio.asyncWith(cond, function* () {
    presence.push(1);
    cond.notifyAll();
  });
  print(yield* t1, yield* t2);
  yield* asyncio.asyncWith(cond, function* () {
    print("wait_for with a true predicate returns at once:", yield* cond.waitFor(() => "already"));
  });
  process.stdout.write("notify with no waiters is fine: ");
  yield* asyncio.asyncWith(cond, function* () {
    cond.notify(5);
  });
  print("ok");
}

asyncio.runSync(main());
