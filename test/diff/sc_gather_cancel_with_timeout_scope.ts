import * as asyncio from "asyncio-ts";
import { print } from "./_py";

function* part(n: number, log: string[]) {
  try {
    yield* asyncio.sleep(0.01 * n);
    log.push(`part ${n} done`);
    return n;
  } catch (e) {
    if (e instanceof asyncio.CancelledError) log.push(`part ${n} cancelled`);
    throw e;
  }
}

function* main() {
  const log: string[] = [];
  try {
    yield* asyncio.asyncWith(asyncio.timeout(0.025), function* () {
      yield* asyncio.gather(...[1, 2, 3, 4].map((n) => part(n, log)));
    });
  } catch (e) {
    if (!(e instanceof asyncio.TimeoutError)) throw e;
    log.push("timeout");
  }
  print(log);
  log.length = 0;
  let res: unknown[] = [];
  yield* asyncio.asyncWith(asyncio.timeout(0.025), function* () {
    res = yield* asyncio.gather(part(1, log), part(2, log), { returnExceptions: true });
  });
  print(res, log);
}

asyncio.runSync(main(), { clock: new asyncio.VirtualClock() });
