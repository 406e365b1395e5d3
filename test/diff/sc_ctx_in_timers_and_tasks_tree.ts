import * as asyncio from "asyncio-ts";
import { print } from "./_py";

const req = new asyncio.ContextVar<number>("req");

function* handle(rid: number) {
  req.set(rid);
  yield* asyncio.sleep(0.001 * (3 - rid));
  return yield* asyncio.gather(step("a"), step("b"));
}

function* step(name: string) {
  yield* asyncio.sleep(0);
  return `${req.get()}-${name}`;
}

function* main() {
  print(yield* asyncio.gather(...[0, 1, 2].map(handle)));
  try {
    req.get();
  } catch (e) {
    if (e instanceof asyncio.LookupError) print("main never saw a request id");
  }
}

asyncio.runSync(main(), { clock: new asyncio.VirtualClock() });
