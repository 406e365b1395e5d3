import * as asyncio from "asyncio-ts";
import { print } from "./_py";

function* expensive() {
  yield* asyncio.sleep(0.03);
  return "computed once";
}

function* main() {
  const shared = asyncio.createTask(expensive());
  function* user(n: number) {
    try {
      return yield* asyncio.shield(shared);
    } catch (e) {
      if (e instanceof asyncio.CancelledError) return `user ${n} gave up`;
      throw e;
    }
  }
  const users = [0, 1, 2].map((i) => asyncio.createTask(user(i)));
  yield* asyncio.sleep(0.01);
  users[1]!.cancel();
  print(yield* asyncio.gather(...users));
  print("shared task survived:", shared.result());
}

asyncio.runSync(main(), { clock: new asyncio.VirtualClock() });
