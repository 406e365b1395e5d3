/**
 * Call graph introspection, as CPython 3.14's `asyncio.graph` module: for a task or
 * future, the coroutine frames it runs or is suspended in (`callStack`, innermost first)
 * and, recursively, the tasks and futures that await it (`awaitedBy`), as data
 * (`captureCallGraph`) or as 3.14's text (`formatCallGraph`, `printCallGraph`).
 *
 * Python records "awaited by" on every future as the program runs (a task's step, gather,
 * shield, TaskGroup and staggered_race call `future_add_to_awaited_by`). Here most of it
 * is derived at capture time from what the loop already holds, so the loop pays nothing:
 * a task's `_futWaiter` (it awaits that future), a gather's children (awaited by the task
 * awaiting the gather, which in 3.14 is the task that called `gather`), a TaskGroup's done
 * callback (its parent task awaits the child), the task that shielded a future (one
 * WeakMap entry a `shield` call). `futureAddToAwaitedBy` adds the rest.
 */
import { _getRunningLoop, type EventLoop } from "../core/events";
import { Future } from "../core/futures";
import { describe } from "../core/repr";
import { suspensionChain } from "../core/sites";
import { _ASYNC_WITH_ENTRY_FRAME, _ASYNC_WITH_FRAME, captureStack } from "../core/stacks";
import { Task } from "../core/tasks";
import { RuntimeError } from "../core/exceptions";
import { Awaiters, register, unregister } from "./awaiters";

/**
 * One frame of a call stack: JavaScript has no frame objects to hand out, so this is a
 * plain description of what Python's `FrameCallGraphEntry.frame` points at.
 *
 * @example
 * const frame: asyncio.CallGraphFrame = { functionName: "main", fileName: "app.ts", lineNumber: 3, columnNumber: 5, coroutine: true };
 * console.assert(frame.coroutine);
 */
export interface CallGraphFrame {
  /** The function's name as V8 gives it (`worker`, `TaskGroup.aexit`), `<anonymous>` if none. */
  readonly functionName: string;
  /** The file (a path or URL) as the stack trace gives it. */
  readonly fileName: string;
  /** 1-based line; 0 when the engine gives none (native code). */
  readonly lineNumber: number;
  /** 1-based column; 0 when the engine gives none. */
  readonly columnNumber: number;
  /** True for a coroutine's frame (a `function*`), false for a plain function's (Python's `f_generator is not None`). */
  readonly coroutine: boolean;
}

/**
 * One entry of a call stack (Python 3.14's `asyncio.FrameCallGraphEntry`).
 *
 * @example
 * function* main() {
 *   const graph = asyncio.captureCallGraph()!;
 *   return graph.callStack[0]!.frame.functionName;
 * }
 * console.assert(asyncio.runSync(main()) === "main");
 */
export interface FrameCallGraphEntry {
  /** The frame, described. */
  readonly frame: CallGraphFrame;
}

/**
 * The call graph of a future or task (Python 3.14's `asyncio.FutureCallGraph`): its call
 * stack, innermost frame first, and the graphs of the futures and tasks awaiting it.
 *
 * @example
 * function* child() {
 *   return asyncio.captureCallGraph()!;
 * }
 * function* main() {
 *   return yield* asyncio.createTask(child(), { name: "child" });
 * }
 * const graph = asyncio.runSync(main());
 * console.assert((graph.future as asyncio.Task).getName() === "child");
 * console.assert(graph.awaitedBy.length === 1 && graph.awaitedBy[0]!.future instanceof asyncio.Task);
 */
export interface FutureCallGraph {
  /** The future or task. */
  readonly future: Future<unknown>;
  /** Its coroutine frames, innermost first; empty for a plain future (and see `captureCallGraph`). */
  readonly callStack: readonly FrameCallGraphEntry[];
  /** The graphs of what awaits it. */
  readonly awaitedBy: readonly FutureCallGraph[];
}

/**
 * Options of `captureCallGraph` and `formatCallGraph` (Python's keyword-only `depth` and
 * `limit`).
 *
 * @example
 * const options: asyncio.CallGraphOptions = { depth: 1, limit: -2 };
 * console.assert(options.limit === -2);
 */
export interface CallGraphOptions {
  /**
   * For the current task: how many frames to skip from the top of the stack; 1 (the
   * default) starts at the caller. 0 counts as 1: the library's own frame is never shown.
   */
  depth?: number;
  /**
   * Each call stack keeps at most `Math.abs(limit)` frames: a positive limit keeps those
   * closest to the invocation point (the outermost), a negative one the topmost
   * (innermost); 0 keeps none. `null`/`undefined`: all.
   */
  limit?: number | null;
}

/**
 * Options of `printCallGraph`: those of `formatCallGraph` and where to write.
 *
 * @example
 * const lines: string[] = [];
 * const options: asyncio.PrintCallGraphOptions = { file: (text) => lines.push(text) };
 * options.file!("x");
 * console.assert(lines.length === 1);
 */
export interface PrintCallGraphOptions extends CallGraphOptions {
  /** Takes the text (Python's `file`); `console.log` by default. */
  file?: (text: string) => void;
}

// --- futureAddToAwaitedBy / futureDiscardFromAwaitedBy --------------------------------

/**
 * Records that `future` is awaited by `waiter` (Python 3.14's
 * `asyncio.future_add_to_awaited_by`), for a structure that connects them through a
 * future of its own or done callbacks, which the call graph cannot see. Follow it with
 * `futureDiscardFromAwaitedBy` with the same arguments once the wait is over. As in
 * Python, unless both are Futures (or Tasks) the call has no effect.
 *
 * @example
 * function* main() {
 *   const inner = asyncio.getRunningLoop().createFuture();
 *   const outer = asyncio.getRunningLoop().createFuture();
 *   asyncio.futureAddToAwaitedBy(inner, outer);
 *   const before = asyncio.captureCallGraph(inner)!.awaitedBy.map((g) => g.future);
 *   asyncio.futureDiscardFromAwaitedBy(inner, outer);
 *   const after = asyncio.captureCallGraph(inner)!.awaitedBy.length;
 *   return before[0] === outer && after === 0;
 * }
 * console.assert(asyncio.runSync(main()));
 *
 * @throws nothing: arguments that are not Futures are ignored, as in Python.
 */
export function futureAddToAwaitedBy(future: Future<unknown>, waiter: Future<unknown>): void {
  if (!(future instanceof Future) || !(waiter instanceof Future)) return;
  register(future, waiter);
}

/**
 * Records that `future` is no longer awaited by `waiter` (Python 3.14's
 * `asyncio.future_discard_from_awaited_by`). As in Python, unless both are Futures (or
 * Tasks) the call has no effect; discarding what was never added is no error.
 *
 * @example
 * function* main() {
 *   const future = asyncio.getRunningLoop().createFuture();
 *   const task = asyncio.currentTask()!;
 *   asyncio.futureAddToAwaitedBy(future, task);
 *   asyncio.futureDiscardFromAwaitedBy(future, task);
 *   asyncio.futureDiscardFromAwaitedBy(future, task);
 *   return asyncio.captureCallGraph(future)!.awaitedBy.length;
 * }
 * console.assert(asyncio.runSync(main()) === 0);
 *
 * @throws nothing: arguments that are not Futures are ignored, as in Python.
 */
export function futureDiscardFromAwaitedBy(future: Future<unknown>, waiter: Future<unknown>): void {
  if (!(future instanceof Future) || !(waiter instanceof Future)) return;
  unregister(future, waiter);
}

// --- captureCallGraph -------------------------------------------------------------------

/**
 * The call graph of `future`, or of the current task when none is given (Python 3.14's
 * `asyncio.capture_call_graph`).
 *
 * The current task's call stack is read from the JavaScript stack now: the frames from
 * the caller (see `depth`) down to the coroutine the task runs, plain functions between
 * them included, as Python walks its frames. For any other task, JavaScript cannot ask a
 * suspended generator where it is: its call stack is the coroutine chain recorded where
 * it last suspended, in debug mode (`loop.setDebug(true)`, `{ debug: true }`), and empty
 * otherwise. A plain future has no call stack.
 *
 * `awaitedBy` holds what awaits it, recursively: a task awaiting it with `yield*`; for a
 * child of a `gather`, the task awaiting the gather (3.14 records the task that called
 * `gather`, in practice the same); for a TaskGroup's task, the group's parent task; and
 * whatever `futureAddToAwaitedBy` recorded. `waitFor` and `asCompleted` need nothing more,
 * as in 3.14 (the task awaits the future or the getter itself); `shield`'s inner future is
 * awaited by the task that called `shield`, as 3.14 records it. Tasks awaiting
 * each other in a cycle appear once more, with nothing under them, where the cycle closes.
 *
 * @example
 * function* child() {
 *   yield* asyncio.sleep(1);
 * }
 * function* main() {
 *   const task = asyncio.createTask(child(), { name: "child" });
 *   yield* asyncio.sleep(0);
 *   const graph = asyncio.captureCallGraph(task)!;
 *   yield* task;
 *   return graph.awaitedBy.length; // nobody awaits it yet at the capture
 * }
 * console.assert(asyncio.runSync(main(), { clock: new asyncio.VirtualClock() }) === 0);
 *
 * @returns the graph, or undefined when no future is given and no task is running.
 * @throws RuntimeError when no future is given and no loop is running; TypeError when
 * `future` is not a Future or Task, or `depth`/`limit` is not an integer.
 */
export function captureCallGraph(future?: Future<unknown> | null, options: CallGraphOptions = {}): FutureCallGraph | undefined {
  return capture(future, options, captureCallGraph);
}

/** `below`: the public function the user called; it and the frames above it are not shown. */
function capture(future: Future<unknown> | null | undefined, options: CallGraphOptions, below: object): FutureCallGraph | undefined {
  const { depth = 1, limit = null } = options;
  if (typeof depth !== "number" || !Number.isInteger(depth)) throw new TypeError(`depth must be an integer, got ${describe(depth)}`);
  if (limit !== null && (typeof limit !== "number" || !Number.isInteger(limit))) {
    throw new TypeError(`limit must be an integer, null or undefined, got ${describe(limit)}`);
  }
  const loop = _getRunningLoop();
  if (future !== undefined && future !== null) {
    if (!(future instanceof Future)) throw new TypeError(`${describe(future)} does not appear to be compatible with asyncio.Future`);
    if (loop === null || future !== loop._currentTask) return new Capture(limit).graph(future, new Set());
  } else {
    if (loop === null) {
      throw new RuntimeError("captureCallGraph() is called outside of a running event loop and no future to introspect was provided");
    }
    if (loop._currentTask === null) return undefined;
    future = loop._currentTask;
  }
  const own = limit === 0 ? [] : liveStack(below, Math.max(depth, 1) - 1);
  return new Capture(limit).graph(future, new Set(), own);
}

/** One capture: the waiters of each loop are indexed once, on first need. */
class Capture {
  private readonly _awaiters = new Map<EventLoop, Awaiters>();

  constructor(private readonly _limit: number | null) {}

  graph(future: Future<unknown>, path: Set<Future<unknown>>, stack?: FrameCallGraphEntry[]): FutureCallGraph {
    const callStack = truncate(stack ?? suspendedStack(future), this._limit);
    if (path.has(future)) return { future, callStack, awaitedBy: [] };
    path.add(future);
    const awaitedBy = this._waiters(future).map((waiter) => this.graph(waiter, path));
    path.delete(future);
    return { future, callStack, awaitedBy };
  }

  private _waiters(future: Future<unknown>): Future<unknown>[] {
    let awaiters = this._awaiters.get(future._loop);
    if (awaiters === undefined) this._awaiters.set(future._loop, (awaiters = new Awaiters(future._loop)));
    return awaiters.of(future);
  }
}

/** Python's rule: a positive limit keeps the outermost entries, a negative one the innermost. */
function truncate(stack: FrameCallGraphEntry[], limit: number | null): FrameCallGraphEntry[] {
  if (limit === null) return stack;
  if (limit === 0) return [];
  return limit > 0 ? stack.slice(-limit) : stack.slice(0, -limit);
}

// --- reading stacks ---------------------------------------------------------------------

/** Enough for deep `yield*` chains: each level is two frames (the coroutine and its `.next`). */
const STACK_FRAMES = 200;
/** The task's step: below it are only the loop and its driver. */
const TASK_STEP = /^(?:\S+\.)?(?:_runStep|_eagerStart)$/;
/** V8's frame for resuming a generator: `at worker.next (<anonymous>)`. */
const GENERATOR_METHOD = /^\S+\.(?:next|throw|return)$/;

/** The current JavaScript stack from the caller of `below` (after `skip` frames) down to the running task's step. */
function liveStack(below: object, skip: number): FrameCallGraphEntry[] {
  const site = captureStack(below, STACK_FRAMES + skip);
  if (site === null) return [];
  const frames: CallGraphFrame[] = [];
  for (const line of (site.stack ?? "").split("\n")) {
    const parsed = parseFrame(line);
    if (parsed === null) continue;
    if (TASK_STEP.test(parsed.functionName)) break;
    if (GENERATOR_METHOD.test(parsed.functionName) && parsed.fileName === "<anonymous>") {
      // The frame above was resumed by this one: it is a coroutine's.
      const last = frames[frames.length - 1];
      if (last !== undefined) frames[frames.length - 1] = { ...last, coroutine: true };
      continue;
    }
    // asyncWith is an iterator object (asyncwith.ts): its _advance frame is the scope's
    // coroutine frame; the next/throw/return that called it adds nothing.
    if (_ASYNC_WITH_ENTRY_FRAME.test(line)) continue;
    if (_ASYNC_WITH_FRAME.test(line)) {
      frames.push({ ...parsed, functionName: "asyncWith", coroutine: true });
      continue;
    }
    frames.push(parsed);
  }
  return frames.slice(skip).map((frame) => ({ frame }));
}

/** Debug mode: the coroutine chain a suspended task was recorded in; else nothing. */
function suspendedStack(future: Future<unknown>): FrameCallGraphEntry[] {
  if (!(future instanceof Task)) return [];
  const chain = suspensionChain(future) ?? [];
  const entries: FrameCallGraphEntry[] = [];
  for (const text of chain) {
    const frame = parseFrame(`at ${text}`);
    // A task suspends only across coroutine frames: a plain function cannot yield.
    if (frame !== null) entries.push({ frame: { ...frame, coroutine: true } });
  }
  return entries;
}

/** `at worker (/app.ts:12:5)`, `at /app.ts:12:5`, `at Generator.next (<anonymous>)`. */
function parseFrame(line: string): CallGraphFrame | null {
  const match = /^\s*at (?:(.+?) \((.*)\)|(.*))$/.exec(line);
  if (match === null) return null;
  const name = match[1] ?? "<anonymous>";
  const place = match[2] ?? match[3]!;
  const position = /^(.*):(\d+):(\d+)$/.exec(place);
  return {
    // V8 names a module's exported function `Module.f` when called through the namespace.
    functionName: name.replace(/^Module\./, ""),
    fileName: position === null ? place : position[1]!,
    lineNumber: position === null ? 0 : Number(position[2]),
    columnNumber: position === null ? 0 : Number(position[3]),
    coroutine: false,
  };
}

// --- formatCallGraph / printCallGraph ---------------------------------------------------

const ids = new WeakMap<Future<unknown>, number>();
let nextId = 0;

/** A small number that stays the same for `future` (Python prints `id()`, an address). */
function idOf(future: Future<unknown>): number {
  let id = ids.get(future);
  if (id === undefined) ids.set(future, (id = ++nextId));
  return id;
}

/** Python's `repr` of a string: single quotes unless the text holds one and no double quote. */
function pyRepr(text: string): string {
  const quote = text.includes("'") && !text.includes('"') ? '"' : "'";
  return quote + text.replace(/\\/g, "\\\\").replace(new RegExp(quote, "g"), `\\${quote}`) + quote;
}

function render(graph: FutureCallGraph, level: number, lines: string[]): void {
  const indent = "    ".repeat(level);
  const future = graph.future;
  const id = `0x${idOf(future).toString(16)}`;
  lines.push(indent + (future instanceof Task ? `* Task(name=${pyRepr(future.getName())}, id=${id})` : `* Future(id=${id})`));
  if (graph.callStack.length > 0) {
    lines.push(`${indent}  + Call stack:`);
    for (const { frame } of graph.callStack) {
      const file = `File ${pyRepr(frame.fileName)}`;
      const where = frame.lineNumber === 0 ? file : `${file}, line ${frame.lineNumber}, column ${frame.columnNumber}`;
      lines.push(`${indent}  |   ${where}, in ${frame.coroutine ? "async " : ""}${frame.functionName}()`);
    }
  }
  if (graph.awaitedBy.length > 0) {
    lines.push(`${indent}  + Awaited by:`);
    for (const waiter of graph.awaitedBy) render(waiter, level + 1, lines);
  }
}

/**
 * The call graph of `future`, or of the current task, as text (Python 3.14's
 * `asyncio.format_call_graph`), in 3.14's layout: `* Task(name='child', id=0x2)`, then
 * `  + Call stack:` with one `  |   File '/app.ts', line 4, column 11, in async child()`
 * line per frame, innermost first, then `  + Awaited by:` and the graphs of what awaits
 * it, each indented four spaces more. Where Python prints an address as the id, this is
 * a small number given to each future the first time one is printed, the same each time
 * after; a JavaScript frame adds its column to Python's file and line. See
 * `captureCallGraph` for what the call stacks and "awaited by" hold.
 *
 * @example
 * function* child() {
 *   return asyncio.formatCallGraph();
 * }
 * function* main() {
 *   return yield* asyncio.createTask(child(), { name: "child" });
 * }
 * const text = asyncio.runSync(main());
 * console.assert(text.startsWith("* Task(name='child', id=0x"), text);
 * console.assert(/\n  \|   File '.*', line \d+, column \d+, in async child\(\)\n/.test(text), text);
 * console.assert(/\n  \+ Awaited by:\n    \* Task\(name='Task-\d+', id=0x[0-9a-f]+\)$/.test(text), text);
 *
 * @returns the text, or "" when no future is given and no task is running.
 * @throws as `captureCallGraph`.
 */
export function formatCallGraph(future?: Future<unknown> | null, options: CallGraphOptions = {}): string {
  return format(future, options, formatCallGraph);
}

function format(future: Future<unknown> | null | undefined, options: CallGraphOptions, below: object): string {
  const graph = capture(future, options, below);
  if (graph === undefined) return "";
  const lines: string[] = [];
  render(graph, 0, lines);
  return lines.join("\n");
}

/**
 * Prints the call graph of `future`, or of the current task (Python 3.14's
 * `asyncio.print_call_graph`): the text of `formatCallGraph`, given to `options.file`
 * or to `console.log`.
 *
 * @example
 * function* test() {
 *   let text = "";
 *   asyncio.printCallGraph(undefined, { file: (out) => (text = out) });
 *   return text;
 * }
 * function* main() {
 *   return yield* asyncio.asyncWith(new asyncio.TaskGroup(), function* (tg) {
 *     return tg.createTask(test(), { name: "test" });
 *   });
 * }
 * const text = asyncio.runSync(main()).result();
 * const lines = text.split("\n");
 * console.assert(/^\* Task\(name='test', id=0x[0-9a-f]+\)$/.test(lines[0]!), text);
 * console.assert(lines[1] === "  + Call stack:" && /^  \|   File .*, in async test\(\)$/.test(lines[2]!), text);
 * console.assert(lines[3] === "  + Awaited by:" && /^    \* Task\(name='Task-\d+', id=0x[0-9a-f]+\)$/.test(lines[4]!), text);
 *
 * @throws as `captureCallGraph`.
 */
export function printCallGraph(future?: Future<unknown> | null, options: PrintCallGraphOptions = {}): void {
  const text = format(future, options, printCallGraph);
  if (options.file !== undefined) options.file(text);
  else console.log(text);
}
