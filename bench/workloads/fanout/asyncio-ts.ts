// fan-out tree: a TaskGroup tree of depth 4 and fan-out 10; each leaf sleeps 0 and
// returns 1; sums flow up the tree. Checked: the sum is the number of leaves.
import * as asyncio from "asyncio-ts";
import { report } from "../../harness";

const depth = 4;
const fanout = 10;

function* spawnChildren(tg: asyncio.TaskGroup, level: number) {
  const children: asyncio.Task<number>[] = [];
  for (let i = 0; i < fanout; i++) children.push(tg.createTask(node(level + 1)));
  return children;
}

function* node(level: number): asyncio.Coroutine<number> {
  if (level === depth) {
    yield* asyncio.sleep(0);
    return 1;
  }
  // An arrow that calls a declared generator function (see README, "hot loops").
  const children = (yield* asyncio.asyncWith(new asyncio.TaskGroup(), (tg) => spawnChildren(tg, level)))!;
  let sum = 0;
  for (const child of children) sum += child.result();
  return sum;
}

const start = performance.now();
const leaves = await asyncio.run(node(0));
report(performance.now() - start, leaves, fanout ** depth);
