// A test that leaks a lock, to show runTest's report in Jest's own output.
const asyncio = require("asyncio-ts");
const { runTest } = require("asyncio-ts/testing");

test("forgets to release", () =>
  runTest(function* () {
    const lock = new asyncio.Lock();
    yield* lock.acquire();
  }));
