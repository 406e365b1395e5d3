/**
 * Protocols and transport interfaces: host-free, in core/protocols.ts (the fake network
 * of `asyncio-ts/testing` uses them too); the Node modules import them from here.
 */
export * from "../core/protocols";
