import * as asyncio from "asyncio-ts";
import { print } from "./_py";

function* main() {
  const lock = new asyncio.Lock();
  // Uncontended acquire does not suspend: no other task runs in between.
  const ran: string[] = [];
  const t = asyncio.createTask(asyncio.sleep(0));
  t.addDoneCallback(() => ran.push("other task finished"));
  yield* lock.acquire();
  ran.push("acquired");
  lock.release();
  yield* lock.acquire();
  ran.push("acquired again");
  lock.release();
  yield* asyncio.sleep(0);
  yield* asyncio.sleep(0);
  print(ran);
  // Contended: the waiter suspends until release.
  yield* lock.acquire();
  const events: string[] = [];
  function* contender() {
    events.push("contender waits");
    yield* lock.acquire();
    events.push("contender acquired");
    lock.release();
  }
  const c = asyncio.createTask(contender());
  yield* asyncio.sleep(0);
  events.push("main releases");
  lock.release();
  yield* c;
  print(events);
}

asyncio.runSync(main());
