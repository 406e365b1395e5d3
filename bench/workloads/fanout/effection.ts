// fan-out tree, Effection: depth 4, fan-out 10, children run concurrently by all();
// each leaf yields and returns 1.
import { all, run, type Operation } from "effection";
import { yieldNow } from "../../effection-now";
import { report } from "../../harness";

const depth = 4;
const fanout = 10;

function* node(level: number): Operation<number> {
  if (level === depth) {
    yield* yieldNow();
    return 1;
  }
  const children: Operation<number>[] = [];
  for (let i = 0; i < fanout; i++) children.push(node(level + 1));
  const sums = yield* all(children);
  let sum = 0;
  for (const s of sums) sum += s;
  return sum;
}

const start = performance.now();
const leaves = await run(() => node(0));
report(performance.now() - start, leaves, fanout ** depth);
