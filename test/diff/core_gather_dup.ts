import * as asyncio from "asyncio-ts";
import { print } from "./_py";

let calls = 0;
function* counted(x: number) {
  calls += 1;
  yield* asyncio.sleep(0);
  return x;
}

function* main() {
  const loop = asyncio.getRunningLoop();
  const c = counted(1);
  const res = yield* asyncio.gather(c, c, counted(2));
  print(res, "calls:", calls);
  const t = asyncio.createTask(counted(3));
  const f = loop.createFuture<string>();
  loop.callSoon((v: string) => f.setResult(v), "f");
  print(yield* asyncio.gather(t, f, t, f), "calls:", calls);
  const inner = asyncio.gather(counted(4), counted(5));
  const outer = yield* asyncio.gather(inner, counted(6), asyncio.gather());
  print(outer);
}

asyncio.runSync(main());
