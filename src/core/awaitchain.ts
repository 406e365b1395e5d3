/**
 * The await chain of an error: where each task that awaited the failed one was
 * suspended, so that an error raised three tasks down shows `main` and every coroutine
 * between, as CPython's traceback does and as V8 shows `at async f` for native `async`
 * functions.
 *
 * A task's error reaches the task awaiting it through `yield* future`: the awaiting
 * coroutine is resumed with `throw`, which V8 runs through every generator frame of its
 * `yield*` chain down to the future's iterator. There, and only there, a stack trace is
 * captured (not formatted: V8 formats lazily). Nothing is captured while nothing fails,
 * nor for a cancellation. The frames are added to `error.stack` as `at async …` lines
 * only where the error reaches the user: out of `run`/`runSync`/`runUntilComplete`, or
 * through the loop's default exception handler.
 */
import { CancelledError, TimeoutError } from "./exceptions";
import { _ASYNC_WITH_ENTRY_FRAME, _ASYNC_WITH_FRAME, _GENERATOR_RESUME_FRAME, _TASK_STEP_FRAME, type CapturedStack, canCaptureStacks, captureStack } from "./stacks";

type AwaitSite = CapturedStack;

const AWAIT_SITES: unique symbol = Symbol("asyncio-ts: await sites");
const SHOWN: unique symbol = Symbol("asyncio-ts: await chain shown");

type WithSites = Error & { [AWAIT_SITES]?: AwaitSite[]; [SHOWN]?: true };

/** Enough for the chain from a failure up to `main`; a widely shared error stops growing. */
const MAX_SITES = 16;
/**
 * Frames per site: every `yield*` level is two frames (the coroutine and its `.throw`),
 * so a dozen levels of `yield*` inside one task; each frame more costs capture time.
 */
const SITE_FRAMES = 24;
/** How deep `settleAwaitChain` and `showAwaitChain` look into groups and causes. */
const MAX_DEPTH = 10;

/**
 * @internal Called by a future's iterator when `error` is thrown into the coroutine
 * awaiting it: records where that coroutine (and each coroutine delegating to it with
 * `yield*`) is suspended. `below` is the iterator's method, left out of the trace.
 */
export function recordAwaitSite(error: unknown, below: (...args: never[]) => unknown): void {
  if (!canCaptureStacks || !(error instanceof Error) || error instanceof CancelledError) return;
  let sites = (error as WithSites)[AWAIT_SITES];
  if (sites === undefined) {
    if (!Object.isExtensible(error)) return;
    sites = [];
    Object.defineProperty(error, AWAIT_SITES, { value: sites });
  }
  if (sites.length >= MAX_SITES) return;
  sites.push(captureStack(below, SITE_FRAMES)!);
}

/**
 * @internal Formats the stacks of `error` and its await sites now. V8 keeps the frames'
 * receivers (tasks among them) alive until then; an error that must outlive its task
 * (to be reported when the task is collected) is settled first.
 */
export function settleAwaitChain(error: unknown, depth = 0): void {
  if (!(error instanceof Error) || depth > MAX_DEPTH) return;
  void error.stack;
  const sites = (error as WithSites)[AWAIT_SITES];
  if (sites !== undefined) for (const site of sites) void site.stack;
  forEachInner(error, (inner) => settleAwaitChain(inner, depth + 1));
}

/**
 * @internal Adds the await chain to `error.stack`, once, where the error reaches the
 * user. The loop's own frames below the failing coroutine (the task step, the loop
 * iteration, the driver) are dropped: the chain says more, in their place.
 */
export function showAwaitChain(error: unknown, depth = 0, isCause = false): void {
  if (!(error instanceof Error) || depth > MAX_DEPTH) return;
  forEachInner(error, (inner, viaCause) => showAwaitChain(inner, depth + 1, viaCause));
  const withSites = error as WithSites;
  if (withSites[SHOWN] === true) return;
  const sites = withSites[AWAIT_SITES];
  // A cause is shown under the error it caused, which already says it.
  const mayHint = !isCause && isStackless(error);
  // Formatting a stack costs: an error with nothing to add keeps its lazy one.
  if (sites === undefined && !mayHint) return;
  const own = error.stack;
  if (typeof own !== "string") return;
  // The header (name and message), the frames, and what may follow them (a group's
  // tree of members) stay in that order; the chain goes right after the frames.
  const lines = own.split("\n");
  let framesStart = 0;
  while (framesStart < lines.length && !FRAME.test(lines[framesStart]!)) framesStart++;
  let framesEnd = framesStart;
  while (framesEnd < lines.length && FRAME.test(lines[framesEnd]!)) framesEnd++;
  const hint = mayHint && framesStart === framesEnd;
  if (sites === undefined && !hint) return;
  if (!Object.isExtensible(error)) return;
  Object.defineProperty(error, SHOWN, { value: true });
  const shown = [...lines.slice(0, framesStart), ...coroutineFrames(lines.slice(framesStart, framesEnd))];
  if (hint) shown.push(NO_STACK_HINT);
  for (const site of sites ?? []) {
    if (typeof site.stack !== "string") continue;
    for (const frame of coroutineFrames(site.stack.split("\n"))) shown.push(frame.replace(/^(\s*)at /, "$1at async "));
  }
  shown.push(...lines.slice(framesEnd));
  try {
    error.stack = shown.join("\n");
  } catch {
    // A stack that cannot be replaced is shown as it is.
  }
}

/**
 * The errors the library makes without a stack outside debug mode (see withoutStack):
 * with no frame line, a reader would not know where to look nor why there is none.
 */
function isStackless(error: Error): boolean {
  return (error instanceof CancelledError || error instanceof TimeoutError) && Error.stackTraceLimit > 0;
}

/** Where a stackless error's frames would be, as Python says how to get what it left out. */
const NO_STACK_HINT =
  "    (no stack: outside debug mode asyncio-ts captures none for cancellations and timeouts; " +
  "set ASYNCIO_TS_DEBUG=1 or pass { debug: true } to see where this one was raised)";

/** @internal The frames of a captured stack that are coroutines' (see coroutineFrames). */
export function _coroutineFrames(stack: string): string[] {
  return coroutineFrames(stack.split("\n"));
}

/**
 * The frame lines of a formatted stack down to the task step that resumed the
 * coroutine, without the generator methods V8 shows between `yield*` levels.
 */
function coroutineFrames(lines: string[]): string[] {
  const out: string[] = [];
  for (const line of lines) {
    if (!FRAME.test(line)) continue;
    if (_TASK_STEP_FRAME.test(line)) break;
    if (_GENERATOR_RESUME_FRAME.test(line) || _ASYNC_WITH_ENTRY_FRAME.test(line)) continue;
    out.push(line.replace(_ASYNC_WITH_FRAME, "$1asyncWith ("));
  }
  return out;
}

const FRAME = /^\s+at /;

function forEachInner(error: Error, visit: (inner: unknown, viaCause: boolean) => void): void {
  if (error instanceof AggregateError && Array.isArray(error.errors)) for (const inner of error.errors) visit(inner, false);
  if ("cause" in error) visit(error.cause, true);
}

/**
 * Adds the await chain to `error.stack` and returns the error: below the frames of the
 * coroutine that raised it, one `at async f (file:line:col)` line for every coroutine
 * that awaited it across tasks, where it was suspended, as V8 shows native `async`
 * functions and as Python's traceback lists the whole chain. The loop's own frames
 * between them are left out. `run`, `runSync`, `runUntilComplete` and the default
 * exception handler do this for the errors they hand out; call it on an error caught
 * inside a coroutine before logging it. Nothing is recorded for a cancellation, and
 * nothing at all while nothing fails. Calling it twice changes nothing.
 *
 * @example
 * function* inner() {
 *   yield* asyncio.sleep(0);
 *   throw new RangeError("deep");
 * }
 * function* main() {
 *   try {
 *     yield* asyncio.createTask(inner());
 *   } catch (error) {
 *     return asyncio.withAwaitChain(error as Error).stack!;
 *   }
 * }
 * console.assert(/at async main /.test(asyncio.runSync(main())!));
 */
export function withAwaitChain<E>(error: E): E {
  showAwaitChain(error);
  return error;
}
