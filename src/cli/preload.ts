/**
 * The preload of `asyncio-ts trace` (`node --import cli-preload.js program`): it installs
 * a TimelineRecorder on every event loop the program makes, and when the process exits
 * writes each loop's timeline to the file the CLI named in `ASYNCIO_TS_TRACE_OUT`
 * (`out.html`, then `out-2.html`, `out-3.html`… for a program that ran several loops;
 * `.json` for Chrome trace-event JSON).
 *
 * The program loads its own copy of asyncio-ts (the ESM or CommonJS build, or the
 * sources through tsx), never this bundle's, so loops are heard through the core's
 * global `Symbol.for("asyncio-ts.newLoop")` hooks. The recorder is taken from the copy
 * that made the loop where it can be found (its labels test `instanceof Task` and the
 * like, against that copy's classes). Where it cannot be (the program runs the library's
 * sources through tsx, as this repository's examples do), this bundle's own recorder is
 * used, its classes taught to recognise the other copy's objects by their shape.
 */
import { writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { basename, extname, join, dirname } from "node:path";
import { fileURLToPath } from "node:url";
import { TimelineRecorder } from "../tools/timeline-recorder";
// After the recorder, which loads the core in the order it needs.
import { TimerHandle } from "../core/events";
import { Future } from "../core/futures";
import { Task } from "../core/tasks";
import { GatheringFuture } from "../core/waiting";

/** What the preload needs of a loop and a recorder, whichever copy they come from. */
interface AnyLoop {
  addInstrument(instrument: object): void;
}
interface AnyRecorder {
  timeline(): { tasks: unknown[]; marks: unknown[] };
  toHtml(): string;
  toTraceEvents(): unknown;
}
type RecorderClass = new () => AnyRecorder;

const NEW_LOOP = Symbol.for("asyncio-ts.newLoop");
const out = process.env.ASYNCIO_TS_TRACE_OUT;
const HOOK_NAME = "asyncioTsTraceNewLoop";
const requireHere = createRequire(import.meta.url);
/** The recorder class of each copy of the library, by its EventLoop class. */
const classes = new Map<Function, RecorderClass>();
const recorders: AnyRecorder[] = [];
let fellBack = false;
let written = false;

if (out !== undefined && out !== "") {
  const registry = globalThis as unknown as Record<symbol, unknown>;
  const hooks = Array.isArray(registry[NEW_LOOP]) ? (registry[NEW_LOOP] as unknown[]) : (registry[NEW_LOOP] = []) as unknown[];
  hooks.push(function asyncioTsTraceNewLoop(loop: AnyLoop): void {
    // The name is HOOK_NAME: constructorFile finds this frame by it.
    const recorder = new (recorderClass(loop))();
    loop.addInstrument(recorder);
    recorders.push(recorder);
  });
  process.on("exit", () => writeTimelines(out));
  // Ctrl-C or a kill ends a process without its "exit" event: write first, then die of
  // the signal as the program would have. A program that handles the signal itself keeps
  // it, and writes at its exit.
  for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"] as const) {
    process.on(signal, function onSignal(): void {
      if (process.listenerCount(signal) > 1) return;
      writeTimelines(out);
      process.off(signal, onSignal);
      process.kill(process.pid, signal);
    });
  }
}

/**
 * The TimelineRecorder of the copy of asyncio-ts that made `loop`: the module file is read
 * from the stack (the frame below this hook is that copy's EventLoop constructor) and
 * required, which gives the instance already loaded, CommonJS or (Node ≥ 20.19) ESM.
 */
function recorderClass(loop: AnyLoop): RecorderClass {
  const key = loop.constructor;
  const known = classes.get(key);
  if (known !== undefined) return known;
  let found: RecorderClass | null = null;
  const file = constructorFile();
  // Only a build is required: sources (.ts) would be loaded again, as another copy.
  if (file !== null && /\.[cm]?js$/.test(file)) {
    try {
      const module = requireHere(file) as { TimelineRecorder?: unknown; EventLoop?: unknown };
      if (typeof module.TimelineRecorder === "function" && typeof module.EventLoop === "function" && loop instanceof module.EventLoop) {
        found = module.TimelineRecorder as RecorderClass;
      }
    } catch {
      // Not loadable from here (sources run through a loader): use this bundle's recorder.
    }
  }
  if (found === null) {
    if (!fellBack) acceptForeignCopies();
    fellBack = true;
    found = TimelineRecorder as unknown as RecorderClass;
  }
  classes.set(key, found);
  return found;
}

/**
 * Makes this bundle's Future, Task, GatheringFuture and TimerHandle answer `instanceof`
 * for another copy's objects too, so that its recorder labels their waits and callbacks
 * as the program's own recorder would. Only the recorder uses this bundle's classes.
 */
function acceptForeignCopies(): void {
  const shapes: [Function, (x: Record<string, unknown>) => boolean][] = [
    [Future, (x) => typeof x.addDoneCallback === "function" && "_callbacks" in x],
    [Task, (x) => typeof x.getCoro === "function" && typeof x.getName === "function" && "_callbacks" in x],
    [GatheringFuture, (x) => Array.isArray(x._children) && "_callbacks" in x],
    [TimerHandle, (x) => typeof x.when === "function" && "_args" in x],
  ];
  const ordinary = Function.prototype[Symbol.hasInstance];
  for (const [cls, shape] of shapes) {
    Object.defineProperty(cls, Symbol.hasInstance, {
      value(this: Function, x: unknown): boolean {
        if (ordinary.call(this, x)) return true;
        // Subclasses inherit this method: they keep the ordinary test.
        return this === cls && typeof x === "object" && x !== null && shape(x as Record<string, unknown>);
      },
    });
  }
}

/**
 * The file of the frame below the hook: the constructor of the loop's EventLoop. Read
 * from V8's call sites, which name the file that runs (a build), not the one a source
 * map points to (tsx turns source maps on, and the builds map to src/).
 */
function constructorFile(): string | null {
  const limit = Error.stackTraceLimit;
  const prepare = Error.prepareStackTrace;
  Error.stackTraceLimit = 20;
  Error.prepareStackTrace = (_error, sites) => sites;
  const sites = new Error().stack as unknown as NodeJS.CallSite[];
  Error.prepareStackTrace = prepare;
  Error.stackTraceLimit = limit;
  const hook = sites.findIndex((site) => site.getFunctionName() === HOOK_NAME);
  const name = hook === -1 ? null : sites[hook + 1]?.getFileName();
  if (name === undefined || name === null) return null;
  return name.startsWith("file://") ? fileURLToPath(name) : name;
}

/** Writes each loop that ran: `out`, then `out-2`, `out-3`… with the same extension. */
function writeTimelines(path: string): void {
  if (written) return;
  written = true;
  const ran = recorders.filter((recorder) => {
    const timeline = recorder.timeline();
    return timeline.marks.length > 0 || timeline.tasks.length > 0;
  });
  if (ran.length === 0) {
    process.stderr.write("asyncio-ts trace: the program ran no event loop; no timeline written\n");
    return;
  }
  const ext = extname(path);
  const stem = join(dirname(path), basename(path, ext));
  const json = ext.toLowerCase() === ".json";
  const files: string[] = [];
  ran.forEach((recorder, i) => {
    const file = i === 0 ? path : `${stem}-${i + 1}${ext}`;
    try {
      writeFileSync(file, json ? JSON.stringify(recorder.toTraceEvents()) : recorder.toHtml());
      files.push(file);
    } catch (error) {
      process.stderr.write(`asyncio-ts trace: could not write ${file}: ${(error as Error).message}\n`);
      process.exitCode ||= 1;
    }
  });
  if (files.length > 0) {
    const what = ran.length === 1 ? "the timeline" : `the timelines of ${ran.length} event loops`;
    process.stderr.write(`asyncio-ts trace: wrote ${what} to ${files.join(", ")}\n`);
  }
}
