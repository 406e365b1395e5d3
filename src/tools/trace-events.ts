/**
 * A Timeline as Chrome's trace-event format (the JSON object form), which Perfetto
 * (https://ui.perfetto.dev) and chrome://tracing open: one process for the loop, one
 * thread for the loop's own work and one per task, so each task is a track of its steps.
 */
import { type Timeline, type TimelineClock, type TimelineTask, formatDuration, laneName, onClock } from "./timeline";

/** Options of `traceEvents` and `TimelineRecorder.toTraceEvents`. */
export interface TraceEventsOptions {
  /** The clock the timestamps are read from; default "loop" (virtual seconds on a VirtualClock). */
  clock?: TimelineClock;
  /** Also a slice for each wait between two steps, named after what the task waited on. Default true. */
  waits?: boolean;
  /** The process's name in the viewer; default "asyncio-ts event loop". */
  processName?: string;
}

/** One trace event: "M" names a thread, "X" is a slice of `dur` µs, "i" an instant. */
export interface TraceEvent {
  name: string;
  ph: "M" | "X" | "i";
  pid: number;
  tid: number;
  /** Microseconds of the chosen clock. */
  ts?: number;
  dur?: number;
  cat?: string;
  /** An instant's scope: the thread. */
  s?: "t";
  args?: Record<string, unknown>;
}

/** The JSON object a trace file holds. */
export interface TraceEvents {
  traceEvents: TraceEvent[];
  displayTimeUnit: "ms";
  otherData: Record<string, string>;
}

const PID = 1;
/** The thread of the loop's own work: callbacks, idle time, timers firing. */
const LOOP_TID = 0;

/**
 * `timeline` in Chrome's trace-event format. Thread 0, "loop", holds the loop's
 * callbacks and idle spans ("X", categories `callback` and `idle`) and its timers
 * firing, host wake-ups and runs beginning and ending (instants). Thread N is the task
 * with id N, named after it: its steps ("X", category `step`, with what the task then
 * waited on and the coroutine chain in `args`), the waits between them ("X", category
 * `wait`, named after what it waited on), and instants for its spawn, its exit and the
 * timers its steps scheduled. Timestamps are microseconds of loop time (of wall time
 * with `{ clock: "wall" }`), so on a VirtualClock one virtual second is 1 000 000.
 *
 * @throws RangeError for `{ clock: "wall" }` when the timeline has no wall times.
 */
export function traceEvents(timeline: Timeline, options: TraceEventsOptions = {}): TraceEvents {
  const clock = options.clock ?? "loop";
  const t = onClock(timeline, clock);
  const meta: TraceEvent[] = [
    { name: "process_name", ph: "M", pid: PID, tid: LOOP_TID, args: { name: options.processName ?? "asyncio-ts event loop" } },
    { name: "thread_name", ph: "M", pid: PID, tid: LOOP_TID, args: { name: "loop" } },
    { name: "thread_sort_index", ph: "M", pid: PID, tid: LOOP_TID, args: { sort_index: 0 } },
  ];
  const events: TraceEvent[] = [];
  for (const span of t.idle) events.push(slice(span.label, "idle", LOOP_TID, span.begin, span.end));
  for (const span of t.callbacks) events.push(slice(span.label, "callback", LOOP_TID, span.begin, span.end));
  for (const mark of t.marks) {
    events.push({ name: mark.label, ph: "i", s: "t", cat: mark.kind, pid: PID, tid: mark.task ?? LOOP_TID, ts: micros(mark.at) });
  }
  for (const task of t.tasks) {
    meta.push(
      { name: "thread_name", ph: "M", pid: PID, tid: task.id, args: { name: laneName(task) } },
      { name: "thread_sort_index", ph: "M", pid: PID, tid: task.id, args: { sort_index: task.id } },
    );
    taskEvents(task, t.end, options.waits ?? true, events);
  }
  // By time, and stable: a task's events at one time keep the order they happened in.
  // On the loop's thread, an idle span comes after what ran at the moment it began.
  events.sort((a, b) => a.ts! - b.ts! || Number(a.cat === "idle") - Number(b.cat === "idle"));
  return {
    traceEvents: [...meta, ...events],
    displayTimeUnit: "ms",
    otherData: {
      generator: "asyncio-ts TimelineRecorder",
      clock: clock === "wall" ? "wall clock (performance.now)" : `loop time (${timeline.loopClock === "virtual" ? "VirtualClock: virtual seconds" : "real clock"})`,
      duration: formatDuration(t.end - t.begin),
    },
  };
}

function taskEvents(task: TimelineTask, end: number, waits: boolean, into: TraceEvent[]): void {
  const tid = task.id;
  into.push({ name: "spawned", ph: "i", s: "t", cat: "task", pid: PID, tid, ts: micros(task.spawned), args: { parent: task.parent } });
  const steps = task.steps;
  if (waits && steps.length > 0 && steps[0]!.begin > task.spawned) {
    into.push(slice("scheduled", "wait", tid, task.spawned, steps[0]!.begin));
  }
  for (let i = 0; i < steps.length; i++) {
    const step = steps[i]!;
    const args: Record<string, unknown> = { task: task.name, step: step.index, seq: step.seq, "then waited on": step.waitingOn ?? "nothing: the task finished" };
    if (step.chain.length > 0) args["coroutine chain"] = step.chain.join("\n");
    into.push({ ...slice(`step ${step.index}`, "step", tid, step.begin, step.end), args });
    if (waits && step.waitingOn !== null) {
      const next = i + 1 < steps.length ? steps[i + 1]!.begin : (task.exited ?? end);
      into.push(slice(step.waitingOn, "wait", tid, step.end, Math.max(next, step.end)));
    }
  }
  if (task.exited !== null) {
    into.push({ name: "exited", ph: "i", s: "t", cat: "task", pid: PID, tid, ts: micros(task.exited), args: { outcome: task.outcome } });
  }
}

function slice(name: string, cat: string, tid: number, begin: number, end: number): TraceEvent {
  const ts = micros(begin);
  return { name, ph: "X", cat, pid: PID, tid, ts, dur: Math.max(0, micros(end) - ts) };
}

/** Seconds to microseconds, kept to the nanosecond so float noise does not show. */
function micros(seconds: number): number {
  return Math.round(seconds * 1e9) / 1e3;
}
