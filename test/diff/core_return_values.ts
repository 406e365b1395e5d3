import * as asyncio from "asyncio-ts";
import { print } from "./_py";

function* returns<T>(v: T) {
  yield* asyncio.sleep(0);
  return v;
}

function* noReturn() {
  yield* asyncio.sleep(0);
}

function* main() {
  print(yield* returns([1, [2, 3]]), yield* returns("s"), yield* returns(undefined), yield* noReturn());
  print(yield* asyncio.gather(returns(true), returns(false), noReturn()));
  const t = asyncio.createTask(noReturn());
  yield* t;
  print("result of a coroutine without return:", t.result());
}

asyncio.runSync(main());
