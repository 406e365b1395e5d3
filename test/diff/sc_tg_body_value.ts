import * as asyncio from "asyncio-ts";
import { print } from "./_py";

function* main() {
  const order: string[] = [];
  function* late(n: number) {
    yield* asyncio.sleep(0.01 * n);
    order.push(`child ${n}`);
  }
  const value = yield* asyncio.asyncWith(new asyncio.TaskGroup(), function* (tg) {
    for (const n of [3, 1, 2]) tg.createTask(late(n));
    order.push("body done");
    return "body value";
  });
  order.push("after group");
  print(order);
  void value;
}

asyncio.runSync(main(), { clock: new asyncio.VirtualClock() });
