// The seed's first program: a blocking time.sleep inside a coroutine.
// Each sleep holds the whole thread, so the loop cannot switch tasks: task A runs all its
// steps' sleeps in one step while B waits, then B does the same. Watch every lane freeze.
import * as asyncio from "asyncio-ts";

// Python's `time`: the playground gives programs a `time` whose sleep blocks the thread.
declare const time: { sleep(seconds: number): void; time(): number };

function* customSleep() {
  console.log(`SLEEP t=${time.time().toFixed(1)}`);
  time.sleep(1);
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
  const start = time.time();
  const tasks = [asyncio.createTask(factorial("A", 3), { name: "A" }), asyncio.createTask(factorial("B", 4), { name: "B" })];
  yield* asyncio.wait(tasks);
  console.log(`Total time: ${(time.time() - start).toFixed(1)}`);
}

await asyncio.run(main());
