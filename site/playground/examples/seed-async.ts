// The seed's second program: the same code with asyncio.sleep.
// Each sleep ends the task's step and puts a timer on the heap; the loop runs the other
// task meanwhile, and sleeps only when both wait. 3 s instead of 5.
import * as asyncio from "asyncio-ts";

function* customSleep() {
  console.log(`SLEEP t=${asyncio.getRunningLoop().time().toFixed(1)}`);
  yield* asyncio.sleep(1);
}

function* factorial(name: string, number: number) {
  let f = 1;
  for (let i = 2; i < number + 1; i++) {
    console.log(`Task ${name}: Compute factorial(${i})`);
    yield* customSleep();
    f *= i;
  }
  console.log(`Task ${name}: factorial(${number}) is ${f}`);
}

function* main() {
  const loop = asyncio.getRunningLoop();
  const start = loop.time();
  const tasks = [asyncio.createTask(factorial("A", 3), { name: "A" }), asyncio.createTask(factorial("B", 4), { name: "B" })];
  yield* asyncio.wait(tasks);
  console.log(`Total time: ${(loop.time() - start).toFixed(1)}`);
}

await asyncio.run(main());
