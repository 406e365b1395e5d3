/**
 * asyncio-ts on Node: everything of the host-free core. Node-only modules (streams,
 * subprocesses, executors) are re-exported here as they land.
 *
 * @packageDocumentation
 */
export * from "./index.browser";
