import * as asyncio from "asyncio-ts";
import { print } from "./_py";

function* main() {
  const sem = new asyncio.Semaphore(2);
  let active = 0;
  let peak = 0;
  const order: string[] = [];
  function* worker(name: string) {
    yield* asyncio.asyncWith(sem, function* () {
      active += 1;
      peak = Math.max(peak, active);
      order.push(name);
      yield* asyncio.sleep(0.005);
      active -= 1;
    });
  }
  yield* asyncio.gather(...[..."abcdef"].map(worker));
  print("order:", order.join(""), "peak:", peak, "locked:", sem.locked());
  const s0 = new asyncio.Semaphore(0);
  print("Semaphore(0) locked:", s0.locked());
  const t = asyncio.createTask(s0.acquire());
  yield* asyncio.sleep(0);
  t.cancel();
  yield* asyncio.gather(t, { returnExceptions: true });
  s0.release();
  print("released permit usable:", yield* asyncio.waitFor(s0.acquire(), 0.1), s0.locked());
  const b = new asyncio.BoundedSemaphore(1);
  yield* b.acquire();
  b.release();
  try {
    b.release();
  } catch (e) {
    if (e instanceof RangeError) print("ValueError:", e.message);
  }
  for (const bad of [-1]) {
    try {
      new asyncio.Semaphore(bad);
    } catch (e) {
      if (e instanceof RangeError) print("ValueError:", e.message);
    }
  }
  const barrier = new asyncio.Barrier(3);
  print("parties:", barrier.parties, "n_waiting:", barrier.nWaiting, "broken:", barrier.broken);
  function* party(name: string) {
    const idx = yield* barrier.wait();
    return [name, idx] as const;
  }
  const res = yield* asyncio.gather(...[..."xyz"].map(party));
  print(res.map(([, i]) => i).sort());
  const p = [0, 1].map(() => asyncio.createTask(barrier.wait()));
  yield* asyncio.sleep(0);
  print("n_waiting:", barrier.nWaiting);
  yield* barrier.abort();
  const r = yield* asyncio.gather(...p, { returnExceptions: true });
  print(r.map((x) => (x as Error).name), "broken:", barrier.broken);
  try {
    new asyncio.Barrier(0);
  } catch (e) {
    if (e instanceof RangeError) print("ValueError:", e.message);
  }
}

asyncio.runSync(main());
