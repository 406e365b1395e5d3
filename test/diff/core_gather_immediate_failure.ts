import * as asyncio from "asyncio-ts";
import { print } from "./_py";

function* instantFail(): asyncio.Coroutine<never> {
  throw new RangeError("instant");
}

function* slow(name: string) {
  yield* asyncio.sleep(0.01);
  print(name, "completed anyway");
  return name;
}

function* main() {
  try {
    yield* asyncio.gather(slow("s1"), instantFail(), slow("s2"));
  } catch (e) {
    if (e instanceof RangeError) print("failed fast:", e.message);
  }
  yield* asyncio.sleep(0.02);
  print("end");
}

asyncio.runSync(main());
