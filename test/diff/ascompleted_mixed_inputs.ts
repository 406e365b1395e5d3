import * as asyncio from "asyncio-ts";
import { print } from "./_py";

function* job(name: string, delay: number) {
  yield* asyncio.sleep(delay);
  return name;
}

function* main() {
  const loop = asyncio.getRunningLoop();
  const done = loop.createFuture<string>();
  done.setResult("already done");
  const t = asyncio.createTask(job("task", 0.02));
  const items = [...asyncio.asCompleted<string>([t, done, t, done])];
  print("duplicates collapse: items", items.length);
  for (const aw of items) print("->", yield* aw);
  print("empty input yields nothing:", [...asyncio.asCompleted([])]);
  // items are interchangeable: awaiting them out of order still gives completion order
  const a = asyncio.createTask(job("a", 0.04));
  const b = asyncio.createTask(job("b", 0.02));
  const [first, second] = [...asyncio.asCompleted([a, b])];
  print("second awaited first:", yield* second!);
  print("then the first:", yield* first!);
  try {
    [...asyncio.asCompleted(loop.createFuture() as never)];
  } catch (e) {
    if (!(e instanceof TypeError)) throw e;
    print("a single future is refused: TypeError");
  }
}

asyncio.runSync(main());
