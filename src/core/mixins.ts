/** What the synchronization primitives and queues share (Python's `asyncio.mixins`). */
import { type EventLoop, getRunningLoop } from "./events";
import { RuntimeError } from "./exceptions";

/**
 * Binds an object to the first loop that uses it (Python's `_LoopBoundMixin`): a
 * primitive's waiters are Futures of one loop, so using it from another is an error.
 */
export class LoopBound {
  /** @internal */ _loop: EventLoop | null = null;

  /** @internal The running loop, which must be the one this object is bound to. */
  _getLoop(): EventLoop {
    const loop = getRunningLoop();
    if (this._loop === null) this._loop = loop;
    if (loop !== this._loop) {
      throw new RuntimeError(`${this} is bound to a different event loop: it was first used on ${this._loop}, now on ${loop}`);
    }
    return loop;
  }
}
