/**
 * Instruments: objects that hear what the loop does, in the spirit of trio's
 * `Instrument` — tasks spawned, stepped and exited, callbacks run, timers scheduled and
 * fired, the loop going idle and waking — so that tracers, timelines, task tables and
 * test harnesses are built beside the loop instead of inside it.
 *
 * With no instrument installed the loop pays one test of a field per task created and
 * finished and per timer scheduled, and runs its iterations on the same path as before
 * (the `switch` benchmark shows it). With one installed, the loop runs its ready queue on
 * an observed path that reports each step and callback.
 */
import type { EventLoop, Handle, TimerHandle } from "./events";
import type { Future } from "./futures";
import type { Task } from "./tasks";

/**
 * What an instrument may hear; every method is optional. Methods are called
 * synchronously on the loop's thread, in the middle of its work: they must be quick,
 * must not schedule work on the loop, and must not throw (one that throws is removed and
 * its error reported through the loop's exception handler).
 *
 * @example
 * const steps: string[] = [];
 * const loop = asyncio.newEventLoop({ clock: new asyncio.VirtualClock() });
 * loop.addInstrument({ beforeTaskStep: (task) => steps.push(task.getName()) });
 * loop.runUntilCompleteSync(asyncio.sleep(1));
 * loop.close();
 * console.assert(steps.length === 2); // the sleep's task: started, then woken by its timer
 */
export interface Instrument {
  /** `runForever*` or `runUntilComplete*` starts running the loop. */
  beforeRun?(loop: EventLoop): void;
  /** That run ends, however it ends. */
  afterRun?(loop: EventLoop): void;
  /** A task was created (it is scheduled, or already ran its first step if eager). */
  taskSpawned?(task: Task<unknown>): void;
  /** The task is about to run one step of its coroutine. */
  beforeTaskStep?(task: Task<unknown>): void;
  /**
   * The step ended: `waitingOn` is the future the task now waits on, or null when it is
   * ready again (a bare `yield`) or done.
   */
  afterTaskStep?(task: Task<unknown>, waitingOn: Future<unknown> | null): void;
  /** The task finished: it has its result, its error, or was cancelled. */
  taskExited?(task: Task<unknown>): void;
  /**
   * A callback is about to run from the ready queue: a Handle (`callSoon`), a
   * TimerHandle whose time came, or a done future calling its done callbacks.
   */
  beforeCallback?(callback: Handle | Future<unknown>): void;
  /** That callback returned (or threw, and its error went to the exception handler). */
  afterCallback?(callback: Handle | Future<unknown>): void;
  /** `callLater`/`callAt` (or `sleep`, a timeout) put a timer on the heap. */
  timerScheduled?(timer: TimerHandle): void;
  /** A timer came due and moved to the ready queue. */
  timerFired?(timer: TimerHandle): void;
  /**
   * Nothing is ready: the loop waits until loop time `deadline` (its next timer; on a
   * VirtualClock it jumps there), or, when null, until the host brings work.
   */
  idleBegin?(loop: EventLoop, deadline: number | null): void;
  /** The wait is over. */
  idleEnd?(loop: EventLoop): void;
  /** Host I/O (a socket, a settled promise, a worker) brought work to the waiting loop. */
  hostWakeup?(loop: EventLoop): void;
}

type Hook = keyof Instrument;

/** @internal The instruments of one loop; the loop holds one only while any is installed. */
export class Instruments {
  readonly list: Instrument[] = [];
  private readonly _loop: EventLoop;

  constructor(loop: EventLoop) {
    this._loop = loop;
  }

  emit<K extends Hook>(hook: K, ...args: Parameters<NonNullable<Instrument[K]>>): void {
    const list = this.list;
    for (let i = 0; i < list.length; i++) {
      const instrument = list[i]!;
      const method = instrument[hook] as ((...a: unknown[]) => void) | undefined;
      if (method === undefined) continue;
      try {
        method.apply(instrument, args);
      } catch (error) {
        // trio's rule: an instrument that fails is removed, and the program goes on.
        this._loop.removeInstrument(instrument);
        i--;
        this._loop.callExceptionHandler({
          message: `Exception in instrument ${describeInstrument(instrument)}.${hook}(); the instrument was removed`,
          exception: error,
        });
      }
    }
  }
}

function describeInstrument(instrument: Instrument): string {
  const name = (instrument as { constructor?: { name?: string } }).constructor?.name;
  return name !== undefined && name !== "Object" ? name : "(instrument)";
}
