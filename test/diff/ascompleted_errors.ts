import * as asyncio from "asyncio-ts";
import { print } from "./_py";

function* ok(name: string, delay: number) {
  yield* asyncio.sleep(delay);
  return name;
}

function* bad(msg: string, delay: number): asyncio.Coroutine<string> {
  yield* asyncio.sleep(delay);
  throw new RangeError(msg);
}

function* main() {
  const tasks = [
    asyncio.createTask(bad("second fails", 0.04)),
    asyncio.createTask(ok("first ok", 0.02)),
    asyncio.createTask(ok("last ok", 0.08)),
    asyncio.createTask(bad("third fails", 0.06)),
  ];
  for (const aw of asyncio.asCompleted(tasks)) {
    try {
      print("result:", yield* aw);
    } catch (e) {
      if (!(e instanceof RangeError)) throw e;
      print("error from the item's await:", e.message);
    }
  }
  const victim = asyncio.createTask(ok("never", 1));
  const other = asyncio.createTask(ok("other", 0.02));
  asyncio.getRunningLoop().callLater(0.01, () => victim.cancel());
  for (const aw of asyncio.asCompleted([victim, other])) {
    try {
      print("result:", yield* aw);
    } catch (e) {
      if (!(e instanceof asyncio.CancelledError)) throw e;
      print("cancelled item raises CancelledError; still running:", !asyncio.currentTask()!.cancelled());
    }
  }
}

asyncio.runSync(main());
