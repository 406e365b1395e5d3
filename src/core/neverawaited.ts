/**
 * Python's `RuntimeWarning: coroutine 'sleep' was never awaited`, in debug mode.
 *
 * A generator object is made by the engine, with no hook the library could watch, so a
 * user's `f()` without `yield*` cannot be seen at run time (the ESLint rule
 * `asyncio-ts/no-floating-coroutine` sees it in the source). The library's own
 * hand-written coroutine objects can be watched: in debug mode each one remembers where
 * it was created, and one never started is reported when it is collected or when its
 * loop closes, whichever comes first. Outside debug mode nothing is recorded.
 */
import { _coroutineFrames } from "./awaitchain";
import type { EventLoop } from "./events";
import { captureStack } from "./stacks";

interface Unstarted {
  name: string;
  /** Where the coroutine was made: a captured, unformatted stack. */
  created: { stack?: string };
}

const unstarted = new WeakMap<object, Unstarted>();

const atCollection: FinalizationRegistry<Unstarted> | null =
  typeof FinalizationRegistry === "function" ? new FinalizationRegistry<Unstarted>((info) => warn(info)) : null;

/** @internal True once any coroutine was watched: until then `started` costs one test. */
export let watching = false;

/**
 * @internal A coroutine made in debug mode: warn if it is never started. `made` is
 * the function the user called, left out of the recorded stack with what it called
 * (a frame of the coroutine's constructor would keep the coroutine alive).
 */
export function watchUnstarted(coro: object, name: string, loop: EventLoop, made: (...args: never[]) => unknown): void {
  if (atCollection === null || typeof WeakRef !== "function") return;
  watching = true;
  const info: Unstarted = { name, created: captureStack(made) ?? {} };
  unstarted.set(coro, info);
  atCollection.register(coro, info, coro);
  (loop._unstarted ??= []).push(new WeakRef(coro));
}

/** @internal The coroutine was started (or closed): it is not reported. */
export function started(coro: object): void {
  if (unstarted.delete(coro)) atCollection!.unregister(coro);
}

/** @internal The loop closes: its watched coroutines that never started are reported now. */
export function reportUnstarted(loop: EventLoop): void {
  const refs = loop._unstarted;
  if (refs === null) return;
  loop._unstarted = null;
  for (const ref of refs) {
    const coro = ref.deref();
    const info = coro === undefined ? undefined : unstarted.get(coro);
    if (info === undefined) continue;
    started(coro!);
    warn(info);
  }
}

function warn(info: Unstarted): void {
  const frames = _coroutineFrames(info.created.stack ?? "");
  const where = frames.length > 0 ? `\nCoroutine created at (most recent call first)\n${frames.join("\n")}` : "";
  console.warn(`RuntimeWarning: coroutine '${info.name}' was never awaited${where}`);
}
