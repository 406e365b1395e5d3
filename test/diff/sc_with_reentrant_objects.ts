import * as asyncio from "asyncio-ts";
import { print } from "./_py";

class Counter implements asyncio.AsyncContextManager<number> {
  depth = 0;
  log: string[] = [];
  *aenter() {
    this.depth += 1;
    this.log.push(`in ${this.depth}`);
    return this.depth;
  }
  *aexit() {
    this.log.push(`out ${this.depth}`);
    this.depth -= 1;
    return false;
  }
}

function* main() {
  const c = new Counter();
  yield* asyncio.asyncWith(c, function* (a) {
    yield* asyncio.asyncWith(c, function* (b) {
      yield* asyncio.asyncWith(c, function* (d) {
        c.log.push(`body ${a}${b}${d}`);
      });
    });
  });
  print(c.log, c.depth);
}

asyncio.runSync(main());
