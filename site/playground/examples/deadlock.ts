// A lock-order deadlock: "left" takes lock a then b, "right" takes b then a. Each gets its
// first lock, and waits forever for the other's. With nothing ready and no timer left, the
// loop can never finish, and the run fails with a report of who waits on whom.
import * as asyncio from "asyncio-ts";

function* worker(first: asyncio.Lock, second: asyncio.Lock) {
  yield* first.acquire();
  console.log(`${asyncio.currentTask()!.getName()} holds its first lock`);
  yield* asyncio.sleep(0.1);
  yield* second.acquire();
  console.log("never printed");
}

function* main() {
  const a = new asyncio.Lock();
  const b = new asyncio.Lock();
  yield* asyncio.gather(
    asyncio.createTask(worker(a, b), { name: "left" }),
    asyncio.createTask(worker(b, a), { name: "right" }),
  );
}

await asyncio.run(main());
