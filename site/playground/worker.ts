/**
 * The playground's Web Worker: compiles the program (sucrase: TypeScript to JavaScript,
 * line for line), runs it against the browser entry of asyncio-ts on a loop that the
 * page steps (stepper.ts), and reports what the loop holds after each step: its ready
 * queue, its timer heap, each task's state and the timeline so far. It watches the loop
 * only through instruments (`loop.addInstrument`) and the TimelineRecorder.
 *
 * A program may import "asyncio-ts" (the browser entry, with the playground's own
 * `asyncio.run`) and "asyncio-ts/testing" (whose `Network` carries `openConnection` and
 * `startServer` once installed on the loop: a browser has no sockets).
 *
 * The program runs in this worker so that a runaway one can be stopped: the page
 * terminates the worker when it stops answering (see the watchdog in app.ts), naming the
 * task whose step never ended, which this worker announced before running it.
 */
import * as asyncio from "asyncio-ts";
import * as testing from "asyncio-ts/testing";
import { transform } from "sucrase";
import type { ClockKind, FromWorker, Snapshot, Status, StepUnit, TaskView, ToWorker } from "./protocol";
import { Stepper } from "./stepper";
import { formatValues } from "./format";

const post = (message: FromWorker) => (self as unknown as Worker).postMessage(message);

// ---- the program's world: console, time, require ----

const worldConsole = {
  log: (...args: unknown[]) => post({ type: "console", level: "log", text: formatValues(args) }),
  info: (...args: unknown[]) => post({ type: "console", level: "info", text: formatValues(args) }),
  warn: (...args: unknown[]) => post({ type: "console", level: "warn", text: formatValues(args) }),
  error: (...args: unknown[]) => post({ type: "console", level: "error", text: formatValues(args) }),
  assert: (condition: unknown, ...args: unknown[]) => {
    if (!condition) post({ type: "console", level: "error", text: `Assertion failed${args.length ? `: ${formatValues(args)}` : ""}` });
  },
};
// The library reports through the global console (the loop's exception handler, debug mode).
Object.assign(console, worldConsole);

/** Python's `time`: `time.sleep` blocks the whole thread, as in the seed's first program. */
const time = {
  sleep(seconds: number): void {
    const task = session?.loop ? asyncio.currentTask(session.loop) : null;
    post({ type: "blocking", task: task ? task.getName() : null, seconds });
    if (session) {
      const blocked = session.blocked ?? { task: task ? task.getName() : null, seconds: 0 };
      blocked.seconds += seconds;
      session.blocked = blocked;
    }
    const clock = session?.loop.clock;
    if (clock instanceof asyncio.VirtualClock) {
      clock.advance(seconds);
      // Let the page show the frozen lanes a moment when it runs at a watchable speed.
      busyWait(Math.min(seconds * (session?.delayMs ?? 0), 1500));
    } else {
      busyWait(seconds * 1000);
    }
  },
  time(): number {
    return session ? session.loop.time() : performance.now() / 1000;
  },
};

function busyWait(ms: number): void {
  const end = performance.now() + ms;
  while (performance.now() < end) {
    // blocking on purpose: this is what a synchronous sleep does to an event loop
  }
}

/**
 * The names of the Node entry that the browser entry has not: they need sockets, files or
 * processes. (`openConnection` and `startServer` it has: they go over a fake network
 * installed on the loop, and say so when there is none.)
 */
const NODE_ONLY = new Set([
  "openUnixConnection",
  "startUnixServer",
  "createSubprocessExec",
  "createSubprocessShell",
  "subprocess",
  "Server",
  "ServerSocket",
  "SocketTransport",
  "SubprocessTransport",
  "UdpTransport",
  "ThreadPoolExecutor",
  "workerFunction",
  "workerModule",
  "toThread",
  "socket",
  "osError",
]);

const NODE_MODULES = /^(node:|(net|fs|fs\/promises|child_process|http|https|http2|os|path|worker_threads|dns|tls|dgram|process|stream|readline)$)/;

const NO_SOCKETS =
  "The playground runs your program in a Web Worker in your browser, and a browser has no sockets, files or processes. " +
  "For servers and clients, use the fake network of asyncio-ts/testing: `const network = new Network({ latency: 0.05 })`, " +
  "`network.install(asyncio.getRunningLoop())`, then asyncio.openConnection and asyncio.startServer go over it, as the three-servers example does.";

class NodeOnlyError extends Error {
  override name = "NodeOnlyError";
}

function nodeOnly(what: string): never {
  throw new NodeOnlyError(`${what} needs Node. ${NO_SOCKETS}`);
}

function playgroundApi(): object {
  const api: Record<string | symbol, unknown> = { ...asyncio, __esModule: true };
  api.run = (main: asyncio.Coroutine<unknown>) => runMain(main);
  api.runSync = () => {
    throw new asyncio.RuntimeError("runSync would run the loop in one go: in the playground, write `await asyncio.run(main())` so the page can step it");
  };
  return new Proxy(api, {
    get(target, name) {
      if (typeof name === "string" && NODE_ONLY.has(name)) nodeOnly(`asyncio.${name}`);
      return target[name];
    },
  });
}

function requireModule(name: string): unknown {
  if (name === "asyncio-ts") return playgroundApi();
  if (name === "asyncio-ts/testing") return { ...testing, __esModule: true };
  if (NODE_MODULES.test(name)) nodeOnly(`import "${name}"`);
  throw new Error(`The playground can import "asyncio-ts" and "asyncio-ts/testing" only, not "${name}"`);
}

// ---- a session: one program on one loop ----

interface TaskRecord {
  name: string;
  state: TaskView["state"];
  detail: string;
}

class Session implements asyncio.Instrument {
  readonly loop: asyncio.EventLoop;
  readonly stepper: Stepper;
  readonly recorder = new asyncio.TimelineRecorder({ chains: false });
  readonly tasks = new Map<asyncio.Task<unknown>, TaskRecord>();
  /** Who scheduled each timer: the task whose step was running. */
  readonly timerOwners = new WeakMap<asyncio.TimerHandle, string>();
  /** The tasks that waited on each future: its done callbacks wake them. */
  readonly waiters = new WeakMap<asyncio.Future<unknown>, string[]>();
  status: Status = "paused";
  running = false;
  delayMs = 0;
  last = "not started";
  /** What the item running now (or last run) blocked the thread for. */
  blocked: { task: string | null; seconds: number } | null = null;
  /** The mains that `asyncio.run` was given, with what their run promise does at the end. */
  mains: { task: asyncio.Task<unknown>; resolve: (value: unknown) => void; reject: (error: unknown) => void }[] = [];
  private _lastBegin = "";
  private _idleUntil: number | null = null;
  private _timer: ReturnType<typeof setTimeout> | undefined;
  private _lastPost = 0;
  /** The tasks left over when the mains ended, cancelled once each (as `asyncio.run` does). */
  private readonly _cancelled = new WeakSet<asyncio.Task<unknown>>();

  constructor(clock: ClockKind) {
    this.loop = asyncio.newEventLoop({ clock: clock === "virtual" ? new asyncio.VirtualClock() : new asyncio.RealClock() });
    this.loop.addInstrument(this.recorder);
    this.loop.addInstrument(this);
    asyncio.setEventLoop(this.loop);
    this.stepper = new Stepper(this.loop);
  }

  // ---- the instrument ----

  taskSpawned(task: asyncio.Task<unknown>): void {
    this.tasks.set(task, { name: task.getName(), state: "ready", detail: "spawned" });
  }

  beforeTaskStep(task: asyncio.Task<unknown>): void {
    const record = this.tasks.get(task);
    if (record) record.state = "running";
    // A step may run from a future's done callbacks, not from the queue: name the task itself.
    this._announceLabel(`step of task '${task.getName()}'`, task.getName());
  }

  afterTaskStep(task: asyncio.Task<unknown>, waitingOn: asyncio.Future<unknown> | null): void {
    const record = this.tasks.get(task);
    if (record && !task.done()) record.state = waitingOn === null ? "ready" : "waiting";
    if (waitingOn !== null) {
      const names = this.waiters.get(waitingOn) ?? [];
      names.push(task.getName());
      this.waiters.set(waitingOn, names);
    }
  }

  taskExited(task: asyncio.Task<unknown>): void {
    const record = this.tasks.get(task);
    if (!record) return;
    record.state = "done";
    if (task.cancelled()) record.detail = "cancelled";
    else {
      const error = task.exception();
      record.detail = error ? `failed: ${formatValues([error]).split("\n")[0]}` : `returned ${formatValues([task.result()])}`;
    }
  }

  timerScheduled(timer: asyncio.TimerHandle): void {
    const task = asyncio.currentTask(this.loop);
    if (task) this.timerOwners.set(timer, task.getName());
  }

  // ---- stepping ----

  /** One step of the page's "step one callback": a ready item, or the loop's wait for its next timer. */
  stepOnce(): "ran" | "wait" | "end" {
    if (this._idleUntil !== null) return "wait";
    if (this.mains.length === 0) return "end";
    if (this.mains.every((m) => m.task.done()) && this._finishMains()) return "end";
    const result = this.stepper.turn(() => this.stepper.stepCallback((item) => this._announce(item)));
    switch (result.kind) {
      case "ran":
        this.last = this.describe(result.item);
        return "ran";
      case "sleep": {
        const until = result.until;
        this.stepper.beginIdle(until);
        if (this.loop.clock instanceof asyncio.VirtualClock) {
          this.stepper.endIdle(until);
          this.last = `the loop slept until t=${fmt(until)} (virtual: no real time passed)`;
          return "ran";
        }
        this.last = `the loop sleeps until t=${fmt(until)}`;
        this._idleUntil = until;
        this.status = "sleeping";
        this._timer = setTimeout(() => this._wake(), Math.max(0, (until - this.loop.time()) * 1000));
        return "wait";
      }
      case "host":
        this.stepper.beginIdle(null);
        this.last = "the loop waits for the host (a promise)";
        this._idleUntil = -1;
        this.status = "sleeping";
        this._timer = setTimeout(() => this._wake(), 5);
        return "wait";
      case "stuck":
        this._stuck();
        return "end";
    }
  }

  private _wake(): void {
    const until = this._idleUntil;
    this._idleUntil = null;
    this.stepper.endIdle(until !== null && until >= 0 ? until : null);
    this.status = this.running ? "running" : "paused";
    this.postState(true);
    if (this.running) this.pump();
  }

  private _announce(item: unknown): void {
    this.blocked = null;
    this._announceLabel(this.describe(item), item instanceof asyncio.Task ? item.getName() : null);
  }

  private _announceLabel(label: string, task: string | null): void {
    if (label === this._lastBegin) return;
    this._lastBegin = label;
    post({ type: "begin", label, task });
  }

  /** A ready item in words: `step of task 'A'`, `timer: sleep (task 'B')`, `wake task 'A' (…)`. */
  describe(item: unknown): string {
    if (item instanceof asyncio.Task) return `step of task '${item.getName()}'`;
    if (item instanceof asyncio.TimerHandle) return `timer: ${describeTimer(item, this.timerOwners)}`;
    if (item instanceof asyncio.Handle) return `callback: ${(item as unknown as { _describeCallback(): string })._describeCallback()}`;
    if (item instanceof asyncio.Future) {
      const names = this.waiters.get(item);
      const future = String(item).slice(0, 60);
      return names?.length ? `wake ${names.map((n) => `task '${n}'`).join(", ")}: ${future} is done` : `done callbacks of ${future}`;
    }
    return String(item).slice(0, 80);
  }

  /** The loop can never go on: what `runSync` reports, given to the mains that wait. */
  private _stuck(): void {
    const report = asyncio._describeStuckTasks(this.loop);
    const error = new asyncio.RuntimeError(`the event loop can never finish: nothing is ready and no timer is scheduled${report ? `\n${report}` : ""}`);
    this.last = "stuck: nothing is ready and no timer is scheduled";
    this.status = "stuck";
    this.running = false;
    this.postState(true);
    const mains = this.mains.filter((m) => !m.task.done());
    this.mains = [];
    this.stepper.finish();
    for (const m of mains) m.reject(error);
  }

  /** The mains are done: like `asyncio.run`, cancel what is left, then settle their promises. Returns true when all is over. */
  private _finishMains(): boolean {
    const left = [...asyncio.allTasks(this.loop)].filter((task) => !task.done());
    if (left.length > 0) {
      for (const task of left) {
        if (this._cancelled.has(task)) continue;
        this._cancelled.add(task);
        task.cancel();
      }
      return false;
    }
    const mains = this.mains;
    this.mains = [];
    this.stepper.finish();
    for (const m of mains) {
      if (m.task.cancelled()) m.reject(new asyncio.CancelledError());
      else if (m.task.exception()) m.reject(m.task.exception());
      else m.resolve(m.task.result());
    }
    if (mains.length > 0) {
      this.last = "the run ended";
      this.status = "done";
    }
    return true;
  }

  /** Runs one unit the page asked for. */
  step(unit: StepUnit): void {
    if (this.running || this._idleUntil !== null) return;
    guard(() => {
      if (unit === "callback" || this.stepper.atIterationBoundary) {
        // At a boundary, an iteration step runs the iteration's first item, then the rest.
        const r = this.stepOnce();
        if (unit === "iteration" && r === "ran") while (!this.stepper.atIterationBoundary && this.stepOnce() === "ran");
      } else {
        while (!this.stepper.atIterationBoundary && this.stepOnce() === "ran");
      }
    });
    this.postState(true);
  }

  run(delayMs: number): void {
    this.delayMs = delayMs;
    if (this.status === "done" || this.status === "stuck" || this.status === "failed") return;
    this.running = true;
    this.status = this._idleUntil === null ? "running" : "sleeping";
    this.postState(true);
    if (this._idleUntil === null) this.pump();
  }

  pause(): void {
    this.running = false;
    clearTimeout(this._timer);
    if (this._idleUntil === null) {
      this.status = this.status === "running" ? "paused" : this.status;
    } else {
      // Wake at once: the loop comes back to its next timer when stepped or run again.
      this._idleUntil = null;
      this.stepper.endIdle(null);
      this.status = "paused";
    }
    this.postState(true);
  }

  pump(): void {
    if (!this.running) return;
    const sliceEnd = performance.now() + 12;
    for (;;) {
      const r = guard(() => this.stepOnce()) ?? "end";
      if (r === "wait") return this.postState(false);
      if (r === "end" || !this.running) {
        this.running = false;
        return this.postState(true);
      }
      if (this.delayMs > 0) {
        this.postState(true);
        this._timer = setTimeout(() => this.pump(), this.delayMs);
        return;
      }
      if (performance.now() > sliceEnd) {
        this.postState(false);
        this._timer = setTimeout(() => this.pump(), 0);
        return;
      }
    }
  }

  postState(force: boolean): void {
    const now = performance.now();
    if (!force && now - this._lastPost < 100) return;
    this._lastPost = now;
    post({ type: "state", snapshot: this.snapshot(), status: this.status });
  }

  snapshot(): Snapshot {
    const loop = this.loop;
    const waits = new Map<asyncio.Task<unknown>, string>();
    try {
      for (const row of asyncio.taskTable(loop)) waits.set(row.task, row.waitsOn);
    } catch {
      // a closed loop has no table
    }
    const tasks: TaskView[] = [];
    for (const [task, record] of this.tasks) {
      record.name = task.getName();
      const wait = waits.get(task);
      const detail = record.state === "done" ? record.detail : record.state === "running" ? "running its step" : (wait ?? record.state);
      tasks.push({ name: record.name, state: record.state, detail });
    }
    return {
      time: loop.time(),
      clock: loop.clock instanceof asyncio.VirtualClock ? "virtual" : "real",
      iteration: this.stepper.iteration,
      remaining: this.stepper.remaining,
      last: this.last,
      ready: this.stepper.ready().map((item) => this.describe(item)),
      timers: this.stepper.timers().map((timer) => ({ when: timer.when(), label: describeTimer(timer, this.timerOwners) })),
      tasks,
      timeline: this.recorder.timeline(),
      blocked: this.blocked,
    };
  }
}

function fmt(t: number): string {
  return Number.isInteger(t) ? t.toFixed(1) : String(Number(t.toFixed(3)));
}

function describeTimer(timer: asyncio.TimerHandle, owners: WeakMap<asyncio.TimerHandle, string>): string {
  const callback = (timer as unknown as { _callback: { name?: string } | null })._callback;
  const name = callback?.name || "callback";
  const owner = owners.get(timer);
  const what = name === "setResultUnlessCancelled" ? "sleep" : name;
  return owner ? `${what} (task '${owner}')` : what;
}

let session: Session | null = null;

/** Runs `fn`; an error out of the loop's own machinery is shown as the program's error. */
function guard<T>(fn: () => T): T | undefined {
  try {
    return fn();
  } catch (error) {
    reportRuntimeError(error);
    if (session) {
      session.running = false;
      session.status = "failed";
    }
    return undefined;
  }
}

/** `asyncio.run(main)` in the playground: main becomes a task on the stepped loop; the page drives it. */
function runMain(main: asyncio.Coroutine<unknown>): Promise<unknown> {
  const s = session!;
  const task = s.loop.createTask(main);
  s.status = s.running ? "running" : "paused";
  s.last = `asyncio.run created ${task.getName()}`;
  return new Promise((resolve, reject) => s.mains.push({ task, resolve, reject }));
}

// ---- compiling and starting a program ----

// biome-ignore lint/complexity/useArrowFunction: the constructor of async functions.
const AsyncFunction = Object.getPrototypeOf(async function () {}).constructor as new (...args: string[]) => (...args: unknown[]) => Promise<unknown>;

/** Lines the Function constructors put before the body (measured, not assumed): 2 on V8. */
const BODY_OFFSET = (() => {
  try {
    new Function("a", "b", "throw new Error()\n//# sourceURL=probe.ts")();
  } catch (error) {
    const m = /probe\.ts:(\d+):/.exec(String((error as Error).stack));
    if (m) return Number(m[1]) - 1;
  }
  return 2;
})();

function lineOf(error: unknown): { line: number | null; column: number | null } {
  const m = /program\.ts:(\d+):(\d+)/.exec(String((error as Error)?.stack ?? ""));
  return m ? { line: Number(m[1]) - BODY_OFFSET, column: Number(m[2]) } : { line: null, column: null };
}

function reportRuntimeError(error: unknown): void {
  let message = error instanceof Error ? `${error.name}: ${error.message}` : `Uncaught ${formatValues([error])}`;
  if (error instanceof Error && !(error instanceof NodeOnlyError)) {
    if (/process is not defined|(createConnection|createServer|createUnixConnection|createUnixServer|subprocessExec|subprocessShell|runInExecutor|getaddrinfo|getnameinfo|sockConnect|sockRecv|sockSendall|addSignalHandler) is not a function/.test(error.message)) {
      message += `\n${NO_SOCKETS}`;
    }
  }
  post({ type: "error", phase: "runtime", message, ...lineOf(error) });
}

function load(source: string, clock: ClockKind): void {
  let code: string;
  try {
    code = transform(source, { transforms: ["typescript", "imports"], filePath: "program.ts", production: true }).code;
  } catch (error) {
    const e = error as Error & { loc?: { line: number; column: number } };
    const m = /\((\d+):(\d+)\)\s*$/.exec(e.message);
    post({
      type: "error",
      phase: "compile",
      message: `SyntaxError: ${e.message.replace(/^Error transforming program\.ts: /, "").replace(/\s*\(\d+:\d+\)\s*$/, "")}`,
      line: e.loc?.line ?? (m ? Number(m[1]) : null),
      column: e.loc ? e.loc.column + 1 : m ? Number(m[2]) + 1 : null,
    });
    return;
  }
  session = new Session(clock);
  post({ type: "compiled" });
  const program = new AsyncFunction("require", "console", "time", `${code}\n//# sourceURL=program.ts`);
  const finished = program(requireModule, worldConsole, time);
  // The top level ran to its first await (usually `await asyncio.run(main())`): the page may step now.
  session.postState(true);
  finished.then(
    () => {
      if (session && session.mains.length === 0 && session.status === "paused") session.status = "done";
      session?.postState(true);
    },
    (error) => {
      if (session) {
        session.running = false;
        if (session.status !== "stuck") session.status = "failed";
        session.postState(true);
      }
      reportRuntimeError(error);
    },
  );
}

self.onmessage = (event: MessageEvent<ToWorker>) => {
  const message = event.data;
  switch (message.type) {
    case "load":
      load(message.source, message.clock);
      break;
    case "run":
      session?.run(message.delayMs);
      break;
    case "pause":
      session?.pause();
      break;
    case "step":
      session?.step(message.unit);
      break;
    case "speed":
      if (session) session.delayMs = message.delayMs;
      break;
  }
};

post({ type: "ready" });
