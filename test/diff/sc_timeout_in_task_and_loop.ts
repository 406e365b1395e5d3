import * as asyncio from "asyncio-ts";
import { print } from "./_py";

function* worker(n: number, d: number) {
  try {
    return yield* asyncio.asyncWith(asyncio.timeout(0.03), function* () {
      yield* asyncio.sleep(d);
      return `w${n} finished`;
    });
  } catch (e) {
    if (e instanceof asyncio.TimeoutError) return `w${n} timed out`;
    throw e;
  }
}

function* main() {
  print(yield* asyncio.gather(...[0.01, 0.05, 0.02, 0.1].map((d, i) => worker(i, d))));
  try {
    asyncio.timeout(1);
  } catch (e) {
    if (e instanceof asyncio.RuntimeError) print("never: timeout() inside a task is fine");
  }
  print("done");
}

asyncio.runSync(main(), { clock: new asyncio.VirtualClock() });
try {
  asyncio.timeout(1);
} catch (e) {
  if (e instanceof asyncio.RuntimeError) print("timeout() outside a running loop:", e.message);
}
