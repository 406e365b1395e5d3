// Whether the engine stands between a Python-style lock and the native promise mutex, with
// no library involved: `node bench/engine/lock-handover.mjs`. The lock workload's shape:
// 100 workers each take the lock ROUNDS times, hold it across one bare yield (`await null`
// natively), and release it. Each line is CPU time per round, the median of 7 interleaved
// runs after a warm-up run.
//
// "generators" is the least a generator-driven loop does with Python's order of events: a
// ring of ready tasks stepped by `next()`, and a lock whose `release()` frees it and wakes the
// first waiter, which takes it in its own step (a newcomer queues behind the woken waiter).
// "native" is the workload's promise mutex, which hands ownership straight to the next
// promise. If the generators come out ahead, a generator step and Python's two-step hand-over
// are not what costs the library its gap: its own machinery per wait is.
const tasksCount = 100;
const rounds = Number(process.env.ROUNDS ?? 10_000);
const PARK = Symbol("park");

function runGenerators() {
  let counter = 0;
  let ready = [];
  let readyHead = 0;
  let current = null;
  const lock = { locked: false, waiters: [], head: 0 };

  function* acquire() {
    if (!lock.locked && lock.head === lock.waiters.length) {
      lock.locked = true;
      return;
    }
    lock.waiters.push(current);
    yield PARK;
    lock.head++;
    lock.locked = true;
  }

  function release() {
    lock.locked = false;
    if (lock.head < lock.waiters.length) ready.push(lock.waiters[lock.head]);
  }

  function* worker() {
    for (let i = 0; i < rounds; i++) {
      yield* acquire();
      const seen = counter;
      yield;
      counter = seen + 1;
      release();
    }
  }

  for (let t = 0; t < tasksCount; t++) ready.push(worker());
  let live = tasksCount;
  while (live > 0) {
    const end = ready.length;
    while (readyHead < end) {
      const task = ready[readyHead++];
      current = task;
      const step = task.next();
      if (step.done) live--;
      else if (step.value !== PARK) ready.push(task);
    }
    if (readyHead > 4096) {
      ready = ready.slice(readyHead);
      readyHead = 0;
    }
    if (lock.head > 4096) {
      lock.waiters = lock.waiters.slice(lock.head);
      lock.head = 0;
    }
  }
  return counter;
}

class Mutex {
  locked = false;
  waiters = [];
  head = 0;

  acquire() {
    if (!this.locked) {
      this.locked = true;
      return undefined;
    }
    return new Promise((resolve) => this.waiters.push(resolve));
  }

  release() {
    if (this.head < this.waiters.length) {
      const next = this.waiters[this.head++];
      if (this.head > 1024 && this.head * 2 > this.waiters.length) {
        this.waiters = this.waiters.slice(this.head);
        this.head = 0;
      }
      next();
    } else {
      this.locked = false;
    }
  }
}

async function runNative() {
  let counter = 0;
  const mutex = new Mutex();
  async function worker() {
    for (let i = 0; i < rounds; i++) {
      await mutex.acquire();
      const seen = counter;
      await null;
      counter = seen + 1;
      mutex.release();
    }
  }
  const all = [];
  for (let t = 0; t < tasksCount; t++) all.push(worker());
  await Promise.all(all);
  return counter;
}

function cpuMs() {
  const used = process.cpuUsage();
  return (used.user + used.system) / 1000;
}

const expected = tasksCount * rounds;
const samples = { generators: [], native: [] };
for (let r = 0; r < 8; r++) {
  let start = cpuMs();
  if (runGenerators() !== expected) throw new Error("generators: lost an increment (the lock let two workers in)");
  const generators = cpuMs() - start;
  start = cpuMs();
  if ((await runNative()) !== expected) throw new Error("native: lost an increment (the mutex let two workers in)");
  const native = cpuMs() - start;
  if (r === 0) continue; // warm-up
  samples.generators.push(generators);
  samples.native.push(native);
}
const median = (values) => [...values].sort((a, b) => a - b)[values.length >> 1];
const perRound = (ms) => (ms * 1e6) / expected;
const generators = median(samples.generators);
const native = median(samples.native);
console.log(`${perRound(generators).toFixed(0).padStart(6)} ns  generators, Python's two-step hand-over`);
console.log(`${perRound(native).toFixed(0).padStart(6)} ns  native promise mutex, direct hand-over`);
console.log(`${(native / generators).toFixed(2).padStart(6)}×   generators against native (above 1: the generators are faster)`);
