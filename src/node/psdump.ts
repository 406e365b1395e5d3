/**
 * The task table of a running program, without changing its code, two ways:
 *
 * - From outside: `npx asyncio-ts ps PID` / `pstree PID` (src/cli/ps.ts) opens the
 *   process's inspector and calls the function this module leaves on the global object,
 *   `globalThis[Symbol.for("asyncio-ts.ps")](kind)`: the `ps` or `pstree` text of every
 *   loop running in the process. It is there whenever asyncio-ts is loaded on Node; the
 *   only cost is a Set add and delete per run of a loop.
 * - From inside: while a loop runs in debug mode (`ASYNCIO_TS_DEBUG=1`, `{ debug: true }`),
 *   `kill -USR2 <pid>` prints each running loop's `ps` and `pstree` to stderr. SIGUSR1 is
 *   Node's own (it opens the inspector), so SIGUSR2 it is. Outside debug mode no handler
 *   is installed, and the signal keeps its default.
 *
 * Both answer CPython 3.14's `python -m asyncio ps PID` and `pstree PID`, which read the
 * process's memory from outside; a JavaScript heap cannot be read that way. The signal is
 * delivered between the loop's turns, where the tables are consistent; so is an inspector
 * request while the loop waits for I/O or a timer.
 */
import process from "node:process";
import { type EventLoop, _addLoopHooks } from "../core/events";
import { ps, pstree } from "../tools/ps";

const SIGNAL = "SIGUSR2";
/** The key of the global function `src/cli/ps.ts` calls through the inspector. */
const GLOBAL_KEY = Symbol.for("asyncio-ts.ps");

type TablesOf = (kind: "ps" | "pstree") => string;

const runningLoops = new Set<EventLoop>();
const debugLoops = new Set<EventLoop>();

function header(loop: EventLoop): string {
  return `asyncio-ts: the tasks of ${loop} at t=${loop.time().toFixed(3)}`;
}

function dump(): void {
  for (const loop of debugLoops) {
    process.stderr.write(`${header(loop)}\n${ps(loop)}\n\n${pstree(loop)}\n\n`);
  }
}

// A second copy of asyncio-ts in the same process (a CommonJS and an ESM build, say)
// has loops of its own: chain to the function already there, so each copy's are shown.
const globals = globalThis as { [GLOBAL_KEY]?: TablesOf };
const previous = globals[GLOBAL_KEY];
globals[GLOBAL_KEY] = (kind) => {
  const parts: string[] = [];
  for (const loop of runningLoops) parts.push(`${header(loop)}\n${kind === "pstree" ? pstree(loop) : ps(loop)}\n`);
  const others = previous?.(kind) ?? "";
  if (others !== "") parts.push(others);
  return parts.join("\n");
};

_addLoopHooks({
  runStarted(loop) {
    runningLoops.add(loop);
    if (!loop._debug || debugLoops.has(loop)) return;
    if (debugLoops.size === 0) process.on(SIGNAL, dump);
    debugLoops.add(loop);
  },
  runEnded(loop) {
    runningLoops.delete(loop);
    if (!debugLoops.delete(loop)) return;
    if (debugLoops.size === 0) process.off(SIGNAL, dump);
  },
});
