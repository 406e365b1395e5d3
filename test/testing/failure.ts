/** Shared by the runTest tests: the TestFailure a run must reject with. */
import { TestFailure } from "asyncio-ts/testing";
import { expect } from "vitest";

/** The TestFailure `promise` rejects with (fails the test if it resolves, or rejects otherwise). */
export async function failure(promise: Promise<unknown>): Promise<TestFailure> {
  const error = await promise.then(
    (value) => {
      throw new Error(`runTest passed (returned ${String(value)}), a TestFailure was expected`);
    },
    (error: unknown) => error,
  );
  expect(error).toBeInstanceOf(TestFailure);
  return error as TestFailure;
}
