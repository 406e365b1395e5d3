// lock, Effection: T tasks x K acquire/release of a mutex with a bare yield inside the
// critical section. Effection has no mutex; this FIFO one is hand-written on
// withResolvers, as the native one is on promises.
import { run, spawn, withResolvers, type Operation, type Task } from "effection";
import { yieldNow } from "../../effection-now";
import { report, size } from "../../harness";

const tasksCount = 100;
const rounds = size(10_000);
let counter = 0;


class Mutex {
  private locked = false;
  private waiters: (() => void)[] = [];
  private head = 0;

  *acquire(): Operation<void> {
    if (!this.locked) {
      this.locked = true;
      return;
    }
    const { operation, resolve } = withResolvers<void>();
    this.waiters.push(resolve);
    yield* operation;
  }

  release(): void {
    if (this.head < this.waiters.length) {
      const next = this.waiters[this.head++]!;
      if (this.head > 1024 && this.head * 2 > this.waiters.length) {
        this.waiters = this.waiters.slice(this.head);
        this.head = 0;
      }
      next(); // ownership passes straight to the next waiter
    } else {
      this.locked = false;
    }
  }
}

function* worker(mutex: Mutex): Operation<void> {
  for (let i = 0; i < rounds; i++) {
    yield* mutex.acquire();
    const seen = counter;
    yield* yieldNow();
    counter = seen + 1;
    mutex.release();
  }
}

const start = performance.now();
await run(function* () {
  const mutex = new Mutex();
  const tasks: Task<void>[] = [];
  for (let t = 0; t < tasksCount; t++) tasks.push(yield* spawn(() => worker(mutex)));
  for (const task of tasks) yield* task;
});
report(performance.now() - start, counter, tasksCount * rounds);
