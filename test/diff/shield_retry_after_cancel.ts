import * as asyncio from "asyncio-ts";
import { print } from "./_py";

function* critical() {
  for (let i = 0; i < 3; i++) {
    yield* asyncio.sleep(0.04);
    print("critical step", i);
  }
  return "committed";
}

function* guardian(t: asyncio.Task<string>) {
  let interruptions = 0;
  let result: string;
  while (true) {
    try {
      result = yield* asyncio.shield(t);
      break;
    } catch (e) {
      if (!(e instanceof asyncio.CancelledError)) throw e;
      interruptions += 1;
      print("guardian interrupted", interruptions, "time(s); task done:", t.done());
    }
  }
  print("guardian got", result, "after", interruptions, "interruptions; cancelling:", asyncio.currentTask()!.cancelling());
  return result;
}

function* main() {
  const t = asyncio.createTask(critical());
  const g = asyncio.createTask(guardian(t));
  yield* asyncio.sleep(0.02);
  g.cancel();
  yield* asyncio.sleep(0.04);
  g.cancel();
  g.cancel();
  print("guardian result:", yield* g, "cancelled:", g.cancelled());
}

asyncio.runSync(main());
