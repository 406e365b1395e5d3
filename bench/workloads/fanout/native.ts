// fan-out tree, native Node: the same tree with async functions and Promise.all.
import { report } from "../../harness";

const depth = 4;
const fanout = 10;

async function node(level: number): Promise<number> {
  if (level === depth) {
    await null;
    return 1;
  }
  const children: Promise<number>[] = [];
  for (let i = 0; i < fanout; i++) children.push(node(level + 1));
  const sums = await Promise.all(children);
  let sum = 0;
  for (const s of sums) sum += s;
  return sum;
}

const start = performance.now();
const leaves = await node(0);
report(performance.now() - start, leaves, fanout ** depth);
