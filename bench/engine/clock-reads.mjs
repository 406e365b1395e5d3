// What reading a clock costs on this machine, with no library involved:
// `node bench/engine/clock-reads.mjs`. Each line is CPU time per read, the median of 5 runs of
// 1 000 000 reads after a warm-up run.
//
// The loop reads its clock (`performance.now()`) for every deadline it computes and, when a
// timer is in the heap, once per iteration, as CPython's `_run_once` reads `time.monotonic()`.
// Node's `setTimeout` reads none per call: libuv caches its loop time once per libuv iteration.
const n = 1_000_000;
let sink = 0;

const cases = {
  "performance.now()": () => {
    for (let i = 0; i < n; i++) sink += performance.now();
  },
  "Date.now()": () => {
    for (let i = 0; i < n; i++) sink += Date.now();
  },
  "process.hrtime()": () => {
    for (let i = 0; i < n; i++) sink += process.hrtime()[1];
  },
  "a cached number (what a loop-time cache would cost)": () => {
    const cached = performance.now();
    for (let i = 0; i < n; i++) sink += cached;
  },
};

function cpuNs(run) {
  const start = process.cpuUsage();
  run();
  const used = process.cpuUsage(start);
  return ((used.user + used.system) * 1000) / n;
}

for (const [name, run] of Object.entries(cases)) {
  run();
  const samples = Array.from({ length: 5 }, () => cpuNs(run)).sort((a, b) => a - b);
  console.log(`${samples[2].toFixed(1).padStart(6)} ns  ${name}`);
}
if (!Number.isFinite(sink)) throw new Error("unreachable: keeps the reads alive");
