/**
 * asyncio-ts objects consumed by native code (`for await` over an async generator or a
 * Queue): each step runs as a task of the object's loop, and native code awaits a
 * promise of its outcome.
 */
import type { Coroutine } from "./coroutines";
import { type EventLoop, getEventLoop } from "./events";
import { RuntimeError } from "./exceptions";

/**
 * @internal Runs `step` as a task of `loop` for native code, which awaits the promise:
 * the loop must be running (its run is what executes the task).
 */
export function _runForNative<T>(loop: EventLoop | null, step: Coroutine<T>, what: string): Promise<T> {
  let target: EventLoop | null = loop;
  if (target === null) {
    try {
      target = getEventLoop();
    } catch {
      target = null;
    }
  }
  if (target === null || !target.isRunning()) {
    step.return(undefined as T);
    return Promise.reject(
      new RuntimeError(
        `${what} needs a running event loop: iterate it from code that a task of asyncio.run(...) awaits (for example through asyncio.wrapPromise)`,
      ),
    );
  }
  const task = target.createTask(step);
  return new Promise<T>((resolve, reject) => {
    task.addDoneCallback(() => {
      if (task.cancelled()) {
        try {
          task.result();
        } catch (error) {
          reject(error);
        }
        return;
      }
      const error = task.exception();
      if (error !== null && error !== undefined) reject(error);
      else resolve(task.result());
    });
  });
}

