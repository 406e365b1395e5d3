import * as asyncio from "asyncio-ts";
import { print, repr } from "./_py";

function* quick(x: number): asyncio.Coroutine<number> {
  return x;
}

function* slow(x: number) {
  yield* asyncio.sleep(0.01);
  return x;
}

function* waiter(makeGather: () => asyncio.Future<number[]>, catchIt: boolean) {
  const g = makeGather();
  try {
    const r = yield* g;
    print("  waiter got", r);
    return r;
  } catch (e) {
    if (!(e instanceof asyncio.CancelledError)) throw e;
    print("  waiter: CancelledError", repr(e.message), "| gather done:", g.done());
    if (catchIt) {
      return "recovered";
    }
    throw e;
  }
}

function* kase(label: string, second: (x: number) => asyncio.Coroutine<number>, catchIt: boolean) {
  print(label);
  const kids: asyncio.Task<number>[] = [];
  function makeGather() {
    kids.push(asyncio.createTask(quick(1)));
    kids.push(asyncio.createTask(second(2)));
    return asyncio.gather(...kids);
  }
  const w = asyncio.createTask(waiter(makeGather, catchIt));
  yield* asyncio.sleep(0);
  yield* asyncio.sleep(0);
  // Both children have finished by now if `second` is quick, but the gather's
  // own callbacks have not run yet: cancelling it cancels no child.
  print("  kids done:", kids.map((k) => k.done()));
  print("  cancel waiter:", w.cancel("stop"), "cancelling:", w.cancelling());
  try {
    print("  =>", yield* w, "| waiter cancelled:", w.cancelled());
  } catch (e) {
    if (!(e instanceof asyncio.CancelledError)) throw e;
    print("  => waiter cancelled:", w.cancelled());
  }
  print("  kids cancelled:", kids.map((k) => k.cancelled()));
}

function* main() {
  yield* kase("children finished, gather pending", quick, false);
  yield* kase("children finished, gather pending, waiter catches", quick, true);
  yield* kase("one child still running", slow, false);
}

asyncio.runSync(main());
