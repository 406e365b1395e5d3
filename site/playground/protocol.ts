/** The messages between the playground page and its worker. */
import type { Timeline } from "asyncio-ts";

export type ClockKind = "virtual" | "real";
export type StepUnit = "callback" | "iteration";

/** Page → worker. */
export type ToWorker =
  | { type: "load"; source: string; clock: ClockKind }
  /** Run until paused; `delayMs` between callbacks (0: as fast as the loop goes). */
  | { type: "run"; delayMs: number }
  | { type: "pause" }
  | { type: "step"; unit: StepUnit }
  | { type: "speed"; delayMs: number };

export interface TaskView {
  name: string;
  state: "running" | "ready" | "waiting" | "done";
  /** What it waits on (`sleeps until t=3.0`), or how it ended (`returned 6`, `failed: RangeError: …`). */
  detail: string;
}

export interface Snapshot {
  /** Loop time. */
  time: number;
  clock: ClockKind;
  /** Loop iterations begun, and ready items left in the current one. */
  iteration: number;
  remaining: number;
  /** What ran last (`step of task 'A'`), or what the loop does now (`idle until t=2.0`). */
  last: string;
  ready: string[];
  timers: { when: number; label: string }[];
  tasks: TaskView[];
  timeline: Timeline | null;
  /** The last item run blocked the whole thread (a `time.sleep` in task `task`) for this many loop seconds. */
  blocked: { task: string | null; seconds: number } | null;
}

/** Worker → page. */
export type FromWorker =
  | { type: "ready" }
  | { type: "compiled" }
  | { type: "console"; level: "log" | "info" | "warn" | "error"; text: string }
  /** About to run this ready item: the watchdog names it if the worker stops answering. */
  | { type: "begin"; label: string; task: string | null }
  /** A task blocks the whole thread (a `time.sleep`): every other lane is frozen meanwhile. */
  | { type: "blocking"; task: string | null; seconds: number }
  | { type: "state"; snapshot: Snapshot; status: Status }
  | { type: "error"; phase: "compile" | "runtime"; message: string; line: number | null; column: number | null };

/** Where the program is: still loading, paused between callbacks, running, or finished. */
export type Status = "paused" | "running" | "sleeping" | "done" | "stuck" | "failed";
