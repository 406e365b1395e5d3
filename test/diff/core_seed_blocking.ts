// The seed's first program (time.sleep inside a coroutine), with 10 ms sleeps and no timestamps.
import * as asyncio from "asyncio-ts";
import { print } from "./_py";

function timeSleep(seconds: number) {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, seconds * 1000);
}

function* customSleep() {
  print("SLEEP");
  timeSleep(0.01);
}

function* factorial(name: string, number: number) {
  let f = 1;
  for (let i = 2; i < number + 1; i++) {
    print(`Task ${name}: Compute factorial(${i})`);
    yield* customSleep();
    f *= i;
  }
  print(`Task ${name}: factorial(${number}) is ${f}\n`);
}

const start = performance.now() / 1000;
const loop = asyncio.newEventLoop();

const tasks = [loop.createTask(factorial("A", 3)), loop.createTask(factorial("B", 4))];
loop.runUntilCompleteSync(asyncio.wait(tasks));
loop.close();

const end = performance.now() / 1000;
print("Total time at least 0.05:", end - start >= 0.05);
