import * as asyncio from "asyncio-ts";
import { print } from "./_py";

function* main() {
  const cond = new asyncio.Condition();
  const buf: (number | null)[] = [];
  const consumed: [string, number][] = [];
  function* producer() {
    for (let i = 0; i < 6; i++) {
      yield* asyncio.asyncWith(cond, function* () {
        while (buf.length >= 2) yield* cond.wait();
        buf.push(i);
        cond.notifyAll();
      });
      yield* asyncio.sleep(0);
    }
  }
  function* consumer(name: string) {
    for (;;) {
      const item = yield* asyncio.asyncWith(cond, function* () {
        yield* cond.waitFor(() => buf.length > 0);
        const item = buf.shift()!;
        cond.notifyAll();
        return item;
      });
      if (item === null || item === undefined) return;
      consumed.push([name, item]);
    }
  }
  const cs = ["x", "y"].map((n) => asyncio.createTask(consumer(n)));
  yield* producer();
  yield* asyncio.asyncWith(cond, function* () {
    buf.push(null, null);
    cond.notifyAll();
  });
  yield* asyncio.gather(...cs);
  print(consumed.map(([, i]) => i).sort(), consumed.length);
}

asyncio.runSync(main());
