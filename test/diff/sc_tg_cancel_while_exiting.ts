import * as asyncio from "asyncio-ts";
import { print } from "./_py";

function* slow(log: string[]) {
  try {
    yield* asyncio.sleep(0.05);
    log.push("slow finished");
  } catch (e) {
    if (e instanceof asyncio.CancelledError) log.push("slow cancelled");
    throw e;
  }
}

function* parent(log: string[]) {
  try {
    yield* asyncio.asyncWith(new asyncio.TaskGroup(), function* (tg) {
      tg.createTask(slow(log));
      log.push("body done, waiting in exit");
    });
  } catch (e) {
    if (e instanceof asyncio.CancelledError) log.push("parent cancelled while the group waited");
    throw e;
  }
}

function* main() {
  const log: string[] = [];
  const p = asyncio.createTask(parent(log));
  yield* asyncio.sleep(0.01);
  p.cancel();
  yield* asyncio.gather(p, { returnExceptions: true });
  print(log, p.cancelled());
}

asyncio.runSync(main(), { clock: new asyncio.VirtualClock() });
