/**
 * Debug mode's watchdog: a slow callback or task step is reported with where it was
 * stuck, the function and line, and the functions that called it (asyncio's `Executing
 * <Task …> took 1.002 seconds` names only the task; Python's debug mode has no more to
 * say, but a reader wants the line of the blocking call).
 *
 * JavaScript cannot look at its own stack while it is blocked, and a step that never
 * suspends tells nothing by its generator's position afterwards. So, while a loop runs
 * in debug mode on Node's main thread, a worker thread watches it: the loop publishes
 * "item N started at time T" in shared memory (a few `Atomics.store`s per item); the
 * worker polls, and when item N has run longer than `slowCallbackDuration` it pauses the
 * main thread through the inspector (`Session.connectToMainThread`), copies the call
 * frames into shared memory while the thread stands still, and resumes it. V8 takes the
 * pause inside a busy loop and inside `Atomics.wait` (Python's `time.sleep`) alike; a
 * thread blocked in native code (a synchronous `fs` call) is paused when it is back in
 * JavaScript, and the frames are then kept only if the same item is still running.
 * The frames are mapped to the sources through the source maps V8 saw (tsx's, esbuild's,
 * vitest's inline maps; Node's own `findSourceMap` otherwise), so the report names the
 * .ts file and line, as a stack trace would.
 *
 * It costs nothing outside debug mode: no worker, no store. The worker is unref'd, so it
 * never keeps the process alive; it watches only while a loop runs in debug mode, and
 * ends half a second after the last such run (so back-to-back runs share it). Only
 * Node's main thread is watched (the inspector pauses no other); Bun, Deno and browsers
 * keep the plain report. The first report of a process also carries the time V8 takes to
 * start its debugger there (a few ms in a small program, tens in a large one).
 */
// A namespace import: a host without findSourceMap (Bun, Deno) still loads this module.
import * as nodeModule from "node:module";
import { relative, sep } from "node:path";
import { fileURLToPath } from "node:url";
import { Worker, isMainThread } from "node:worker_threads";
import { type EventLoop, type SlowWatch, _addLoopHooks } from "../core/events";

// The shared control words.
/** The item running now: a number that changes with every item, 0 between items. */
const ITEM = 0;
/** When it started: the main thread's `performance.now()`, in whole milliseconds. */
const STARTED = 1;
/** How long it may run, in milliseconds. */
const THRESHOLD = 2;
/** The item whose frames the text buffer holds. */
const CAUGHT = 3;
/** The length in bytes of those frames' text. */
const LENGTH = 4;
const CONTROL_WORDS = 5;
/** Room for the frames' text: one line per frame; the innermost frames are kept. */
const TEXT_BYTES = 16 * 1024;

/** The loop's own frames that run a user's code: the culprit's frames stop below them. */
const LOOP_FRAMES = new Set(["_runStep", "_step", "_run", "_invokeCallback", "_callSafely", "_runObserved"]);

/** The watching thread's program (plain JavaScript: it is not compiled with this file). */
const WATCHDOG_PROGRAM = `
import { workerData } from "node:worker_threads";
import { Session } from "node:inspector";
import { SourceMap } from "node:module";
import { readFileSync } from "node:fs";
import { fileURLToPath, pathToFileURL } from "node:url";

const control = new Int32Array(workerData.control);
const text = new Uint8Array(workerData.text);
const origin = workerData.origin;
const encoder = new TextEncoder();
const session = new Session();
session.connectToMainThread();
/** The scripts by id (a call frame names its script by id): their URLs and source maps. */
const scripts = new Map();
session.on("Debugger.scriptParsed", ({ params }) => {
  scripts.set(params.scriptId, { url: params.url, sourceMapURL: params.sourceMapURL, map: undefined });
});
let enabled = false;
let tried = 0;
let wanted = 0;

// The main thread stands still while this runs: if the item is still the one that ran
// too long, these are its frames.
session.on("Debugger.paused", ({ params }) => {
  try {
    if (wanted !== 0 && Atomics.load(control, ${ITEM}) === wanted) copy(params.callFrames);
  } finally {
    wanted = 0;
    session.post("Debugger.resume");
  }
});

function copy(callFrames) {
  let length = 0;
  for (const frame of callFrames) {
    const { scriptId, lineNumber, columnNumber } = frame.location;
    let url = frame.url || scripts.get(scriptId)?.url || "";
    let line = lineNumber;
    let column = columnNumber;
    let mapped = 0;
    const entry = sourceMap(scriptId)?.findEntry(lineNumber, columnNumber);
    if (entry?.originalSource !== undefined) {
      url = entry.originalSource;
      line = entry.originalLine;
      column = entry.originalColumn;
      mapped = 1;
    }
    const fields = [frame.functionName, url, line, column, mapped];
    const bytes = encoder.encode(fields.join("\\t") + "\\n");
    if (length + bytes.length > text.length) break;
    text.set(bytes, length);
    length += bytes.length;
  }
  Atomics.store(control, ${LENGTH}, length);
  Atomics.store(control, ${CAUGHT}, wanted);
}

/**
 * The script's source map, from the sourceMappingURL V8 saw (inline, as tsx, esbuild and
 * vitest write them, or a file): it maps even where Node's own source maps are off.
 * Parsed once per script, while the main thread is paused the first time.
 */
function sourceMap(scriptId) {
  const script = scripts.get(scriptId);
  if (script === undefined || !script.sourceMapURL) return null;
  if (script.map === undefined) {
    script.map = null;
    try {
      const base = /^[a-z][a-z0-9+.-]+:/i.test(script.url) ? script.url : pathToFileURL(script.url).href;
      const url = new URL(script.sourceMapURL, base);
      let json;
      if (url.protocol === "data:") {
        const comma = url.href.indexOf(",");
        const data = url.href.slice(comma + 1);
        json = /;base64$/.test(url.href.slice(0, comma)) ? Buffer.from(data, "base64").toString() : decodeURIComponent(data);
      } else if (url.protocol === "file:") {
        json = readFileSync(url, "utf8");
      } else {
        return null;
      }
      const payload = JSON.parse(json);
      // Sources as absolute URLs, as Node's own findSourceMap gives them.
      const root = new URL(payload.sourceRoot || "", url.protocol === "data:" ? base : url);
      payload.sources = payload.sources.map((source) => new URL(source, root).href);
      payload.sourceRoot = "";
      script.map = new SourceMap(payload);
    } catch {
      // No usable map: the frame keeps its generated position.
    }
  }
  return script.map;
}

/** The main thread's performance.now(), as the control words hold it (32 bits). */
function now() {
  return (performance.timeOrigin + performance.now() - origin) | 0;
}

function watch() {
  const threshold = Atomics.load(control, ${THRESHOLD});
  const item = Atomics.load(control, ${ITEM});
  if (item !== 0 && item !== tried && wanted === 0) {
    const started = Atomics.load(control, ${STARTED});
    if (Atomics.load(control, ${ITEM}) === item && ((now() - started) | 0) >= threshold) {
      tried = item;
      wanted = item;
      if (!enabled) session.post("Debugger.enable");
      enabled = true;
      session.post("Debugger.pause");
    }
  }
  // Four looks per threshold: a slow item is seen by a quarter past it.
  setTimeout(watch, Math.min(250, Math.max(2, threshold / 4)));
}
watch();
`;

const WATCHDOG_SOURCE = new URL(`data:text/javascript,${encodeURIComponent(WATCHDOG_PROGRAM)}`);

/** One loop's run watched by one worker thread. */
class Watchdog implements SlowWatch {
  private readonly _control: Int32Array;
  private readonly _text: Uint8Array;
  private readonly _worker: Worker;
  private _item = 0;

  constructor() {
    const control = new SharedArrayBuffer(CONTROL_WORDS * 4);
    const text = new SharedArrayBuffer(TEXT_BYTES);
    this._control = new Int32Array(control);
    this._text = new Uint8Array(text);
    this._worker = new Worker(WATCHDOG_SOURCE, { name: "asyncio-ts watchdog", workerData: { control, text, origin: performance.timeOrigin } });
    // It never keeps the process alive, and a failure to start only costs the detail.
    this._worker.unref();
    this._worker.on("error", noop);
  }

  begin(start: number, threshold: number): void {
    const control = this._control;
    Atomics.store(control, STARTED, start);
    const ms = threshold * 1000;
    Atomics.store(control, THRESHOLD, ms < 0x7fffffff ? Math.ceil(ms) : 0x7fffffff);
    // Stored last, so the worker never pairs this item with the last one's start.
    this._item = (this._item + 1) | 0 || 1;
    Atomics.store(control, ITEM, this._item);
  }

  end(): string | null {
    const control = this._control;
    this.idle();
    if (Atomics.load(control, CAUGHT) !== this._item) return null;
    const text = new TextDecoder().decode(this._text.slice(0, Atomics.load(control, LENGTH)));
    return culprit(text);
  }

  /** Nothing of the loop runs now. */
  idle(): void {
    Atomics.store(this._control, ITEM, 0);
  }

  stop(): void {
    void this._worker.terminate();
  }
}

interface Frame {
  name: string;
  url: string;
  line: number;
  column: number;
  /** Already in the source (the watchdog found the script's source map). */
  mapped: boolean;
}

/**
 * The frames above the loop's own, as the report names them: `timeSleep
 * (examples/demo.ts:36:29), called from customSleepBlocking (examples/demo.ts:56:3), …`;
 * null if there are none.
 */
function culprit(text: string): string | null {
  const frames: Frame[] = [];
  for (const line of text.split("\n")) {
    if (line === "") continue;
    const [name, url, lineNumber, columnNumber, mapped] = line.split("\t");
    frames.push({ name: name!, url: url!, line: Number(lineNumber), column: Number(columnNumber), mapped: mapped === "1" });
  }
  // The loop runs the item from _runObserved; the user's code begins above the loop's
  // frames that sit directly on it (a task's _runStep, a handle's _run).
  let end = frames.findIndex((frame) => frame.name === "_runObserved");
  if (end < 0) end = frames.length;
  while (end > 0 && LOOP_FRAMES.has(frames[end - 1]!.name)) end--;
  // Of Node's own frames at the top, only the one the user's code called.
  let begin = 0;
  while (begin + 1 < end && isInternal(frames[begin]!) && isInternal(frames[begin + 1]!)) begin++;
  const named = frames.slice(begin, end).map(describeFrame);
  if (named.length === 0) return null;
  return named.length === 1 ? named[0]! : `${named[0]}, called from ${named.slice(1).join(", ")}`;
}

function isInternal(frame: Frame): boolean {
  return frame.url.startsWith("node:");
}

/** `name (file:line:column)`, the way a stack trace shows it, in the source when mapped. */
function describeFrame(frame: Frame): string {
  let file = frame.url;
  let line = frame.line;
  let column = frame.column;
  const map = frame.mapped || file === "" || isInternal(frame) ? undefined : nodeModule.findSourceMap?.(file);
  const entry = map?.findEntry(line, column) as { originalSource?: string; originalLine?: number; originalColumn?: number } | undefined;
  if (entry?.originalSource !== undefined) {
    file = entry.originalSource;
    line = entry.originalLine!;
    column = entry.originalColumn!;
  }
  return `${frame.name || "<anonymous>"} (${showFile(file)}:${line + 1}:${column + 1})`;
}

/** A file URL as a path, relative to the working directory when it is inside it. */
function showFile(file: string): string {
  if (!file.startsWith("file:")) return file;
  const path = fileURLToPath(file);
  const shown = relative(process.cwd(), path);
  return shown.startsWith(`..${sep}`) || shown === ".." ? path : shown;
}

function noop(): void {}

/** Node's main thread only: the inspector pauses no other thread; Bun and Deno have no such inspector. */
const supported =
  isMainThread &&
  (globalThis as { Bun?: unknown }).Bun === undefined &&
  (globalThis as { Deno?: unknown }).Deno === undefined;

/**
 * The one watchdog of the process (one loop at most runs on the main thread at a time).
 * It outlives a run by a moment, so that back-to-back runs (a test suite in debug mode)
 * share one thread instead of starting one each, which costs about 10 ms a run.
 */
let watchdog: Watchdog | null = null;
let retirement: ReturnType<typeof setTimeout> | null = null;
const RETIRE_AFTER_MS = 500;

function watch(loop: EventLoop): void {
  if (!loop._debug || loop._slowWatch !== null) return;
  if (retirement !== null) {
    clearTimeout(retirement);
    retirement = null;
  }
  watchdog ??= new Watchdog();
  loop._slowWatch = watchdog;
}

function unwatch(loop: EventLoop): void {
  if (watchdog === null || loop._slowWatch !== watchdog) return;
  loop._slowWatch = null;
  // An item that threw out of the loop never ended: nothing runs now.
  watchdog.idle();
  if (retirement === null) {
    retirement = setTimeout(retire, RETIRE_AFTER_MS);
    retirement.unref();
  }
}

function retire(): void {
  retirement = null;
  watchdog?.stop();
  watchdog = null;
}

if (supported) _addLoopHooks({ runStarted: watch, runEnded: unwatch, closed: unwatch });
