import * as asyncio from "asyncio-ts";
import { print } from "./_py";

function* main() {
  const lock = new asyncio.Lock();
  const order: string[] = [];
  function* critical(n: string, d: number) {
    yield* asyncio.asyncWith(lock, function* () {
      order.push(`${n} in`);
      yield* asyncio.sleep(d);
      order.push(`${n} out`);
    });
  }
  yield* asyncio.gather(critical("a", 0.02), critical("b", 0), critical("c", 0.01));
  print(order);
}

asyncio.runSync(main(), { clock: new asyncio.VirtualClock() });
