// switch, native Node: T async functions x K `await null` (one microtask turn each).
import { report, size } from "../../harness";

const tasksCount = 1000;
const yields = size(1000);

let switches = 0;
let last = -1;
let interleaved = 0;

async function spinner(id: number): Promise<void> {
  for (let i = 0; i < yields; i++) {
    if (last !== id) interleaved++;
    last = id;
    switches++;
    await null;
  }
}

const start = performance.now();
const all: Promise<void>[] = [];
for (let t = 0; t < tasksCount; t++) all.push(spinner(t));
await Promise.all(all);
report(performance.now() - start, [switches, interleaved], [tasksCount * yields, tasksCount * yields]);
