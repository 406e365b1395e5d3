import * as asyncio from "asyncio-ts";
import { print } from "./_py";

function* main() {
  const sem = new asyncio.Semaphore(1);
  print("fresh:", sem.locked());
  yield* sem.acquire();
  print("after acquire:", sem.locked());
  const w = asyncio.createTask(sem.acquire());
  yield* asyncio.sleep(0);
  sem.release();
  print("released, but a waiter is queued -> locked:", sem.locked());
  yield* w;
  print("waiter got it:", sem.locked());
  sem.release();
  // A newcomer does not jump a queue whose head was just woken.
  yield* sem.acquire();
  const a = asyncio.createTask(sem.acquire());
  yield* asyncio.sleep(0);
  sem.release();
  const newcomer = asyncio.createTask(sem.acquire());
  yield* asyncio.sleep(0);
  print("woken waiter first:", a.done(), "newcomer waits:", !newcomer.done());
  sem.release();
  yield* newcomer;
  sem.release();
  print("value restored:", !sem.locked());
}

asyncio.runSync(main());
