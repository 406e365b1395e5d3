/**
 * TimelineRecorder: an instrument that records a Timeline (see timeline.ts) against the
 * loop's clock (virtual seconds on a VirtualClock) and, if asked, the host's wall clock,
 * and renders it as Chrome trace-event JSON or a self-contained HTML page. Host-free: it
 * returns strings and objects; the caller writes files.
 *
 * What a task waits on is read from the future its step ended on. Where it waits in its
 * code (the coroutine chain) cannot be read from a suspended generator in JavaScript: it
 * is on the call stack only while the step runs. So the recorder captures the stack when
 * a step schedules a timer (a `sleep`, a timeout) or spawns a task, which is where most
 * waits begin, and keeps the coroutine frames of it; a step that does neither (awaiting a
 * task, a lock, a queue) has no chain.
 */
// events.ts first: it loads futures.ts before tasks.ts, the order the core needs.
import { type EventLoop, type Handle, TimerHandle } from "../core/events";
import { Future } from "../core/futures";
import type { Instrument } from "../core/instruments";
import { _ASYNC_WITH_FRAME, _GENERATOR_RESUME_FRAME, _TASK_STEP_FRAME, type CapturedStack, canCaptureStacks, captureStack } from "../core/stacks";
import { Task } from "../core/tasks";
import { _sleepFuture } from "../core/sleep";
import { GatheringFuture } from "../core/waiting";
import { type Timeline, type TimelineMark, type TimelineSpan, type TimelineTask, formatSeconds, positiveInteger } from "./timeline";
import { type TimelineHtmlOptions, timelineHtml } from "./timeline-html";
import { type TraceEvents, type TraceEventsOptions, traceEvents } from "./trace-events";

/** Options of `new TimelineRecorder()`. */
export interface TimelineRecorderOptions {
  /** Also stamp every event with the host's wall clock (`performance.now()`), for `{ clock: "wall" }` renderings. Default false. */
  wallClock?: boolean;
  /**
   * Capture the coroutine chain where a step schedules a timer or spawns a task (a stack
   * trace, formatted only when the timeline is rendered; V8 hosts only). Default true.
   */
  chains?: boolean;
  /** The most tasks recorded; later tasks are counted in `dropped`. Default 10 000. */
  maxTasks?: number;
  /** The most steps, the most spans (idle, callbacks) and the most marks recorded. Default 100 000 each. */
  maxEvents?: number;
}

/** A captured stack, formatted only when the timeline is rendered. */
type Site = CapturedStack;

/** A task being recorded; its steps are public records, with the sites kept aside. */
class TaskEntry {
  readonly task: TimelineTask;
  /** The stack captured during each step (index-aligned with `task.steps`), or null. */
  readonly sites: (Site | null)[] = [];
  /** The step running now: its begin, and what it captured. */
  begin = 0;
  wallBegin: number | null = null;
  site: Site | null = null;
  /** Timers the running step scheduled: a sleep's timer carries the future the step then waits on. */
  readonly timers: TimerHandle[] = [];

  constructor(task: TimelineTask) {
    this.task = task;
  }
}

/** Frames captured per site: two per `yield*` level, and the loop's few above them. */
const SITE_FRAMES = 64;

/**
 * An instrument that records a loop's tasks, steps, waits, callbacks, timers and idle
 * time, and renders them as Chrome trace-event JSON (`toTraceEvents`, for Perfetto and
 * chrome://tracing) or a self-contained HTML page with an SVG timeline (`toHtml`): one
 * lane per task, a bar per step, its waits as labelled gaps, the loop's idle time
 * shaded. Times are loop time, so on a VirtualClock the picture is in virtual seconds.
 * Install it with `loop.addInstrument(recorder)` before the tasks to see are created;
 * record one loop with it.
 *
 * @example
 * const loop = asyncio.newEventLoop({ clock: new asyncio.VirtualClock() });
 * const recorder = new asyncio.TimelineRecorder();
 * loop.addInstrument(recorder);
 * function* main() { yield* asyncio.gather(asyncio.sleep(1), asyncio.sleep(2)); }
 * loop.runUntilCompleteSync(main());
 * loop.close();
 * console.assert(recorder.toHtml().includes("sleep until t=2.0"));
 * console.assert(recorder.toTraceEvents().traceEvents.some((e) => e.cat === "idle"));
 */
export class TimelineRecorder implements Instrument {
  private readonly _wall: boolean;
  private readonly _chains: boolean;
  private readonly _maxTasks: number;
  private readonly _maxEvents: number;
  private readonly _entries: TaskEntry[] = [];
  private readonly _byTask = new WeakMap<Task<unknown>, TaskEntry>();
  /** The steps running now: more than one while an eager task's first step runs inside its creator's. */
  private readonly _running: TaskEntry[] = [];
  private readonly _idle: TimelineSpan[] = [];
  private readonly _callbacks: TimelineSpan[] = [];
  private readonly _marks: TimelineMark[] = [];
  /** Who scheduled a timer, for the label of its firing. */
  private readonly _timerOwners = new WeakMap<TimerHandle, string>();
  private _openIdle: TimelineSpan | null = null;
  private _openCallback: TimelineSpan | null = null;
  private _steps = 0;
  private _virtual = false;
  private _begin: number | null = null;
  private _end = 0;
  private _wallBegin: number | null = null;
  private _wallEnd: number | null = null;
  private readonly _dropped = { tasks: 0, steps: 0, spans: 0, marks: 0 };

  /** @throws RangeError if a cap is not a positive whole number. */
  constructor(options: TimelineRecorderOptions = {}) {
    this._wall = options.wallClock ?? false;
    this._chains = (options.chains ?? true) && canCaptureStacks;
    this._maxTasks = positiveInteger(options.maxTasks ?? 10_000, "TimelineRecorder maxTasks");
    this._maxEvents = positiveInteger(options.maxEvents ?? 100_000, "TimelineRecorder maxEvents");
  }

  // ---- the instrument's hooks ----

  /** Instrument hook: marks the start of a run. */
  beforeRun(loop: EventLoop): void {
    this._mark("run began", "run began", this._now(loop), null);
  }

  /** Instrument hook: marks the end of a run. */
  afterRun(loop: EventLoop): void {
    this._mark("run ended", "run ended", this._now(loop), null);
  }

  /** Instrument hook: opens the task's lane (and captures its creator's chain). */
  taskSpawned(task: Task<unknown>): void {
    const at = this._now(task._loop);
    if (this._entries.length >= this._maxTasks) {
      this._dropped.tasks++;
      return;
    }
    const parent = this._current();
    if (parent !== null) this._capture(parent);
    const entry = new TaskEntry({
      id: this._entries.length + 1,
      name: task.getName(),
      coroutine: null,
      parent: parent === null ? null : parent.task.name,
      spawned: at,
      wallSpawned: this._wallNow(),
      exited: null,
      wallExited: null,
      outcome: null,
      steps: [],
    });
    this._entries.push(entry);
    this._byTask.set(task, entry);
  }

  /** Instrument hook: a step begins. */
  beforeTaskStep(task: Task<unknown>): void {
    const entry = this._byTask.get(task);
    if (entry === undefined) return;
    entry.begin = this._now(task._loop);
    entry.wallBegin = this._wallNow();
    entry.site = null;
    entry.timers.length = 0;
    entry.task.name = task.getName();
    this._running.push(entry);
  }

  /** Instrument hook: records the step, and what the task now waits on. */
  afterTaskStep(task: Task<unknown>, waitingOn: Future<unknown> | null): void {
    const entry = this._byTask.get(task);
    if (entry === undefined) return;
    // A step that began before this recorder was installed has nothing to end.
    if (this._current() !== entry) return;
    this._running.pop();
    const end = this._now(task._loop);
    if (this._steps >= this._maxEvents) {
      this._dropped.steps++;
    } else {
      entry.task.steps.push({
        index: entry.task.steps.length + 1,
        seq: ++this._steps,
        begin: entry.begin,
        end,
        wallBegin: entry.wallBegin,
        wallEnd: this._wallNow(),
        waitingOn: task.done() ? null : waitingOn === null ? "ready (yielded)" : describeWait(waitingOn, entry.timers),
        chain: [],
      });
      entry.sites.push(entry.site);
    }
    entry.site = null;
    entry.timers.length = 0;
  }

  /** Instrument hook: closes the task's lane with its outcome. */
  taskExited(task: Task<unknown>): void {
    const entry = this._byTask.get(task);
    if (entry === undefined) return;
    entry.task.exited = this._now(task._loop);
    entry.task.wallExited = this._wallNow();
    // The internal flag, not `exception()`: reading the error would mark it retrieved.
    entry.task.outcome = task.cancelled() ? "cancelled" : task._exc !== 0 ? "failed" : "returned";
  }

  /** Instrument hook: a callback begins on the loop's lane. */
  beforeCallback(callback: Handle | Future<unknown>): void {
    this._openCallback = this._span("callback", describeCallback(callback, this._timerOwners), this._now(callback._loop), this._callbacks);
  }

  /** Instrument hook: the callback ends. */
  afterCallback(callback: Handle | Future<unknown>): void {
    const span = this._openCallback;
    if (span === null) return;
    this._close(span, this._now(callback._loop));
    this._openCallback = null;
  }

  /** Instrument hook: marks the timer; inside a step, it may be the sleep the step then waits on. */
  timerScheduled(timer: TimerHandle): void {
    const at = this._now(timer._loop);
    const running = this._current();
    const when = `t=${formatSeconds(timer.when())}`;
    if (running !== null) {
      running.timers.push(timer);
      this._timerOwners.set(timer, running.task.name);
      this._capture(running);
    }
    this._mark("timer scheduled", `timer for ${when}`, at, running);
  }

  /** Instrument hook: marks the timer's firing on the loop's lane. */
  timerFired(timer: TimerHandle): void {
    const owner = this._timerOwners.get(timer);
    const label = `timer for t=${formatSeconds(timer.when())} fired${owner === undefined ? "" : ` (scheduled by ${owner})`}`;
    this._mark("timer fired", label, this._now(timer._loop), null);
  }

  /** Instrument hook: the loop goes idle until `deadline`. */
  idleBegin(loop: EventLoop, deadline: number | null): void {
    const label = deadline === null ? "idle: waiting for the host" : `idle until t=${formatSeconds(deadline)}`;
    this._openIdle = this._span("idle", label, this._now(loop), this._idle);
  }

  /** Instrument hook: the idle span ends. */
  idleEnd(loop: EventLoop): void {
    const span = this._openIdle;
    if (span === null) return;
    this._close(span, this._now(loop));
    this._openIdle = null;
  }

  /** Instrument hook: marks host work arriving. */
  hostWakeup(loop: EventLoop): void {
    this._mark("host wakeup", "host work arrived", this._now(loop), null);
  }

  // ---- what was recorded ----

  /**
   * What was recorded so far, as plain data (a copy: recording goes on). Coroutine
   * chains are formatted here, and each task's `coroutine` is read from them.
   */
  timeline(): Timeline {
    const tasks = this._entries.map((entry) => {
      const task: TimelineTask = { ...entry.task, steps: [] };
      entry.task.steps.forEach((step, i) => {
        const chain = coroutineChain(entry.sites[i] ?? null);
        if (chain.length > 0) task.coroutine = functionName(chain.at(-1)!);
        task.steps.push({ ...step, chain });
      });
      return task;
    });
    const copy = (span: TimelineSpan): TimelineSpan => ({ ...span });
    return {
      loopClock: this._virtual ? "virtual" : "real",
      begin: this._begin ?? 0,
      end: this._end,
      wallBegin: this._wallBegin,
      wallEnd: this._wallEnd,
      tasks,
      idle: this._idle.map(copy),
      callbacks: this._callbacks.map(copy),
      marks: this._marks.map((mark) => ({ ...mark })),
      dropped: { ...this._dropped },
    };
  }

  /**
   * The recording as a Chrome trace-event JSON object (`{ traceEvents, displayTimeUnit }`):
   * `JSON.stringify` it to a file and open that in https://ui.perfetto.dev or
   * chrome://tracing. See `traceEvents` for the layout.
   *
   * @throws RangeError for `{ clock: "wall" }` when the recorder did not read the wall clock.
   */
  toTraceEvents(options: TraceEventsOptions = {}): TraceEvents {
    return traceEvents(this.timeline(), options);
  }

  /**
   * The recording as a self-contained HTML page (inline SVG, CSS and a few lines of
   * script; nothing loaded from elsewhere). See `timelineHtml` for what it shows.
   *
   * @throws RangeError for `{ clock: "wall" }` when the recorder did not read the wall clock.
   */
  toHtml(options: TimelineHtmlOptions = {}): string {
    return timelineHtml(this.timeline(), options);
  }

  // ---- internals ----

  private _now(loop: EventLoop): number {
    const now = loop.time();
    if (this._begin === null) {
      this._begin = now;
      this._virtual = loop.clock.isVirtual;
    }
    if (now > this._end) this._end = now;
    return now;
  }

  private _wallNow(): number | null {
    if (!this._wall) return null;
    const now = performance.now() / 1000;
    if (this._wallBegin === null) this._wallBegin = now;
    if (this._wallEnd === null || now > this._wallEnd) this._wallEnd = now;
    return now;
  }

  private _current(): TaskEntry | null {
    return this._running.length === 0 ? null : this._running[this._running.length - 1]!;
  }

  private _capture(entry: TaskEntry): void {
    if (!this._chains) return;
    entry.site = captureStack(undefined, SITE_FRAMES);
  }

  private _span(kind: TimelineSpan["kind"], label: string, at: number, into: TimelineSpan[]): TimelineSpan | null {
    if (into.length >= this._maxEvents) {
      this._dropped.spans++;
      return null;
    }
    const wall = this._wallNow();
    const span: TimelineSpan = { kind, label, begin: at, end: at, wallBegin: wall, wallEnd: wall };
    into.push(span);
    return span;
  }

  private _close(span: TimelineSpan, at: number): void {
    span.end = at;
    span.wallEnd = this._wallNow();
  }

  private _mark(kind: TimelineMark["kind"], label: string, at: number, running: TaskEntry | null): void {
    if (this._marks.length >= this._maxEvents) {
      this._dropped.marks++;
      return;
    }
    this._marks.push({ kind, label, at, wallAt: this._wallNow(), task: running === null ? null : running.task.id });
  }
}

/** What a step's future is, said for a gap's label. */
function describeWait(future: Future<unknown>, timers: readonly TimerHandle[]): string {
  if (future instanceof Task) return `task '${future.getName()}'`;
  if (future instanceof GatheringFuture) {
    const children = future._children.map((child) => (child instanceof Task ? child.getName() : "Future"));
    return `gather(${children.length > 4 ? `${children.slice(0, 4).join(", ")}, … ${children.length} in all` : children.join(", ")})`;
  }
  // `sleep` arms a timer whose callback completes the very future the step then waits on.
  for (const timer of timers) {
    if (_sleepFuture(timer) === future) return `sleep until t=${formatSeconds(timer.when())}`;
  }
  return String(future);
}

function describeCallback(callback: Handle | Future<unknown>, owners: WeakMap<TimerHandle, string>): string {
  if (callback instanceof Future) {
    const what = callback instanceof Task ? `task '${callback.getName()}'` : callback.constructor.name;
    // A waiting task is a done callback of its own: name it, it is what the future wakes.
    const first = callback._firstCallback();
    return `done callbacks of ${what}${first instanceof Task ? `: wakes ${first.getName()}` : ""}`;
  }
  const name = callback._callback === null ? "(cancelled)" : callback._callback.name || "(anonymous)";
  if (callback instanceof TimerHandle) {
    const owner = owners.get(callback);
    return `timer for t=${formatSeconds(callback.when())}: ${name}()${owner === undefined ? "" : `, scheduled by ${owner}`}`;
  }
  return `${name}()`;
}

const FRAME = /^\s+at /;

/**
 * The coroutines on a captured stack, innermost first: the frames a generator's
 * `next`/`throw` resumed, down to the task's step, shortened to `name (file:line:col)`.
 */
function coroutineChain(site: Site | null): string[] {
  const stack = site?.stack;
  if (typeof stack !== "string") return [];
  const lines = stack.split("\n");
  const chain: string[] = [];
  for (let i = 0; i + 1 < lines.length; i++) {
    const line = lines[i]!;
    if (_TASK_STEP_FRAME.test(line)) break;
    if (FRAME.test(line) && _GENERATOR_RESUME_FRAME.test(lines[i + 1]!)) chain.push(shortFrame(line));
    else if (_ASYNC_WITH_FRAME.test(line)) chain.push(shortFrame(line.replace(_ASYNC_WITH_FRAME, "$1asyncWith (")));
  }
  return chain;
}

function shortFrame(line: string): string {
  const match = /^\s*at (?:(.*?) \((.*)\)|(.*))$/.exec(line)!;
  const name = match[1] ?? "<anonymous>";
  const where = (match[2] ?? match[3] ?? "").replace(/^.*[/\\]/, "");
  return `${name} (${where})`;
}

function functionName(frame: string): string {
  return frame.replace(/ \(.*\)$/, "");
}
