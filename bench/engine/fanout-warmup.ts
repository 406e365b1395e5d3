// How much of the fan-out workload is the JIT warming up: the same TaskGroup tree (depth 4,
// fan-out 10: 11 111 tasks) and its native twin, run four times each in one process:
// `node node_modules/tsx/dist/cli.mjs bench/engine/fanout-warmup.ts` (DEPTH=5 for 111 111 tasks; not
// `npx tsx`, which runs the Node 22 of the devDependencies). Each line is CPU time.
// The benchmark runs round 0 only, in a fresh process; native's machinery (promises,
// `await`, `Promise.all`) is precompiled into V8, the library's task step is JavaScript
// that goes through V8's tiers first.
import * as asyncio from "asyncio-ts";

const depth = Number(process.env.DEPTH ?? 4);
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
  const children = (yield* asyncio.asyncWith(new asyncio.TaskGroup(), (tg) => spawnChildren(tg, level)))!;
  let sum = 0;
  for (const child of children) sum += child.result();
  return sum;
}

async function nativeNode(level: number): Promise<number> {
  if (level === depth) {
    await null;
    return 1;
  }
  const children: Promise<number>[] = [];
  for (let i = 0; i < fanout; i++) children.push(nativeNode(level + 1));
  const sums = await Promise.all(children);
  let sum = 0;
  for (const s of sums) sum += s;
  return sum;
}

function cpuMs(): number {
  const usage = process.cpuUsage();
  return (usage.user + usage.system) / 1000;
}

for (let round = 0; round < 4; round++) {
  let start = cpuMs();
  const leaves = await asyncio.run(node(0));
  const library = cpuMs() - start;
  start = cpuMs();
  const nativeLeaves = await nativeNode(0);
  const native = cpuMs() - start;
  if (leaves !== fanout ** depth || nativeLeaves !== leaves) throw new Error(`wrong sums: ${leaves}, ${nativeLeaves}`);
  console.log(`round ${round}: asyncio-ts ${library.toFixed(1)} ms, native ${native.toFixed(1)} ms: ${(native / library).toFixed(2)}× native`);
}
