// What a level of `yield*` costs, with no library involved: `node bench/engine/yield-levels.mjs`.
// Each line is CPU time per resume of the outermost generator, the median of 5 runs of
// N resumes (N=2000000 by default) after a warm-up run.
//
// A coroutine that awaits through a helper resumes every generator of the chain on each
// step, as `main → asyncWith → body → sleep` does in the churn workload (native code
// resumes one `await`). The innermost generator yields once and returns, so every second
// resume also makes the chain's inner generators anew, as each new scope does.
const n = Number(process.env.N ?? 2_000_000);

function* leaf() {
  yield;
}

function* generatorLevel(make) {
  return yield* make();
}

/** The same level as an iterator object that forwards to the inner generator. */
class ObjectLevel {
  constructor(make) {
    this.inner = make();
  }
  next(value) {
    return this.inner.next(value);
  }
  throw(error) {
    return this.inner.throw(error);
  }
  return(value) {
    return this.inner.return(value);
  }
  [Symbol.iterator]() {
    return this;
  }
}

const cases = {
  "two levels: outer, leaf": function* () {
    for (;;) yield* leaf();
  },
  "three levels, the middle one a generator": function* () {
    for (;;) yield* generatorLevel(leaf);
  },
  "three levels, the middle one an iterator object": function* () {
    for (;;) yield* new ObjectLevel(leaf);
  },
};

function cpuNs(outer) {
  const start = process.cpuUsage();
  for (let i = 0; i < n; i++) outer.next();
  const used = process.cpuUsage(start);
  return ((used.user + used.system) * 1000) / n;
}

for (const [name, make] of Object.entries(cases)) {
  const outer = make();
  cpuNs(outer);
  const samples = Array.from({ length: 5 }, () => cpuNs(outer)).sort((a, b) => a - b);
  console.log(`${samples[2].toFixed(0).padStart(6)} ns  ${name}`);
}
