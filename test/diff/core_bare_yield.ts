import * as asyncio from "asyncio-ts";
import { print } from "./_py";

function* spinner(name: string, n: number) {
  for (let i = 0; i < n; i++) {
    print(name, i);
    yield;
  }
  return n;
}

function* main() {
  const loop = asyncio.getRunningLoop();
  loop.callSoon(print, "callback before tasks");
  const a = asyncio.createTask(spinner("a", 3));
  const b = asyncio.createTask(spinner("b", 2));
  loop.callSoon(print, "callback after tasks");
  yield;
  print("main resumed once");
  print((yield* a) + (yield* b));
}

asyncio.runSync(main());
