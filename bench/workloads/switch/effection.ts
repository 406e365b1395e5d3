// switch, Effection: T tasks x K bare yields (see bench/effection-now.ts).
import { run, spawn, type Operation, type Task } from "effection";
import { yieldNow } from "../../effection-now";
import { report, size } from "../../harness";

const tasksCount = 1000;
const yields = size(1000);

let switches = 0;
let last = -1;
let interleaved = 0;


function* spinner(id: number): Operation<void> {
  for (let i = 0; i < yields; i++) {
    if (last !== id) interleaved++;
    last = id;
    switches++;
    yield* yieldNow();
  }
}

const start = performance.now();
await run(function* () {
  const tasks: Task<void>[] = [];
  for (let t = 0; t < tasksCount; t++) tasks.push(yield* spawn(() => spinner(t)));
  for (const task of tasks) yield* task;
});
report(performance.now() - start, [switches, interleaved], [tasksCount * yields, tasksCount * yields]);
