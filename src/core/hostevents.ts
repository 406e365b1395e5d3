/**
 * The host process's lifecycle events, where the host has them (Node, Bun and Deno's
 * `process`), without importing a host module: the core runs in browsers too, where
 * there is no process and these hooks are simply not installed.
 */
type ProcessLike = { on?: (event: string, listener: () => void) => unknown };

/**
 * Calls `listener` on the process's `event` ("beforeExit", "exit"); false on a host
 * without a process, where it will never be called.
 */
export function onProcessEvent(event: "beforeExit" | "exit", listener: () => void): boolean {
  const proc = (globalThis as { process?: ProcessLike }).process;
  if (typeof proc?.on !== "function") return false;
  proc.on(event, listener);
  return true;
}
