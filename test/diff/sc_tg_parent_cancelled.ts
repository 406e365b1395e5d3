import * as asyncio from "asyncio-ts";
import { print, repr } from "./_py";

function* child(n: number, log: string[]) {
  try {
    yield* asyncio.sleep(1);
  } catch (e) {
    if (e instanceof asyncio.CancelledError) log.push(`child ${n} cancelled`);
    throw e;
  }
}

function* parent(log: string[]) {
  yield* asyncio.asyncWith(new asyncio.TaskGroup(), function* (tg) {
    for (let i = 0; i < 3; i++) tg.createTask(child(i, log));
    yield* asyncio.sleep(1);
  });
}

function* main() {
  const log: string[] = [];
  const p = asyncio.createTask(parent(log));
  yield* asyncio.sleep(0.01);
  p.cancel("stop the group");
  try {
    yield* p;
  } catch (e) {
    if (e instanceof asyncio.CancelledError) print("parent cancelled:", p.cancelled(), repr(e.message));
  }
  print(log.sort());
}

asyncio.runSync(main());
