import * as asyncio from "asyncio-ts";
import { print } from "./_py";

function* withCleanup(log: string[]) {
  try {
    yield* asyncio.sleep(1);
  } finally {
    log.push("cleanup ran before TimeoutError");
  }
}

function* main() {
  const log: string[] = [];
  const t = asyncio.createTask(withCleanup(log));
  yield* asyncio.sleep(0);
  try {
    yield* asyncio.waitFor(t, 0);
  } catch (e) {
    if (e instanceof asyncio.TimeoutError) log.push("TimeoutError");
  }
  print(log, t.cancelled());
}

asyncio.runSync(main());
