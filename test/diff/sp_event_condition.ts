import * as asyncio from "asyncio-ts";
import { print } from "./_py";

function* main() {
  const ev = new asyncio.Event();
  const log: string[] = [];
  function* waiter(name: string) {
    log.push(`${name} waits`);
    yield* ev.wait();
    log.push(`${name} woke`);
  }
  const ts = [..."abc"].map((n) => asyncio.createTask(waiter(n)));
  yield* asyncio.sleep(0);
  print("is_set:", ev.isSet());
  ev.set();
  ev.set();
  yield* asyncio.gather(...ts);
  print(log);
  print("wait on set event returns at once:", yield* ev.wait());
  ev.clear();
  const w = asyncio.createTask(ev.wait());
  yield* asyncio.sleep(0.01);
  print("after clear, waiting:", !w.done());
  w.cancel();
  yield* asyncio.gather(w, { returnExceptions: true });

  const cond = new asyncio.Condition();
  const items: number[] = [];
  const out: [string, number][] = [];
  function* consumer(name: string) {
    yield* asyncio.asyncWith(cond, function* () {
      yield* cond.waitFor(() => items.length > 0);
      out.push([name, items.shift()!]);
    });
  }
  const show = () => `[${out.map(([n, i]) => `('${n}', ${i})`).join(", ")}]`;
  const cs = ["c1", "c2", "c3"].map((n) => asyncio.createTask(consumer(n)));
  yield* asyncio.sleep(0);
  yield* asyncio.asyncWith(cond, function* () {
    items.push(1, 2);
    cond.notify(2);
  });
  yield* asyncio.sleep(0.01);
  print("after notify(2):", show());
  yield* asyncio.asyncWith(cond, function* () {
    items.push(3);
    cond.notifyAll();
  });
  yield* asyncio.gather(...cs);
  print("after notify_all:", show());
  try {
    cond.notify();
  } catch (e) {
    if (e instanceof asyncio.RuntimeError) print("RuntimeError:", e.message);
  }
  try {
    yield* cond.wait();
  } catch (e) {
    if (e instanceof asyncio.RuntimeError) print("RuntimeError:", e.message);
  }
  const lock = new asyncio.Lock();
  const cond2 = new asyncio.Condition(lock);
  yield* asyncio.asyncWith(cond2, function* () {
    print("shared lock held:", lock.locked());
  });
  function* cancelledWaiter() {
    yield* asyncio.asyncWith(cond, function* () {
      try {
        yield* cond.wait();
      } catch (e) {
        if (e instanceof asyncio.CancelledError) print("cancelled in wait, lock re-acquired:", cond.locked());
        throw e;
      }
    });
  }
  const cw = asyncio.createTask(cancelledWaiter());
  yield* asyncio.sleep(0);
  cw.cancel();
  yield* asyncio.gather(cw, { returnExceptions: true });
  print("lock free again:", !cond.locked());
}

asyncio.runSync(main());
