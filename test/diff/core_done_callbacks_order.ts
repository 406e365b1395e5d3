import * as asyncio from "asyncio-ts";
import { print } from "./_py";

function* child() {
  yield* asyncio.sleep(0);
  print("child finishing");
  return "child";
}

function* awaiter(t: asyncio.Task<string>, name: string) {
  const r = yield* t;
  print(name, "got", r);
}

function* main() {
  const t = asyncio.createTask(child());
  t.addDoneCallback((f) => print("callback 1, result", f.result()));
  const a1 = asyncio.createTask(awaiter(t, "awaiter 1"));
  yield* asyncio.sleep(0);
  t.addDoneCallback(() => print("callback 2"));
  const a2 = asyncio.createTask(awaiter(t, "awaiter 2"));
  yield* asyncio.gather(a1, a2);
  t.addDoneCallback(() => print("callback 3 on done task"));
  print("before yielding");
  yield* asyncio.sleep(0);
  print("after yielding");
}

asyncio.runSync(main());
