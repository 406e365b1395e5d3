/**
 * `asyncio-ts/testing`: coroutines run as tests, in any test runner whose tests may
 * return a Promise (vitest, `node:test`, Jest), and a simulated network to run network
 * code on. Host-free, like the core.
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
export {
  type HostOptions,
  type LinkOptions,
  Network,
  type NetworkConnectionOptions,
  type NetworkExtraInfo,
  type NetworkOptions,
  type NetworkServerOptions,
} from "./network";
export { NetworkServer, NetworkServerSocket } from "./netserver";
export { NetworkTransport } from "./nettransport";
