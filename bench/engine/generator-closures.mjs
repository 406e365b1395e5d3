// What V8 charges for a generator function created in a loop, with no library involved:
// `node bench/engine/generator-closures.mjs`. Each line is CPU time per iteration, median
// of 5 runs of 1 000 000 iterations after a warm-up run.
const n = 1_000_000;
let sink;

function* declaredOnce() {
  yield 1;
}

const cases = {
  // The baseline: one generator function, a new generator from it each time.
  "generator from a function declared once": () => {
    for (let i = 0; i < n; i++) sink = declaredOnce();
  },
  // A new closure each time, never called: closures themselves are cheap.
  "new generator function, not called": () => {
    for (let i = 0; i < n; i++)
      sink = function* () {
        yield 1;
      };
  },
  // A new closure called once: the first call of each generator function builds its
  // `prototype` object and the initial map (hidden class) of its generators.
  "new generator function, called once": () => {
    for (let i = 0; i < n; i++)
      sink = (function* () {
        yield 1;
      })();
  },
  // Only reading its `prototype`, which V8 makes lazily on first use: most of the cost.
  "new generator function, its prototype read": () => {
    for (let i = 0; i < n; i++)
      sink = function* () {
        yield 1;
      }.prototype;
  },
  // The same with an async function: no prototype, no initial map, cheap.
  "new async function, called once": () => {
    for (let i = 0; i < n; i++) sink = (async () => 1)();
  },
  // An arrow returning a generator made by a declared function: what the library advises.
  "new arrow returning a declared function's generator": () => {
    for (let i = 0; i < n; i++) sink = (() => declaredOnce())();
  },
};

for (const [name, run] of Object.entries(cases)) {
  run();
  const samples = [];
  for (let r = 0; r < 5; r++) {
    const before = process.cpuUsage();
    run();
    const used = process.cpuUsage(before);
    samples.push(((used.user + used.system) * 1000) / n);
  }
  samples.sort((a, b) => a - b);
  console.log(`${samples[2].toFixed(0).padStart(6)} ns  ${name}`);
}
void sink;
