// Why timers grow faster than Node's from 100 000 to 1 000 000, with no library involved:
// `node bench/engine/timer-heap.mjs`. For each size, N timers with deadlines `now + delay`
// (delays of whole milliseconds in [0, 500], as the timers workload draws them) are pushed,
// then all popped in deadline order; each line is CPU time per timer (push + pop), median
// of 3 runs.
//
// A binary heap (CPython's `heapq`, the loop's TimerHeap) does O(log n) work per pop over an
// array that a million entries spread across more memory than any cache holds. Node's timers
// keep one FIFO list per distinct duration (here at most 501) and a small heap of lists.
// SIZES=1000,10000 runs other sizes (the test suite runs small ones).
const sizes = process.env.SIZES ? process.env.SIZES.split(",").map(Number) : [100_000, 1_000_000];

function delays(n) {
  // Park–Miller, as bench/harness.ts's seededDelays.
  let state = 12345;
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    state = (state * 48271) % 2147483647;
    out[i] = Math.floor((state / 2147483647) * 500) / 1000;
  }
  return out;
}

/** A binary min-heap of timer objects keyed by deadline, then by scheduling order. */
function binaryHeap(ds) {
  const heap = [];
  const less = (a, b) => a.when < b.when || (a.when === b.when && a.seq < b.seq);
  let clock = 0;
  for (let i = 0; i < ds.length; i++) {
    const timer = { when: (clock += 1e-6) + ds[i], seq: i };
    let k = heap.length;
    heap.push(timer);
    while (k > 0) {
      const parent = (k - 1) >> 1;
      if (!less(timer, heap[parent])) break;
      heap[k] = heap[parent];
      k = parent;
    }
    heap[k] = timer;
  }
  let popped = 0;
  while (heap.length > 0) {
    const last = heap.pop();
    if (heap.length > 0) {
      let k = 0;
      for (;;) {
        let child = 2 * k + 1;
        if (child >= heap.length) break;
        if (child + 1 < heap.length && less(heap[child + 1], heap[child])) child++;
        if (!less(heap[child], last)) break;
        heap[k] = heap[child];
        k = child;
      }
      heap[k] = last;
    }
    popped++;
  }
  return popped;
}

/** Node's shape: a FIFO list per duration; the next due list found among the list heads. */
function listsPerDuration(ds) {
  const lists = new Map();
  let clock = 0;
  for (let i = 0; i < ds.length; i++) {
    const timer = { when: (clock += 1e-6) + ds[i], seq: i };
    let list = lists.get(ds[i]);
    if (list === undefined) lists.set(ds[i], (list = { items: [], head: 0 }));
    list.items.push(timer);
  }
  // Node's small priority queue of lists, keyed by each list's first deadline: a list's
  // timers share a duration and were scheduled in order, so its deadlines only grow.
  const heap = [...lists.values()];
  const key = (list) => list.items[list.head].when;
  const siftDown = (k) => {
    const list = heap[k];
    for (;;) {
      let child = 2 * k + 1;
      if (child >= heap.length) break;
      if (child + 1 < heap.length && key(heap[child + 1]) < key(heap[child])) child++;
      if (key(heap[child]) >= key(list)) break;
      heap[k] = heap[child];
      k = child;
    }
    heap[k] = list;
  };
  for (let k = (heap.length >> 1) - 1; k >= 0; k--) siftDown(k);
  let popped = 0;
  while (heap.length > 0) {
    const list = heap[0];
    list.head++;
    popped++;
    if (list.head === list.items.length) {
      const last = heap.pop();
      if (heap.length > 0) {
        heap[0] = last;
        siftDown(0);
      }
    } else {
      siftDown(0);
    }
  }
  return popped;
}

function cpuNsPer(n, run, ds) {
  const start = process.cpuUsage();
  const popped = run(ds);
  const used = process.cpuUsage(start);
  if (popped !== n) throw new Error(`popped ${popped} of ${n}`);
  return ((used.user + used.system) * 1000) / n;
}

const results = {};
for (const n of sizes) {
  const ds = delays(n);
  for (const [name, run] of [["binary heap", binaryHeap], ["lists per duration", listsPerDuration]]) {
    run(ds);
    const samples = [0, 1, 2].map(() => cpuNsPer(n, run, ds)).sort((a, b) => a - b);
    (results[name] ??= []).push(samples[1]);
    console.log(`${samples[1].toFixed(0).padStart(6)} ns per timer  ${name}, ${n.toLocaleString("en")} timers`);
  }
}
const [first, last] = [sizes[0], sizes[sizes.length - 1]].map((n) => n.toLocaleString("en"));
for (const [name, perSize] of Object.entries(results)) console.log(`${name}: ×${(perSize[perSize.length - 1] / perSize[0]).toFixed(2)} from ${first} to ${last}`);
