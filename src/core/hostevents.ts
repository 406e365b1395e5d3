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

type Unrefable = { unref?: () => unknown };
type HostGlobals = {
  Bun?: unknown;
  Deno?: { internal?: symbol } & Record<symbol, { core?: { resources?: () => Record<string, string> } } | undefined>;
  process?: { getActiveResourcesInfo?: () => string[] };
  setImmediate?: (callback: () => void) => Unrefable;
  clearImmediate?: (handle: unknown) => void;
};

// What every process has open, and signal listeners, which keep no process alive on
// Node either (a loop with signal handlers holds the process with a timer instead).
const NOT_WORK = new Set(["stdin", "stdout", "stderr", "TTYWrap", "signal"]);

/**
 * True on a host whose 'beforeExit' does not come while a top-level `await` is pending:
 * Bun busy-spins waiting for the module's promise and never reaches 'beforeExit'; Deno
 * either fails the module ("Top-level await promise never resolved") or, with a signal
 * listener installed, waits forever, and never dispatches 'beforeunload'. There,
 * `probeHostIdle` has to find out instead. Node (and browsers, which never exit) need
 * no probe.
 */
export const hostNeedsIdleProbe: boolean = (() => {
  const g = globalThis as HostGlobals;
  return (g.Bun !== undefined || g.Deno !== undefined) && typeof g.setImmediate === "function";
})();

/**
 * True where `probeHostIdle` sees every pending host operation (Bun); false where it
 * sees only some (Deno: a pending `fetch` or stdin read shows nowhere).
 */
export const hostIdleProbeSeesOperations: boolean = (globalThis as HostGlobals).Bun !== undefined;

/**
 * Calls `done(true)` after about `ms` milliseconds if the host has, as far as it can be
 * seen from JavaScript, nothing left that keeps it alive, `done(false)` if it has. Keeps
 * nothing alive itself: its timer (and immediate) are unref'd.
 *
 * The evidence on Bun: an unref'd immediate runs only while the loop is alive (Bun's
 * spin without a ref'd handle runs timers but not unref'd immediates). On Deno, whose
 * unref'd immediates run on some turns and not others, whatever it lists: a timer,
 * immediate, socket or file request in `process.getActiveResourcesInfo()`, or an open
 * resource other than stdio and signals (a `Deno.serve` listener, a child process).
 */
export function probeHostIdle(ms: number, done: (idle: boolean) => void): void {
  const g = globalThis as HostGlobals;
  if (g.Bun === undefined) {
    const timer = setTimeout(() => done(!denoHasListedWork(g)), ms) as Unrefable;
    timer.unref?.();
    return;
  }
  let ran = false;
  const immediate = g.setImmediate!(() => {
    ran = true;
  });
  immediate.unref?.();
  const timer = setTimeout(() => {
    if (!ran) g.clearImmediate?.(immediate);
    done(!ran);
  }, ms) as Unrefable;
  timer.unref?.();
}

function denoHasListedWork(g: HostGlobals): boolean {
  const active = g.process?.getActiveResourcesInfo?.() ?? [];
  if (active.some((name) => !NOT_WORK.has(name))) return true;
  const internal = g.Deno?.internal;
  const resources = internal === undefined ? undefined : g.Deno![internal]?.core?.resources?.();
  return resources !== undefined && Object.values(resources).some((name) => !NOT_WORK.has(name));
}
