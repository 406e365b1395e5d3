import * as asyncio from "asyncio-ts";
import { print } from "./_py";

class CM implements asyncio.AsyncContextManager<string> {
  constructor(
    readonly name: string,
    readonly log: string[],
  ) {}
  *aenter() {
    this.log.push(`enter ${this.name}`);
    return this.name;
  }
  *aexit(e?: unknown) {
    this.log.push(`exit ${this.name}${e !== undefined ? ` with ${(e as Error).name}` : ""}`);
    return false;
  }
}

class KeyError extends Error {
  override name = "KeyError";
}

function* main() {
  const log: string[] = [];
  yield* asyncio.asyncWith(new CM("outer", log), function* (a) {
    yield* asyncio.asyncWith(new CM("inner", log), function* (b) {
      log.push(`body ${a} ${b}`);
    });
  });
  print(log);
  log.length = 0;
  try {
    yield* asyncio.asyncWith(new CM("outer", log), function* () {
      yield* asyncio.asyncWith(new CM("inner", log), function* () {
        throw new KeyError("k");
      });
    });
  } catch (e) {
    if (e instanceof KeyError) log.push("caught");
  }
  print(log);
}

asyncio.runSync(main());
