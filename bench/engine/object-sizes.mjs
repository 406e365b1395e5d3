// What V8 charges in heap for the objects a spawned task is made of, with no library
// involved: `node --expose-gc bench/engine/object-sizes.mjs`. Each line is heap bytes per
// object (heapUsed after forced collections, 100 000 objects kept alive in an array).
//
// The spawn workload's floor: native `async` + `Promise.all` needs one promise per call and
// one reaction per element; a task needs a generator object (with its register file), the
// library's mark that the coroutine is taken, and the Task itself.
if (typeof gc !== "function") {
  console.error("run with: node --expose-gc bench/engine/object-sizes.mjs");
  process.exit(2);
}

const n = 100_000;
const TAKEN = Symbol("taken");

function* generatorReturning(i) {
  return i;
}
async function asyncReturning(i) {
  return i;
}

function heapAfterGc() {
  gc();
  gc();
  return process.memoryUsage().heapUsed;
}

function bytesPer(make) {
  const kept = new Array(n).fill(null);
  const before = heapAfterGc();
  for (let i = 0; i < n; i++) kept[i] = make(i);
  const bytes = (heapAfterGc() - before) / n;
  if (kept.length !== n) throw new Error("lost objects");
  return bytes;
}

const cases = {
  "generator object, function declared once (a coroutine before its first step)": (i) => generatorReturning(i),
  "the same, with one symbol property added (the library's taken mark)": (i) => {
    const generator = generatorReturning(i);
    generator[TAKEN] = true;
    return generator;
  },
  "promise of an async function that returns at once (native spawn's object)": (i) => asyncReturning(i),
  "plain object with 17 fields (a Task's field count)": (i) => ({
    a: i, b: 1, c: 2, d: 3, e: 4, f: 5, g: 6, h: 7, j: 8, k: 9, l: 10, m: 11, o: 12, p: 13, q: 14, r: 15, s: 16,
  }),
};

for (const [name, make] of Object.entries(cases)) {
  bytesPer(make); // warm-up: the maps and the code exist before the measured run
  console.log(`${bytesPer(make).toFixed(0).padStart(5)} B  ${name}`);
}
