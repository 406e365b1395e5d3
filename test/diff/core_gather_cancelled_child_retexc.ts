import * as asyncio from "asyncio-ts";
import { print } from "./_py";

function* main() {
  const loop = asyncio.getRunningLoop();
  const t1 = asyncio.createTask(asyncio.sleep(1, "never"));
  const t2 = asyncio.createTask(asyncio.sleep(0.01, "fine"));
  const f = loop.createFuture();
  const g = asyncio.gather(t1, t2, f, { returnExceptions: true });
  yield* asyncio.sleep(0);
  t1.cancel("child msg");
  f.setException(new asyncio.LookupError("future failed"));
  const res = yield* g;
  // Python prints tuples: ('CancelledError', '')
  print(`[${res.map((r) => (r instanceof Error ? `('${r.name}', '${r.message}')` : `'${r}'`)).join(", ")}]`);
}

asyncio.runSync(main());
