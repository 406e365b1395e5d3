// runTest under Jest (docs/testing.md), CommonJS as Jest runs it without a transform.
// Run by test/testing/runners.test.ts against the built package (dist/).
const asyncio = require("asyncio-ts");
const { TestFailure, runTest } = require("asyncio-ts/testing");

test("an hour of sleep takes no time on the virtual clock", () =>
  runTest(function* () {
    yield* asyncio.sleep(3600);
    expect(asyncio.getRunningLoop().time()).toBe(3600);
  }));

test("a task left pending fails the test", async () => {
  function* leaky() {
    asyncio.createTask(asyncio.sleep(10), { name: "forgotten" });
    yield* asyncio.sleep(1);
  }
  await expect(runTest(leaky)).rejects.toThrow(TestFailure);
  await expect(runTest(leaky)).rejects.toThrow(/forgotten \(waiting\) sleeps until t=10\.0/);
});
