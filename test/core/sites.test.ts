/**
 * Debug mode tells where a task was made and where its coroutine waits, as CPython's
 * task repr does in debug mode (issue 13, item 1): `coro=<factorial() running at
 * demo.ts:12:5> created at demo.ts:30:7`.
 */
import { readFileSync } from "node:fs";
import * as asyncio from "asyncio-ts";
import { expect, test } from "vitest";

const file = import.meta.filename;

function* customSleep() {
  yield* asyncio.sleep(1);
}

function* factorial(n: number) {
  for (let i = 0; i < n; i++) yield* customSleep(); // factorial waits here
}

function reprs(debug: boolean): string[] {
  return asyncio.runSync(
    (function* () {
      const lock = new asyncio.Lock();
      const queue = new asyncio.Queue<number>();
      const sleeper = asyncio.createTask(factorial(3)); // made here
      const locker = asyncio.createTask(asyncio.asyncWith(lock, function* () {}));
      const getter = asyncio.createTask(queue.get());
      const yielder = asyncio.createTask(
        (function* () {
          yield;
          yield;
        })(),
      );
      yield* lock.acquire();
      yield; // every task has run its first step: the yielder sits after a bare yield
      const afterBareYield = String(yielder);
      yield* asyncio.sleep(0.5);
      const out = [sleeper, locker, getter].map(String);
      lock.release();
      queue.putNowait(1);
      yield* asyncio.gather(sleeper, locker, getter, yielder);
      return [...out, afterBareYield];
    })(),
    { debug, clock: new asyncio.VirtualClock() },
  );
}

function lineOf(marker: string): number {
  const lines = readFileSync(file, "utf8").split("\n");
  return lines.findIndex((line) => line.includes(marker) && !line.includes("lineOf(")) + 1;
}

test("in debug mode a pending task shows its coroutine, the line it waits at, and where it was made", () => {
  const [sleeper, locker, getter, yielder] = reprs(true);
  expect(sleeper).toMatch(
    new RegExp(
      `^<Task pending name='Task-\\d+' coro=<factorial\\(\\) running at ${file}:${lineOf("factorial waits here")}:\\d+> created at ${file}:${lineOf("made here")}:\\d+>$`,
    ),
  );
  // The lock and queue operations are the library's own coroutines: the task's coroutine is one.
  expect(locker).toMatch(/^<Task pending name='Task-\d+' coro=<asyncWith\(\) running at .*> created at /);
  expect(getter).toMatch(/^<Task pending name='Task-\d+' created at /);
  // A bare yield says nothing of where: no coro part rather than a stale one.
  expect(yielder).toMatch(/^<Task pending name='Task-\d+' created at [^ ]*sites\.test\.ts:\d+:\d+>$/);
});

test("outside debug mode the repr is the plain one", () => {
  for (const repr of reprs(false)) expect(repr).toMatch(/^<Task pending name='Task-\d+'>$/);
});
