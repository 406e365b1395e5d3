// The seed's second program (await asyncio.sleep), with 10 ms sleeps and no timestamps.
import * as asyncio from "asyncio-ts";
import { print } from "./_py";

function* customSleep() {
  print("SLEEP\n");
  yield* asyncio.sleep(0.01);
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

const tasks = [asyncio.ensureFuture(factorial("A", 3), { loop }), asyncio.ensureFuture(factorial("B", 4), { loop })];
loop.runUntilCompleteSync(asyncio.wait(tasks));
loop.close();

const end = performance.now() / 1000;
print("Total time at least 0.03:", 0.03 <= end - start);
