import * as asyncio from "asyncio-ts";
import { print } from "./_py";

let attempts = 0;

function* flaky() {
  attempts += 1;
  yield* asyncio.sleep(attempts < 3 ? 0.05 : 0.005);
  return `succeeded on attempt ${attempts}`;
}

function* main() {
  for (const limit of [0.01, 0.02, 0.03, 0.04]) {
    try {
      print(yield* asyncio.waitFor(flaky(), limit));
      break;
    } catch (e) {
      if (!(e instanceof asyncio.TimeoutError)) throw e;
      print(`attempt ${attempts} timed out after ${limit}`);
    }
  }
  function* withTimeoutScope() {
    for (let i = 0; i < 3; i++) {
      try {
        yield* asyncio.asyncWith(asyncio.timeout(0.01), function* () {
          yield* asyncio.sleep(i < 2 ? 0.05 : 0);
        });
        return `scope attempt ${i} ok`;
      } catch (e) {
        if (!(e instanceof asyncio.TimeoutError)) throw e;
        print(`scope attempt ${i} timed out`);
      }
    }
  }
  print(yield* withTimeoutScope());
}

asyncio.runSync(main(), { clock: new asyncio.VirtualClock() });
