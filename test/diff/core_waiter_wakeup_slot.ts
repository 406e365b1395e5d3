import * as asyncio from "asyncio-ts";
import { print } from "./_py";

// A task waiting on a future wakes in the slot the future took in the ready queue when it
// completed: after callbacks scheduled before, before those scheduled after, and a future
// shared by two waiters wakes both there, in the order they started waiting.
function* main() {
  const loop = asyncio.getRunningLoop();
  const log: string[] = [];
  const [lone, shared] = [loop.createFuture<string>(), loop.createFuture<string>()];

  function* waiter(name: string, future: asyncio.Future<string>) {
    log.push(`${name} got ${yield* future}`);
  }

  const tasks = [asyncio.createTask(waiter("a", lone)), asyncio.createTask(waiter("b", shared)), asyncio.createTask(waiter("c", shared))];
  yield* asyncio.sleep(0);
  loop.callSoon((s: string) => log.push(s), "soon before");
  lone.setResult("lone");
  loop.callSoon((s: string) => log.push(s), "soon between");
  shared.setResult("shared");
  loop.callSoon((s: string) => log.push(s), "soon after");
  yield* asyncio.gather(tasks);
  print(log);
}

asyncio.runSync(main());
