/**
 * The seed's two factorial programs, ported line by line (see ../shared/seed/):
 * first with a blocking sleep inside the coroutine (time.sleep), then with
 * `yield* asyncio.sleep(1)`. The first takes about 5 s, the second about 3 s.
 *
 *   npm run demo                          real time, as in the seed
 *   npm run demo -- --virtual             on a VirtualClock: same lines, same order, instantly
 *   npm run demo -- --timeline DIR        also writes each program's timeline to DIR:
 *                                         seed-blocking.{html,json}, seed-async.{html,json}
 *
 * A timeline's .html file opens in any browser (one lane per task, a bar per step, the
 * waits labelled); its .json file is a Chrome trace for https://ui.perfetto.dev. With
 * `--virtual` too, they are drawn in virtual seconds.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import * as asyncio from "asyncio-ts";

const virtual = process.argv.includes("--virtual");
const timelineFlag = process.argv.indexOf("--timeline");
const timelineDir = timelineFlag < 0 ? null : process.argv[timelineFlag + 1];
if (timelineDir === undefined || timelineDir?.startsWith("--")) {
  console.error("usage: demo.ts [--virtual] [--timeline DIR]: --timeline needs the directory to write the timelines to");
  process.exit(2);
}
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

// ---- timelines (--timeline DIR) ----

/** A fresh loop on the demo's clock, as each seed script would get; with --timeline, recorded. */
function freshLoop(): asyncio.TimelineRecorder | null {
  const loop = asyncio.newEventLoop({ clock });
  const recorder = timelineDir === null ? null : new asyncio.TimelineRecorder();
  if (recorder !== null) loop.addInstrument(recorder);
  asyncio.setEventLoop(loop);
  return recorder;
}

const LANES =
  "The lanes: the loop; factorial A; factorial B; the asyncio.wait task that runUntilComplete runs. " +
  "Hover a bar or a gap for its details.";

function writeTimeline(recorder: asyncio.TimelineRecorder | null, name: string, title: string, story: string): void {
  if (recorder === null || timelineDir === null) return;
  mkdirSync(timelineDir, { recursive: true });
  writeFileSync(join(timelineDir, `${name}.json`), `${JSON.stringify(recorder.toTraceEvents())}\n`);
  writeFileSync(join(timelineDir, `${name}.html`), recorder.toHtml({ title: `${name}: ${title}`, caption: `${story} ${LANES}` }));
}

// Each program gets a fresh loop on the demo's clock, as each seed script would.
console.log(`== time.sleep inside a coroutine${virtual ? " (VirtualClock)" : ""} ==\n`);
const blockingRecorder = freshLoop();
const blockingTotal = blockingProgram();
writeTimeline(
  blockingRecorder,
  "seed-blocking",
  "time.sleep inside a coroutine",
  "Each blocking sleep holds the whole loop: a task's one step runs through all its sleeps, and the other task waits its turn — a staircase.",
);

console.log(`\n== asyncio.sleep${virtual ? " (VirtualClock)" : ""} ==\n`);
const asyncRecorder = freshLoop();
const asyncTotal = asyncProgram();
writeTimeline(
  asyncRecorder,
  "seed-async",
  "asyncio.sleep",
  "Each asyncio.sleep ends a step and frees the loop: the two tasks' steps interleave, and the loop sleeps while both wait.",
);

console.log(
  `\nThe asynchronous version took ${asyncTotal.toFixed(2)} s instead of ${blockingTotal.toFixed(2)} s: ` +
    `${(blockingTotal - asyncTotal).toFixed(2)} s faster, because while one task sleeps the loop runs the other.`,
);
if (timelineDir !== null) {
  console.log(`\nTimelines: ${join(timelineDir, "seed-blocking.html")} and ${join(timelineDir, "seed-async.html")} (and .json traces for https://ui.perfetto.dev)`);
}
