/**
 * Stack traces captured without being formatted: V8 (Node, Chromium, Deno) and Bun's
 * `Error.captureStackTrace` records the frames at once and formats `stack` only when it
 * is first read, which is where the cost is (a source-map lookup per frame under `tsx`).
 * What the library records of where things happened (await chains, debug-mode sites,
 * call graphs, timelines) is captured this way. Firefox and Safari have no such call:
 * there nothing is captured.
 */

/** A captured stack; `stack` is formatted on its first read. */
export interface CapturedStack {
  stack?: string;
}

type CaptureStackTrace = (target: object, constructorOpt?: object) => void;
const captureStackTrace: CaptureStackTrace | undefined = (Error as { captureStackTrace?: CaptureStackTrace }).captureStackTrace;

/** @internal True where stacks can be captured. */
export const canCaptureStacks: boolean = captureStackTrace !== undefined;

/**
 * @internal The current stack, at most `frames` frames (the host's default when
 * undefined), without `below`'s frame and those above it; null where the host cannot
 * capture one.
 */
export function captureStack(below?: object, frames?: number): CapturedStack | null {
  if (captureStackTrace === undefined) return null;
  const site: CapturedStack = {};
  if (frames === undefined) {
    captureStackTrace(site, below);
    return site;
  }
  const limit = Error.stackTraceLimit;
  Error.stackTraceLimit = frames;
  try {
    captureStackTrace(site, below);
  } finally {
    Error.stackTraceLimit = limit;
  }
  return site;
}

/**
 * @internal `make()` with V8's stack capture off, unless `debug`: for the CancelledErrors
 * and TimeoutErrors the loop makes. Capturing a stack costs microseconds, a third of what
 * an expiring `timeout()` scope costs, and most programs catch these errors unread; a
 * CancelledError's frames would all be the loop's own (the task step that throws it in).
 * Where the program was shows in the await chain, added when the error reaches the user,
 * with a line saying how to get the frames. Debug mode keeps the stacks, starting at the
 * caller as if it had made the error itself.
 */
export function withoutStack<T>(debug: boolean, make: () => T): T {
  if (debug) {
    const made = make();
    // Without this, the stack would start with `make` and this function.
    if (captureStackTrace !== undefined && made instanceof Error) captureStackTrace(made, withoutStack);
    return made;
  }
  const limit = Error.stackTraceLimit;
  Error.stackTraceLimit = 0;
  try {
    return make();
  } finally {
    Error.stackTraceLimit = limit;
  }
}

/**
 * @internal A stack line of an `asyncWith` scope, an iterator object rather than a
 * generator (asyncwith.ts): `at AsyncWith._advance (file:line:col)`. It stands for the
 * scope as a generator's frame stands for a coroutine, so readers of stacks (await
 * chains, call graphs, timelines) show it as `asyncWith`. A bundler may rename the
 * class (`_AsyncWith`, `AsyncWith2`).
 */
export const _ASYNC_WITH_FRAME = /^(\s*at )_?AsyncWith\d*\._advance \(/;
/** @internal The `next`, `throw` or `return` line that called it, which adds nothing. */
export const _ASYNC_WITH_ENTRY_FRAME = /^\s*at _?AsyncWith\d*\.(?:next|throw|return) \(/;

/**
 * @internal V8's stack line for resuming a generator, `at f.next (<anonymous>)`: the frame
 * above it is a coroutine's, and between `yield*` levels it adds nothing.
 */
export const _GENERATOR_RESUME_FRAME = /^\s+at (?:\S+\.)?(?:next|throw|return) \(<anonymous>\)$/;
/** @internal A task's step: below it are only the loop, its driver and an eager task's creator. */
export const _TASK_STEP_FRAME = /^\s+at (?:\S+\.)?(?:_runStep|_eagerStart) /;
