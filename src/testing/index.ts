/**
 * `asyncio-ts/testing`: coroutines run as tests, in any test runner whose tests may
 * return a Promise (vitest, `node:test`, Jest). Host-free, like the core.
 *
 * @example
 * import { runTest } from "asyncio-ts/testing";
 * function* main() {
 *   yield* asyncio.sleep(60);
 *   return "done";
 * }
 * console.assert((await runTest(main)) === "done");
 *
 * @packageDocumentation
 */
export { type RunTestOptions, TestFailure, runTest } from "./runtest";
export { type ChaosOptions } from "./chaos";
export { type ExploreFailure, type ExploreOptions, explore, replay } from "./explore";
