import * as asyncio from "asyncio-ts";
import { print } from "./_py";

// Python's return/continue/break inside `async with` become values the body returns.
class Tracker implements asyncio.AsyncContextManager<void> {
  constructor(
    readonly log: string[],
    readonly n: number,
  ) {}
  *aenter() {
    this.log.push(`enter ${this.n}`);
  }
  *aexit() {
    this.log.push(`exit ${this.n}`);
    return false;
  }
}

function* firstEven(log: string[]) {
  for (let n = 0; n < 5; n++) {
    const action = yield* asyncio.asyncWith(new Tracker(log, n), function* () {
      if (n % 2 === 1) return "continue";
      if (n === 2) return "return";
      return "next";
    });
    if (action === "return") return n;
  }
  return null;
}

function* main() {
  const log: string[] = [];
  print("returned", yield* firstEven(log));
  print(log);
  log.length = 0;
  for (let n = 0; n < 3; n++) {
    const stop = yield* asyncio.asyncWith(new Tracker(log, n), function* () {
      return n === 1;
    });
    if (stop) break;
  }
  print(log);
}

asyncio.runSync(main());
