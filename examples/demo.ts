/**
 * The seed's two factorial programs, ported line by line (see ../shared/seed/):
 * first with a blocking sleep inside the coroutine (time.sleep), then with
 * `yield* asyncio.sleep(1)`. The first takes about 5 s, the second about 3 s.
 *
 *   npm run demo               real time, as in the seed
 *   npm run demo -- --virtual  on a VirtualClock: same lines, same order, instantly
 */
import * as asyncio from "asyncio-ts";

const virtual = process.argv.includes("--virtual");
const clock = virtual ? new asyncio.VirtualClock() : new asyncio.RealClock();
const epochAtStart = Date.now() / 1000 - clock.now();

/** Python's `time.time()`, on the demo's clock. */
function timeTime(): number {
  return epochAtStart + clock.now();
}

/** Python's `time.sleep()`: blocks the whole thread, so the event loop stops too. */
function timeSleep(seconds: number): void {
  if (clock instanceof asyncio.VirtualClock) clock.advance(seconds);
  else Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, seconds * 1000);
}

/** Python's `str(float)`: `5.0`, `3.0021536350250244`. */
function pyFloat(x: number): string {
  return Number.isInteger(x) ? x.toFixed(1) : String(x);
}

/** Python's `datetime.now()` as `print` shows it: `2017-04-06 13:39:56.207479`. */
function datetimeNow(): string {
  const micros = Math.round(timeTime() * 1e6);
  const d = new Date(Math.floor(micros / 1000));
  const pad = (n: number, width = 2) => String(n).padStart(width, "0");
  return (
    `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ` +
    `${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}.${pad(micros % 1_000_000, 6)}`
  );
}

// ---- the first program: synchronous sleep inside async code ----

function* customSleepBlocking() {
  console.log("SLEEP", datetimeNow());
  timeSleep(1);
}

function* factorialBlocking(name: string, number: number) {
  let f = 1;
  for (let i = 2; i < number + 1; i++) {
    console.log(`Task ${name}: Compute factorial(${i})`);
    yield* customSleepBlocking();
    f *= i;
  }
  console.log(`Task ${name}: factorial(${number}) is ${f}\n`);
}

function blockingProgram(): number {
  const start = timeTime();
  const loop = asyncio.getEventLoop();

  const tasks = [asyncio.ensureFuture(factorialBlocking("A", 3)), asyncio.ensureFuture(factorialBlocking("B", 4))];
  loop.runUntilCompleteSync(asyncio.wait(tasks));
  loop.close();

  const end = timeTime();
  console.log(`Total time: ${pyFloat(end - start)}`);
  return end - start;
}

// ---- the second program: the same code with asyncio.sleep ----

function* customSleep() {
  console.log(`SLEEP ${datetimeNow()}\n`);
  yield* asyncio.sleep(1);
}

function* factorial(name: string, number: number) {
  let f = 1;
  for (let i = 2; i < number + 1; i++) {
    console.log(`Task ${name}: Compute factorial(${i})`);
    yield* customSleep();
    f *= i;
  }
  console.log(`Task ${name}: factorial(${number}) is ${f}\n`);
}

function asyncProgram(): number {
  const start = timeTime();
  const loop = asyncio.getEventLoop();

  const tasks = [asyncio.ensureFuture(factorial("A", 3)), asyncio.ensureFuture(factorial("B", 4))];
  loop.runUntilCompleteSync(asyncio.wait(tasks));
  loop.close();

  const end = timeTime();
  console.log(`Total time: ${pyFloat(end - start)}`);
  return end - start;
}

// Each program gets a fresh loop on the demo's clock, as each seed script would.
console.log(`== time.sleep inside a coroutine${virtual ? " (VirtualClock)" : ""} ==\n`);
asyncio.setEventLoop(asyncio.newEventLoop({ clock }));
const blockingTotal = blockingProgram();

console.log(`\n== asyncio.sleep${virtual ? " (VirtualClock)" : ""} ==\n`);
asyncio.setEventLoop(asyncio.newEventLoop({ clock }));
const asyncTotal = asyncProgram();

console.log(
  `\nThe asynchronous version took ${asyncTotal.toFixed(2)} s instead of ${blockingTotal.toFixed(2)} s: ` +
    `${(blockingTotal - asyncTotal).toFixed(2)} s faster, because while one task sleeps the loop runs the other.`,
);
