// lock: T tasks x K acquire/release of one asyncio.Lock, yielding inside the critical
// section; a read-yield-write counter proves no update was lost.
import * as asyncio from "asyncio-ts";
import { report, size } from "../../harness";

const tasksCount = 100;
const rounds = size(10_000);
let counter = 0;

function* worker(lock: asyncio.Lock) {
  for (let i = 0; i < rounds; i++) {
    yield* lock.acquire();
    const seen = counter;
    yield;
    counter = seen + 1;
    lock.release();
  }
}

function* main() {
  const lock = new asyncio.Lock();
  const tasks: asyncio.Task<void>[] = [];
  for (let t = 0; t < tasksCount; t++) tasks.push(asyncio.createTask(worker(lock)));
  yield* asyncio.gather(...tasks);
}

const start = performance.now();
await asyncio.run(main());
report(performance.now() - start, counter, tasksCount * rounds);
