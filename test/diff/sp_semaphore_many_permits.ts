import * as asyncio from "asyncio-ts";
import { print } from "./_py";

function* main() {
  const sem = new asyncio.Semaphore(5);
  for (let i = 0; i < 5; i++) yield* sem.acquire();
  print("all 5 taken; locked:", sem.locked());
  const waiters = [0, 1, 2].map(() => asyncio.createTask(sem.acquire()));
  yield* asyncio.sleep(0);
  for (let i = 0; i < 2; i++) sem.release();
  yield* asyncio.sleep(0);
  print("2 released:", waiters.map((w) => w.done()));
  for (let i = 0; i < 6; i++) sem.release();
  yield* asyncio.gather(...waiters);
  print("after more releases:", waiters.map((w) => w.done()), "locked:", sem.locked());
  let got = 0;
  while (!sem.locked()) {
    yield* sem.acquire();
    got += 1;
  }
  print("permits left to take:", got);
}

asyncio.runSync(main());
