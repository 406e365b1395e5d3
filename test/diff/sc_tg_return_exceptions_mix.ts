import * as asyncio from "asyncio-ts";
import { print } from "./_py";

function* maybe(n: number) {
  yield* asyncio.sleep(0.001 * n);
  if (n % 3 === 0) throw new RangeError(`bad ${n}`);
  return n;
}

function* main() {
  // gather inside a group: gather's own error handling first, then the group's.
  let g: asyncio.Task<unknown[]> | undefined;
  yield* asyncio.asyncWith(new asyncio.TaskGroup(), function* (tg) {
    g = tg.createTask(
      (function* () {
        return yield* asyncio.gather(...[1, 2, 3, 4, 5, 6].map(maybe), { returnExceptions: true });
      })(),
    );
  });
  print(g!.result().map((r) => (typeof r === "number" ? r : (r as Error).message)));
  try {
    yield* asyncio.asyncWith(new asyncio.TaskGroup(), function* (tg) {
      tg.createTask(
        (function* () {
          return yield* asyncio.gather(maybe(1), maybe(3));
        })(),
      );
      tg.createTask(maybe(2));
    });
  } catch (eg) {
    if (!(eg instanceof asyncio.ExceptionGroup)) throw eg;
    print("the failed gather's first error reaches the group:", eg.exceptions.map((e) => (e as Error).message));
  }
}

asyncio.runSync(main(), { clock: new asyncio.VirtualClock() });
