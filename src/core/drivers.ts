/**
 * The two ways to run an EventLoop's iterations.
 *
 * Host-driven: iterations run in host turns. While work is ready the driver runs many
 * iterations per turn and yields to the host only every few milliseconds, so host I/O
 * is not starved and there is no host round trip per task step. Between timers it
 * sleeps on the host's `setTimeout`; a callback scheduled from a host callback wakes it
 * at once.
 *
 * Synchronous: iterations run in a plain loop; between timers the thread blocks with
 * `Atomics.wait`, as `time.sleep` would. Host callbacks cannot run meanwhile, so when
 * nothing is ready and no timer is left, the run fails instead of hanging.
 *
 * On a VirtualClock both drivers jump time to the next deadline instead of waiting.
 */
import { RuntimeError } from "./exceptions";
import { type EventLoop, _setRunningLoop } from "./events";
import { describeStuckTasks } from "./deadlock";
import { hostIdleProbeSeesOperations, hostNeedsIdleProbe, onProcessEvent, probeHostIdle } from "./hostevents";

/** How long the host driver keeps the thread before letting the host run. */
const HOST_SLICE_MS = 5;
/**
 * The slice's end is checked once about this many callbacks have run, counting each
 * iteration as SLICE_CHECK_ITERATION_WEIGHT more: at least every 16 iterations.
 */
const SLICE_CHECK_WORK = 1024;
const SLICE_CHECK_ITERATION_WEIGHT = 64;

/** @internal The host driver's state, one per loop. */
export interface HostDriverState {
  /** True while the driver waits on the host for a timer or a wake-up. */
  sleeping: boolean;
  /** True from the loop's idleBegin to its idleEnd (what instruments hear). */
  idle: boolean;
  timer: ReturnType<typeof setTimeout> | undefined;
  /** True while a turn is queued on the host (so wake-ups are not queued twice). */
  turnQueued: boolean;
  resolve: (() => void) | null;
  reject: ((error: unknown) => void) | null;
  turn: () => void;
  /**
   * What the run keeps listening on the host (its interrupt watch), released while the
   * loop is stalled on Deno (probeWhileIdle) and restored at the next turn.
   */
  keepAlive: { release(): void; restore(): void } | null;
  /** True while `keepAlive` is released. */
  released: boolean;
}

/** @internal */
export function newHostDriverState(): HostDriverState {
  return { sleeping: false, idle: false, timer: undefined, turnQueued: false, resolve: null, reject: null, turn: noop, keepAlive: null, released: false };
}

function noop(): void {}

type Macrotask = (callback: () => void) => void;

// The fastest way each host has to run a callback after pending I/O and promise
// reactions: setImmediate (Node, Bun, Deno), a MessageChannel (browsers), setTimeout.
const queueMacrotask: Macrotask = (() => {
  const g = globalThis as { setImmediate?: (cb: () => void) => unknown; MessageChannel?: typeof MessageChannel };
  if (typeof g.setImmediate === "function") {
    const setImmediate = g.setImmediate;
    return (callback) => {
      setImmediate(callback);
    };
  }
  if (typeof g.MessageChannel === "function") {
    const queue: (() => void)[] = [];
    const channel = new g.MessageChannel();
    channel.port1.onmessage = () => queue.shift()?.();
    return (callback) => {
      queue.push(callback);
      channel.port2.postMessage(null);
    };
  }
  return (callback) => {
    setTimeout(callback, 0);
  };
})();

/** @internal Runs `loop` on the host until it stops; the loop's checks were done. */
export function runOnHost(loop: EventLoop): Promise<void> {
  const host = loop._host;
  return new Promise<void>((resolve, reject) => {
    host.resolve = resolve;
    host.reject = reject;
    host.turn = () => hostTurn(loop);
    host.turnQueued = true;
    queueMacrotask(host.turn);
  });
}

function hostTurn(loop: EventLoop): void {
  const host = loop._host;
  host.turnQueued = false;
  host.sleeping = false;
  if (host.timer !== undefined) {
    clearTimeout(host.timer);
    host.timer = undefined;
  }
  if (host.resolve === null) return; // the run already ended
  if (host.idle) {
    host.idle = false;
    loop._idleEnd();
  }
  if (host.released) {
    host.released = false;
    host.keepAlive?.restore();
  }
  const clock = loop._clock;
  const sliceEnd = performance.now() + HOST_SLICE_MS;
  let work = 0;
  _setRunningLoop(loop);
  try {
    for (;;) {
      loop._runOnce();
      if (loop._stopping) {
        finishHostRun(loop, null);
        return;
      }
      if (loop._ready.length > 0) {
        // The clock costs about 50 ns a read, more than an iteration with one task step
        // in it (the lock workload): read it once some work has run since the last look.
        work += loop._ready.length + SLICE_CHECK_ITERATION_WEIGHT;
        if (work >= SLICE_CHECK_WORK) {
          work = 0;
          if (performance.now() >= sliceEnd) {
            queueTurn(loop);
            return;
          }
        }
        continue;
      }
      // A chaos schedule delivers the host's settlements it holds when the loop has
      // nothing else ready: at the next iteration's start, rather than after a wait.
      if (loop._chaos !== null && loop._chaos.holding()) continue;
      loop._dropCancelledTimersAtTop();
      const next = loop._scheduled.peek();
      if (next === undefined) {
        // Nothing ready, no timer: only the host can bring more work.
        host.idle = true;
        loop._idleBegin(null);
        host.sleeping = true;
        watchForDeadlock(loop);
        return;
      }
      if (next._when - clock.now() <= 0) continue;
      if (clock.isVirtual) {
        // Let settled host operations land before time jumps past them, and keep
        // turns short so the host stays responsive during long virtual runs.
        if (loop._hostPending > 0 || performance.now() >= sliceEnd) {
          queueTurn(loop);
          return;
        }
        // Asked only here, once per wait, so that a chaos schedule's draws do not depend
        // on where the host's turns happened to end.
        const wake = wakeTime(loop, next._when);
        loop._idleBegin(wake);
        clock.advanceTo(wake);
        loop._idleEnd();
        continue;
      }
      const wake = wakeTime(loop, next._when);
      host.idle = true;
      loop._idleBegin(wake);
      host.sleeping = true;
      host.timer = setTimeout(host.turn, Math.max(1, Math.ceil((wake - clock.now()) * 1000)));
      return;
    }
  } catch (error) {
    finishHostRun(loop, error);
  } finally {
    _setRunningLoop(null);
  }
}

// Loops waiting on the host with nothing ready and no timer. If the host itself runs
// out of work (Node's 'beforeExit'), nothing can ever wake them: rather than letting the
// process exit with the run's promise never settled, fail the run with a clear error.
// Bun and Deno give no 'beforeExit' while a top-level `await` is pending (the usual
// `await asyncio.run(main())`), so there the driver probes the host while it idles.
const idleLoops = new Set<EventLoop>();
let deadlockHookInstalled = false;
/** Each idle period's own token, so that only its latest probe goes on. */
const idleProbes = new WeakMap<EventLoop, object>();

/** First probe after this long idle; each probe that finds the host busy doubles it. */
const IDLE_PROBE_FIRST_MS = 10;
const IDLE_PROBE_MAX_MS = 1000;

function watchForDeadlock(loop: EventLoop): void {
  idleLoops.add(loop);
  if (hostNeedsIdleProbe) {
    const token = {};
    idleProbes.set(loop, token);
    probeWhileIdle(loop, token, IDLE_PROBE_FIRST_MS);
  }
  if (deadlockHookInstalled) return;
  deadlockHookInstalled = true;
  onProcessEvent("beforeExit", () => {
    for (const idle of [...idleLoops]) failStuckRun(idle);
  });
}

// A probe from an idle period that has ended (the loop woke, or its run finished) stops.
// Where the probe cannot see every pending host operation (Deno: an unwrapped fetch or a
// stdin read shows nowhere), only a cycle of tasks waiting on each other fails the run,
// since no host work could break it: a program whose wake-up the probe cannot see must
// never be failed. There a task waiting on a future nobody completes waits, as it would
// without asyncio-ts, but it must not hang for ever: Deno does not end a top-level
// `await` that can never settle while any timer is armed (even an unref'd one) or any
// signal listener installed. So once the host looks idle, the probe stops, and unless a
// wrapped promise is pending (a fetch, say, which Ctrl-C must still cancel), the run
// stops listening for Ctrl-C until the loop's next turn. That leaves Deno to judge: work
// it cannot list keeps it running (and wakes the loop, which listens again and probes
// again when it idles); with none, Deno ends the program with "Top-level await promise
// never resolved" (without a top-level await, the 'beforeExit' above fails the run).
function probeWhileIdle(loop: EventLoop, token: object, ms: number): void {
  probeHostIdle(ms, (hostIdle) => {
    if (!idleLoops.has(loop) || idleProbes.get(loop) !== token) return;
    const certain = hostIdleProbeSeesOperations || (loop._hostPending === 0 && describeStuckTasks(loop).startsWith("deadlock:"));
    if (hostIdle && certain) failStuckRun(loop);
    else if (!hostIdle) probeWhileIdle(loop, token, Math.min(ms * 2, IDLE_PROBE_MAX_MS));
    else if (loop._hostPending === 0) {
      loop._host.released = true;
      loop._host.keepAlive?.release();
    }
  });
}

function failStuckRun(idle: EventLoop): void {
  const pending = idle._hostPending;
  const report = describeStuckTasks(idle);
  const cause =
    pending > 0
      ? ` (${pending} wrapped promise${pending === 1 ? " never settles" : "s never settle"})`
      : report.startsWith("deadlock:")
        ? ""
        : " (a task waits on a future nobody will complete)";
  finishHostRun(
    idle,
    new RuntimeError(
      `the event loop can never finish: no callback is ready, no timer is scheduled and the host has nothing left that could wake it${cause}` +
        (report === "" ? "" : `\n${report}`),
    ),
  );
}

function queueTurn(loop: EventLoop): void {
  const host = loop._host;
  if (host.turnQueued) return;
  host.turnQueued = true;
  queueMacrotask(host.turn);
}

function finishHostRun(loop: EventLoop, error: unknown): void {
  const host = loop._host;
  idleLoops.delete(loop);
  const { resolve, reject } = host;
  host.resolve = host.reject = null;
  host.sleeping = false;
  if (host.idle) {
    host.idle = false;
    loop._idleEnd();
  }
  loop._endRun();
  if (error === null) resolve!();
  else reject!(error);
}

/** @internal Called when work arrives for a loop that sleeps on the host. */
export function wakeHost(loop: EventLoop): void {
  const host = loop._host;
  if (loop._instruments !== null) loop._instruments.emit("hostWakeup", loop);
  idleLoops.delete(loop);
  host.sleeping = false;
  if (host.timer !== undefined) {
    clearTimeout(host.timer);
    host.timer = undefined;
  }
  queueTurn(loop);
}

/** @internal Cancels the host timer of a loop that is being closed. */
export function disarmHost(loop: EventLoop): void {
  const host = loop._host;
  if (host.timer !== undefined) clearTimeout(host.timer);
  host.timer = undefined;
  host.sleeping = false;
}

/** @internal Runs `loop` synchronously until it stops; the loop's checks were done. */
export function runSynchronously(loop: EventLoop): void {
  _setRunningLoop(loop);
  try {
    for (;;) {
      loop._runOnce();
      if (loop._stopping) return;
      if (loop._ready.length === 0) waitForNextTimer(loop);
    }
  } finally {
    _setRunningLoop(null);
    loop._endRun();
  }
}

function waitForNextTimer(loop: EventLoop): void {
  loop._dropCancelledTimersAtTop();
  const next = loop._scheduled.peek();
  if (next === undefined) {
    const pending = loop._hostPending;
    const what =
      pending > 0
        ? `${pending} host operation${pending === 1 ? " (a wrapped promise) is" : "s (wrapped promises) are"} still pending`
        : "only host I/O could make progress";
    const report = describeStuckTasks(loop);
    if (pending === 0 && report.startsWith("deadlock:")) {
      // Tasks wait on each other: no host, and no asyncio.run, could help.
      throw new RuntimeError(`the event loop can never finish: nothing is ready and no timer is scheduled\n${report}`);
    }
    throw new RuntimeError(
      `runSync cannot wait for host I/O: nothing is ready, no timer is scheduled and ${what}; use asyncio.run (or loop.runUntilComplete) instead` +
        (report === "" ? "" : `\n${report}`),
    );
  }
  const clock = loop._clock;
  if (next._when - clock.now() <= 0) return;
  const wake = wakeTime(loop, next._when);
  loop._idleBegin(wake);
  if (clock.isVirtual) clock.advanceTo(wake);
  else blockThread(wake - clock.now());
  loop._idleEnd();
}

/** When an idle loop wakes for a timer due at `when`: then, or later under a chaos schedule. */
function wakeTime(loop: EventLoop, when: number): number {
  return loop._chaos === null ? when : Math.max(when, loop._chaos.wakeAt(when));
}

let waitCell: Int32Array | null = null;

function blockThread(seconds: number): void {
  if (waitCell === null) {
    if (typeof SharedArrayBuffer !== "function" || typeof Atomics?.wait !== "function") throw cannotBlock("SharedArrayBuffer is not available");
    waitCell = new Int32Array(new SharedArrayBuffer(4));
  }
  try {
    Atomics.wait(waitCell, 0, 0, seconds * 1000);
  } catch (error) {
    throw cannotBlock(error instanceof Error ? error.message : String(error));
  }
}

function cannotBlock(reason: string): RuntimeError {
  return new RuntimeError(
    `runSync cannot block this thread between timers: the host forbids Atomics.wait here (${reason}), as a browser's main thread does; ` +
      "use asyncio.run instead, or run on a VirtualClock, which never blocks",
  );
}
