import * as asyncio from "asyncio-ts";
import { print } from "./_py";

class Resource implements asyncio.AsyncContextManager<string> {
  constructor(readonly name: string) {}

  *aenter() {
    print("aenter start", this.name);
    yield* asyncio.sleep(0);
    print("aenter end", this.name);
    return this.name + "-value";
  }

  *aexit(exc?: unknown) {
    print("aexit start", this.name, "exc is None:", exc === undefined);
    yield* asyncio.sleep(0);
    print("aexit end", this.name);
    return false;
  }
}

function* ticker() {
  for (let i = 0; i < 7; i++) {
    print("tick", i);
    yield* asyncio.sleep(0);
  }
}

function* main() {
  const t = asyncio.createTask(ticker());
  yield* asyncio.asyncWith(new Resource("r"), function* (v) {
    print("body got", v);
    yield* asyncio.sleep(0);
    print("body end");
  });
  print("after with");
  yield* t;
  print("ticker done");
}

asyncio.runSync(main());
