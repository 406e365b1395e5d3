// runTest under node:test (docs/testing.md). Run by test/testing/runners.test.ts with
// `node --test`, against the built package (dist/), as a user's project would.
import assert from "node:assert/strict";
import { test } from "node:test";
import * as asyncio from "asyncio-ts";
import { TestFailure, runTest } from "asyncio-ts/testing";

test("an hour of sleep takes no time on the virtual clock", () =>
  runTest(function* () {
    yield* asyncio.sleep(3600);
    assert.equal(asyncio.getRunningLoop().time(), 3600);
  }));

test("a task left pending fails the test", async () => {
  function* leaky() {
    asyncio.createTask(asyncio.sleep(10), { name: "forgotten" });
    yield* asyncio.sleep(1);
  }
  await assert.rejects(runTest(leaky), (error) => error instanceof TestFailure && /forgotten \(waiting\) sleeps until t=10\.0/.test(error.message));
});
