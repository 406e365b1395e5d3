// switch, the physical limit: a bare round robin over T generators x K yields, with no
// event loop, no futures and no tasks: only generator resumption and an array walk.
import { report, size } from "../../harness";

const tasksCount = 1000;
const yields = size(1000);

let switches = 0;
let last = -1;
let interleaved = 0;

function* spinner(id: number): Generator<void, void, void> {
  for (let i = 0; i < yields; i++) {
    if (last !== id) interleaved++;
    last = id;
    switches++;
    yield;
  }
}

const start = performance.now();
const live: Generator<void, void, void>[] = [];
for (let t = 0; t < tasksCount; t++) live.push(spinner(t));
// Each round resumes every live generator once and compacts the finished ones away in place.
let count = live.length;
while (count > 0) {
  let kept = 0;
  for (let i = 0; i < count; i++) {
    const gen = live[i]!;
    if (!gen.next().done) live[kept++] = gen;
  }
  count = kept;
}
report(performance.now() - start, [switches, interleaved], [tasksCount * yields, tasksCount * yields]);
