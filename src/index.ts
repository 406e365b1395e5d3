/**
 * asyncio-ts on Node: everything of the host-free core, plus the Node-only modules of
 * src/node/ (streams, transports, subprocesses, executors, DNS, signals).
 *
 * The Node modules add their methods to `EventLoop` (Python's loop has them on every
 * loop; here only the Node entry has them). Their types reach users through the module
 * augmentation below: each Node module exports an interface of the methods it adds,
 * and `EventLoop` extends them all. (scripts/cjs-types.mjs points the augmentation at
 * the CommonJS declaration file too.)
 *
 * @packageDocumentation
 */
export * from "./index.browser";

declare module "./index.browser.js" {
  // biome-ignore lint/suspicious/noEmptyInterface: the members come from the Node modules.
  interface EventLoop {}
}
