// switch: T tasks x K bare yields (Python's `await asyncio.sleep(0)`), round robin.
import * as asyncio from "asyncio-ts";
import { report, size } from "../../harness";

const tasksCount = 1000;
const yields = size(1000);

let switches = 0;
let last = -1;
let interleaved = 0;

function* spinner(id: number) {
  for (let i = 0; i < yields; i++) {
    if (last !== id) interleaved++;
    last = id;
    switches++;
    yield;
  }
}

function* main() {
  const tasks: asyncio.Task<void>[] = [];
  for (let t = 0; t < tasksCount; t++) tasks.push(asyncio.createTask(spinner(t)));
  yield* asyncio.gather(...tasks);
}

const start = performance.now();
await asyncio.run(main());
// Round robin: every switch but the very first changes task.
report(performance.now() - start, [switches, interleaved], [tasksCount * yields, tasksCount * yields]);
