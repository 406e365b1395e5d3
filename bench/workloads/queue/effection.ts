// queue, Effection: one producer and one consumer task pass N items through a bounded
// queue of capacity 100. Effection's own createQueue is unbounded (add() never waits),
// so the bounded queue is hand-written on withResolvers, as the native one is on promises.
import { run, spawn, withResolvers, type Operation } from "effection";
import { report, size } from "../../harness";

const n = size(1_000_000);

class BoundedQueue<T> {
  private items: T[] = [];
  private head = 0;
  private getters: ((item: T) => void)[] = [];
  private putters: (() => void)[] = [];
  constructor(private capacity: number) {}

  *put(item: T): Operation<void> {
    while (this.items.length - this.head >= this.capacity) {
      const { operation, resolve } = withResolvers<void>();
      this.putters.push(resolve);
      yield* operation;
    }
    const getter = this.getters.shift();
    if (getter) getter(item);
    else this.items.push(item);
  }

  *get(): Operation<T> {
    if (this.items.length > this.head) {
      const item = this.items[this.head++] as T;
      if (this.head > 1024 && this.head * 2 > this.items.length) {
        this.items = this.items.slice(this.head);
        this.head = 0;
      }
      this.putters.shift()?.();
      return item;
    }
    const { operation, resolve } = withResolvers<T>();
    this.getters.push(resolve);
    return yield* operation;
  }
}

function* producer(queue: BoundedQueue<number>): Operation<void> {
  for (let i = 0; i < n; i++) yield* queue.put(i);
}

function* consumer(queue: BoundedQueue<number>): Operation<number> {
  let sum = 0;
  for (let i = 0; i < n; i++) sum += yield* queue.get();
  return sum;
}

const start = performance.now();
const sum = await run(function* () {
  const queue = new BoundedQueue<number>(100);
  const produced = yield* spawn(() => producer(queue));
  const sum = yield* consumer(queue);
  yield* produced;
  return sum;
});
report(performance.now() - start, sum, (n * (n - 1)) / 2);
