import * as asyncio from "asyncio-ts";
import { print } from "./_py";

function* main() {
  const outcomes: string[][] = [];
  for (const [innerD, midD, outerD] of [
    [0.01, 0.5, 0.5],
    [0.5, 0.01, 0.5],
    [0.5, 0.5, 0.01],
  ] as const) {
    const where: string[] = [];
    try {
      yield* asyncio.asyncWith(asyncio.timeout(outerD), function* () {
        try {
          yield* asyncio.asyncWith(asyncio.timeout(midD), function* () {
            try {
              yield* asyncio.asyncWith(asyncio.timeout(innerD), function* () {
                yield* asyncio.sleep(1);
              });
            } catch (e) {
              if (!(e instanceof asyncio.TimeoutError)) throw e;
              where.push("inner");
            }
          });
        } catch (e) {
          if (!(e instanceof asyncio.TimeoutError)) throw e;
          where.push("middle");
        }
      });
    } catch (e) {
      if (!(e instanceof asyncio.TimeoutError)) throw e;
      where.push("outer");
    } finally {
      outcomes.push(where);
    }
  }
  print(outcomes, "cancelling:", asyncio.currentTask()!.cancelling());
}

asyncio.runSync(main(), { clock: new asyncio.VirtualClock() });
