/**
 * Virtual time for the TypeScript half of the differential scenarios, the twin of
 * `_virtual_time.py`: bundled into a port (esbuild's `inject`, so the port itself is
 * unchanged), it gives every event loop the program makes a VirtualClock of its own, set
 * before the loop first reads the time. The loop's time starts at 0 and, whenever nothing
 * is ready, jumps to the next timer's deadline instead of sleeping.
 */
import { type EventLoop, VirtualClock } from "asyncio-ts";

const NEW_LOOP = Symbol.for("asyncio-ts.newLoop");
const registry = globalThis as unknown as Record<symbol, unknown>;
const hooks = Array.isArray(registry[NEW_LOOP]) ? (registry[NEW_LOOP] as unknown[]) : ((registry[NEW_LOOP] = []) as unknown[]);
// The hook runs last in the loop's constructor, before anything can schedule on it.
hooks.push((loop: EventLoop) => {
  loop._clock = new VirtualClock();
});
