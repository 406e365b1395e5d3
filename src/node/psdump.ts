/**
 * The task table of a running program, without changing its code: while a loop runs in
 * debug mode on Node (`ASYNCIO_TS_DEBUG=1`, `{ debug: true }`), `kill -USR2 <pid>` prints
 * each running loop's `ps` and `pstree` to stderr — what CPython 3.14's
 * `python -m asyncio ps PID` and `pstree PID` show. A signal, rather than an external
 * reader of the process's memory as CPython's tool is: JavaScript's heap cannot be read
 * from outside, and the signal is delivered between the loop's turns, where the tables
 * are consistent. SIGUSR1 is Node's own (it opens the inspector), so SIGUSR2 it is.
 * Outside debug mode no handler is installed, and the signal keeps its default.
 */
import process from "node:process";
import { type EventLoop, _addLoopHooks } from "../core/events";
import { ps, pstree } from "../tools/ps";

const SIGNAL = "SIGUSR2";
const debugLoops = new Set<EventLoop>();

function dump(): void {
  for (const loop of debugLoops) {
    process.stderr.write(`asyncio-ts: the tasks of ${loop} at t=${loop.time().toFixed(3)}\n${ps(loop)}\n\n${pstree(loop)}\n\n`);
  }
}

_addLoopHooks({
  runStarted(loop) {
    if (!loop._debug || debugLoops.has(loop)) return;
    if (debugLoops.size === 0) process.on(SIGNAL, dump);
    debugLoops.add(loop);
  },
  runEnded(loop) {
    if (!debugLoops.delete(loop)) return;
    if (debugLoops.size === 0) process.off(SIGNAL, dump);
  },
});
