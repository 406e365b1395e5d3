// A test that leaks a lock, to show runTest's report in node:test's own output.
import { test } from "node:test";
import * as asyncio from "asyncio-ts";
import { runTest } from "asyncio-ts/testing";

test("forgets to release", () =>
  runTest(function* () {
    const lock = new asyncio.Lock();
    yield* lock.acquire();
  }));
