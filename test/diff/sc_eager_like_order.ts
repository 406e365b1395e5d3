import * as asyncio from "asyncio-ts";
import { print } from "./_py";

// Task start order relative to the creator (the non-eager default, same in 3.11 and 3.13).
function* child(name: string, log: string[]) {
  log.push(`${name} starts`);
  yield* asyncio.sleep(0);
  log.push(`${name} resumes`);
}

function* main() {
  const log: string[] = [];
  const t1 = asyncio.createTask(child("t1", log));
  log.push("created t1");
  const t2 = asyncio.createTask(child("t2", log));
  log.push("created t2");
  yield* asyncio.sleep(0);
  log.push("main after one turn");
  yield* asyncio.gather(t1, t2);
  print(log);
}

asyncio.runSync(main());
