import * as asyncio from "asyncio-ts";
import { print } from "./_py";

const depth = new asyncio.ContextVar<number>("depth", { default: 0 });

function* recurse(n: number): asyncio.Coroutine<number[]> {
  const token = depth.set(depth.get() + 1);
  try {
    if (n === 0) return [depth.get()];
    const results = yield* asyncio.gather(recurse(n - 1), recurse(n - 1));
    return [depth.get(), ...results.flat()];
  } finally {
    depth.reset(token);
  }
}

function* main() {
  print(yield* recurse(2));
  print("reset back:", depth.get());
}

asyncio.runSync(main());
