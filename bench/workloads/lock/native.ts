// lock, native Node: a hand-written FIFO promise mutex; T async functions x K
// acquire/release with `await null` inside the critical section.
import { report, size } from "../../harness";

const tasksCount = 100;
const rounds = size(10_000);
let counter = 0;

class Mutex {
  private locked = false;
  private waiters: (() => void)[] = [];
  private head = 0;

  acquire(): Promise<void> | undefined {
    if (!this.locked) {
      this.locked = true;
      return undefined;
    }
    return new Promise<void>((resolve) => this.waiters.push(resolve));
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

async function worker(mutex: Mutex): Promise<void> {
  for (let i = 0; i < rounds; i++) {
    await mutex.acquire();
    const seen = counter;
    await null;
    counter = seen + 1;
    mutex.release();
  }
}

const start = performance.now();
const mutex = new Mutex();
const all: Promise<void>[] = [];
for (let t = 0; t < tasksCount; t++) all.push(worker(mutex));
await Promise.all(all);
report(performance.now() - start, counter, tasksCount * rounds);
