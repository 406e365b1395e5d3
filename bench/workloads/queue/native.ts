// queue, native Node: a hand-written bounded queue of capacity 100 on promises, one
// producer and one consumer passing N items.
import { report, size } from "../../harness";

const n = size(1_000_000);

class BoundedQueue<T> {
  private items: T[] = [];
  private head = 0;
  private getters: ((item: T) => void)[] = [];
  private putters: (() => void)[] = [];
  constructor(private capacity: number) {}

  async put(item: T): Promise<void> {
    while (this.items.length - this.head >= this.capacity) {
      await new Promise<void>((resolve) => this.putters.push(resolve));
    }
    const getter = this.getters.shift();
    if (getter) getter(item);
    else this.items.push(item);
  }

  async get(): Promise<T> {
    if (this.items.length > this.head) {
      const item = this.items[this.head++] as T;
      if (this.head > 1024 && this.head * 2 > this.items.length) {
        this.items = this.items.slice(this.head);
        this.head = 0;
      }
      this.putters.shift()?.();
      return item;
    }
    return new Promise<T>((resolve) => this.getters.push(resolve));
  }
}

async function producer(queue: BoundedQueue<number>): Promise<void> {
  for (let i = 0; i < n; i++) await queue.put(i);
}

async function consumer(queue: BoundedQueue<number>): Promise<number> {
  let sum = 0;
  for (let i = 0; i < n; i++) sum += await queue.get();
  return sum;
}

const start = performance.now();
const queue = new BoundedQueue<number>(100);
const [, sum] = await Promise.all([producer(queue), consumer(queue)]);
report(performance.now() - start, sum, (n * (n - 1)) / 2);
