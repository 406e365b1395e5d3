/**
 * Where each task was created and where its coroutine is suspended, in debug mode:
 * what CPython reads from a task's `_source_traceback` and its coroutine's frames.
 *
 * A suspended generator cannot be asked where it is, and its function cannot be found
 * from the generator object. But when a coroutine awaits a pending future, the future's
 * iterator (or one of the library's hand-written coroutines: sleep, lock and queue
 * operations) runs inside every generator frame of the task's `yield*` chain: a stack
 * captured there (not formatted) is the chain, innermost first. In debug mode only;
 * outside it nothing is recorded and the loop tests one flag per suspension.
 */
import { _coroutineFrames } from "./awaitchain";
import type { EventLoop } from "./events";
import { type CapturedStack, captureStack } from "./stacks";
import type { Task } from "./tasks";

type Site = CapturedStack;
/** Two frames per `yield*` level, and the loop's frames below the chain. */
const SITE_FRAMES = 40;

const suspendedAt = new WeakMap<Task<unknown>, Site>();
const createdAt = new WeakMap<Task<unknown>, Site>();

/**
 * @internal Debug mode: the running task's coroutine is suspending inside `below` (an
 * iterator's `next`, left out of the record).
 */
export function recordSuspension(loop: EventLoop, below: object): void {
  const task = loop._currentTask;
  const site = task === null ? null : captureStack(below, SITE_FRAMES);
  if (site !== null) suspendedAt.set(task!, site);
}

const lastStepAt = new WeakMap<Task<unknown>, number>();

/**
 * @internal Debug mode: `task` starts a step at loop time `now`. What was recorded of
 * its last wait is dropped: a bare `yield` would record nothing new in its place.
 */
export function stepStarts(task: Task<unknown>, now: number): void {
  suspendedAt.delete(task);
  lastStepAt.set(task, now);
}

/** @internal Debug mode: the loop time `task`'s last step started at, or null. */
export function lastStep(task: Task<unknown>): number | null {
  return lastStepAt.get(task) ?? null;
}

/** @internal Debug mode: `task` is being created; `below` is its constructor. */
export function recordCreation(task: Task<unknown>, below: object): void {
  const site = captureStack(below, SITE_FRAMES);
  if (site !== null) createdAt.set(task, site);
}

/**
 * @internal The coroutine chain `task` is suspended in, innermost first, as frame
 * lines without their `at` (`customSleep (demo.ts:12:5)`), or null when unknown (not
 * debug mode, not started, or suspended by a bare `yield`).
 */
export function suspensionChain(task: Task<unknown>): string[] | null {
  const site = suspendedAt.get(task);
  if (site === undefined) return null;
  const frames = _coroutineFrames(site.stack ?? "").map((line) => line.trim().replace(/^at /, ""));
  return frames.length > 0 ? frames : null;
}

/** @internal Where `task` was created (`main (demo.ts:30:7)`), the first frame outside the library, or null. */
export function creationPlace(task: Task<unknown>): string | null {
  const site = createdAt.get(task);
  if (site === undefined) return null;
  for (const line of (site.stack ?? "").split("\n")) {
    const frame = /^\s+at (.*)$/.exec(line)?.[1];
    if (frame !== undefined && !isLibraryFrame(frame)) return frame;
  }
  return null;
}

/** `factorial (demo.ts:12:5)` → `factorial() running at demo.ts:12:5`, as CPython's `coro=<…>` reads. */
export function describeCoroutine(frame: string): string {
  const match = /^(?:async )?(\S+) \((.*)\)$/.exec(frame);
  // V8 names a module's exported function `Module.f` when called through the namespace.
  return match === null ? `<coroutine> running at ${frame}` : `${match[1]!.replace(/^Module\./, "")}() running at ${match[2]}`;
}

/** The place of a frame, without its function: `demo.ts:30:7`. */
export function placeOf(frame: string): string {
  return /\((.*)\)$/.exec(frame)?.[1] ?? frame;
}

// The library's own frames (createTask, ensureFuture, gather, the Task constructor…)
// stand above the user's call; they live in the same folder as this module, whether it
// runs from src/core/*.ts or from the bundled dist/index.js.
let libraryDir: string | null | undefined;

function isLibraryFrame(frame: string): boolean {
  if (libraryDir === undefined) libraryDir = findLibraryDir();
  if (frame.startsWith("new Task ") || frame.startsWith("Task.")) return true;
  return libraryDir !== null && placeOf(frame).startsWith(libraryDir);
}

function findLibraryDir(): string | null {
  const here = captureStack()?.stack ?? "";
  const place = /\((.*?):\d+:\d+\)/.exec(here)?.[1] ?? /at (\S+?):\d+:\d+/.exec(here)?.[1];
  if (place === undefined) return null;
  const slash = place.lastIndexOf("/");
  const dir = place.slice(0, slash + 1);
  // src/core/ and src/node/ are both the library's: take their parent when running from src.
  return dir.endsWith("/core/") ? dir.slice(0, -"core/".length) : dir;
}
