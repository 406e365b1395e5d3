/**
 * A timeline: what a loop's tasks did and when, as plain data (JSON-safe) — each task's
 * life, every step it ran, what it waited on between steps, the loop's callbacks, timers
 * and idle time. `TimelineRecorder` records one; `traceEvents` and `timelineHtml` draw
 * it. Times are loop time (`loop.time()`: virtual seconds on a VirtualClock), with the
 * host's wall clock beside them when the recorder reads it.
 */

/** Which clock a rendering reads: the loop's (`loop.time()`, virtual on a VirtualClock) or the host's wall clock. */
export type TimelineClock = "loop" | "wall";

/** One step of a task: its coroutine ran from `begin` to `end`, then waited on `waitingOn`. */
export interface TimelineStep {
  /** 1 for the task's first step. */
  index: number;
  /** The step's place among all the steps recorded, across tasks: the loop's order of work. */
  seq: number;
  /** Loop time (seconds) when the step began and ended. */
  begin: number;
  end: number;
  /** Wall time (seconds), or null when the recorder does not read the wall clock. */
  wallBegin: number | null;
  wallEnd: number | null;
  /**
   * What the task waited on after this step: `sleep until t=3.0`, `task 'B'`,
   * `gather(A, B)`, `<Future pending>`; `ready (yielded)` after a bare `yield` or
   * `sleep(0)`; null when the step ended the task.
   */
  waitingOn: string | null;
  /**
   * The coroutine chain at the point this step scheduled a timer or spawned a task,
   * innermost first (`customSleep (demo.ts:72:15)`); empty when it did neither.
   */
  chain: string[];
}

/** A task's lane: its life and its steps. */
export interface TimelineTask {
  /** 1, 2, … in spawn order (the trace's thread id). */
  id: number;
  /** The task's name when last seen. */
  name: string;
  /** The coroutine function, from the outermost frame of a captured chain; null if none was captured. */
  coroutine: string | null;
  /** The task that was running when this one was spawned, or null. */
  parent: string | null;
  spawned: number;
  wallSpawned: number | null;
  /** When the task finished, or null if it had not by the end of the recording. */
  exited: number | null;
  wallExited: number | null;
  outcome: "returned" | "failed" | "cancelled" | null;
  steps: TimelineStep[];
}

/** A span of the loop's own lane: idle (waiting for a timer or the host), or a callback. */
export interface TimelineSpan {
  kind: "idle" | "callback";
  /** `idle until t=2.0`, `idle: waiting for the host`, `timer: setResultUnlessCancelled`, `done callbacks of task 'A'`. */
  label: string;
  begin: number;
  end: number;
  wallBegin: number | null;
  wallEnd: number | null;
}

/** A moment: a timer scheduled or fired, host work arriving, a run beginning or ending. */
export interface TimelineMark {
  kind: "timer scheduled" | "timer fired" | "host wakeup" | "run began" | "run ended";
  label: string;
  at: number;
  wallAt: number | null;
  /** The id of the task whose step it happened in, or null for the loop itself. */
  task: number | null;
}

/** What a TimelineRecorder recorded, as plain data (JSON-safe): what the renderers draw. */
export interface Timeline {
  /** The loop's clock: "virtual" on a VirtualClock, where loop time is not wall time. */
  loopClock: "virtual" | "real";
  /** Loop time of the first and last event recorded (0 and 0 when nothing was). */
  begin: number;
  end: number;
  wallBegin: number | null;
  wallEnd: number | null;
  tasks: TimelineTask[];
  idle: TimelineSpan[];
  callbacks: TimelineSpan[];
  marks: TimelineMark[];
  /** What the caps left out: tasks not recorded, and steps, spans and marks past `maxEvents`. */
  dropped: { tasks: number; steps: number; spans: number; marks: number };
}


/**
 * Loop time as labels show it: `3.0`, `1.25`, `12.002` (Python's float look for whole
 * seconds, else to the millisecond).
 */
export function formatSeconds(t: number): string {
  if (Number.isInteger(t)) return t.toFixed(1);
  const fixed = t.toFixed(3).replace(/0+$/, "");
  return fixed.endsWith(".") ? `${fixed}0` : fixed;
}

/** A length of time as labels show it: `1.000 s`, `12.5 ms`, `40 µs`, `0 s`. */
export function formatDuration(seconds: number): string {
  if (seconds === 0) return "0 s";
  if (seconds >= 1) return `${seconds.toFixed(3)} s`;
  if (seconds >= 1e-3) return `${Number((seconds * 1e3).toPrecision(3))} ms`;
  return `${Number((seconds * 1e6).toPrecision(3))} µs`;
}

/**
 * The timeline with its times read from `clock`: for "wall", every loop time is replaced
 * by the wall time recorded beside it (labels such as `sleep until t=3.0` still name
 * loop time, which is what the loop waits for).
 *
 * @throws RangeError for "wall" when the timeline has no wall times.
 */
export function onClock(timeline: Timeline, clock: TimelineClock): Timeline {
  if (clock === "loop") return timeline;
  if (clock !== "wall") throw new RangeError(`clock must be "loop" or "wall", got ${String(clock)}`);
  if (timeline.wallBegin === null || timeline.wallEnd === null) {
    throw new RangeError('this timeline has no wall times: record it with new TimelineRecorder({ wallClock: true })');
  }
  const span = (s: TimelineSpan): TimelineSpan => ({ ...s, begin: s.wallBegin!, end: s.wallEnd! });
  return {
    ...timeline,
    begin: timeline.wallBegin,
    end: timeline.wallEnd,
    tasks: timeline.tasks.map((task) => ({
      ...task,
      spawned: task.wallSpawned!,
      exited: task.wallExited,
      steps: task.steps.map((step) => ({ ...step, begin: step.wallBegin!, end: step.wallEnd! })),
    })),
    idle: timeline.idle.map(span),
    callbacks: timeline.callbacks.map(span),
    marks: timeline.marks.map((mark) => ({ ...mark, at: mark.wallAt! })),
  };
}

/** @internal `value` if it is a positive whole number. @throws RangeError naming `what` otherwise. */
export function positiveInteger(value: number, what: string): number {
  if (!Number.isInteger(value) || value < 1) throw new RangeError(`${what} must be a positive whole number, got ${value}`);
  return value;
}

/** @internal A task's lane name: its name, and its coroutine when known and different. */
export function laneName(task: TimelineTask): string {
  return task.coroutine === null || task.coroutine === task.name ? task.name : `${task.name} (${task.coroutine})`;
}
