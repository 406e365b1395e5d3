import * as asyncio from "asyncio-ts";
import { print } from "./_py";

class Pool implements asyncio.AsyncContextManager<Pool> {
  free = ["c1", "c2"];
  log: string[] = [];
  *aenter() {
    return this;
  }
  *aexit() {
    this.log.push("pool closed");
    return false;
  }
  connection(): asyncio.AsyncContextManager<string> {
    const pool = this;
    let c = "";
    return {
      *aenter() {
        while (pool.free.length === 0) yield* asyncio.sleep(0.005);
        c = pool.free.shift()!;
        pool.log.push(`take ${c}`);
        return c;
      },
      *aexit() {
        pool.free.push(c);
        pool.log.push(`give ${c}`);
        return false;
      },
    };
  }
}

function* main() {
  const pool = new Pool();
  yield* asyncio.asyncWith(pool, function* (pool) {
    function* user(n: number) {
      return yield* asyncio.asyncWith(pool.connection(), function* (c) {
        yield* asyncio.sleep(0.01);
        return `user ${n} used ${c}`;
      });
    }
    print(yield* asyncio.gather(user(0), user(1), user(2)));
  });
  print(pool.log);
}

asyncio.runSync(main(), { clock: new asyncio.VirtualClock() });
