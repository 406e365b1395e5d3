/**
 * Errors nobody looked at: Python's "Task exception was never retrieved", "Future
 * exception was never retrieved" and "Task was destroyed but it is pending!".
 *
 * CPython reports a failed future when it is destroyed unseen, which reference counting
 * makes prompt. JavaScript learns of destruction only from a FinalizationRegistry, at a
 * garbage collection that a short program never triggers, and V8 keeps an error's stack
 * frames (and the tasks that were their receivers) alive until its stack is formatted,
 * which costs a source-map lookup per frame under `tsx` or `--enable-source-maps`.
 * So a failure costs only an array push here; the loop reports every error still unseen
 * when it is closed (which `run` and `runSync` do) or the process exits; and an error
 * unseen for AGE_SECONDS of loop time is formatted at an idle moment and handed to the
 * registry, so a long-running program still hears of it when its future is collected.
 */
import type { EventLoop } from "./events";
import type { Future } from "./futures";
import type { Task } from "./tasks";
import { settleAwaitChain } from "./awaitchain";
import { onProcessEvent } from "./hostevents";

/** `Future._exc` of a failed future whose error somebody has seen. */
export const RETRIEVED = 1;
/** `Future._exc`: nobody has seen the error (Python's `_log_traceback`)… */
export const UNSEEN = 2;
/** …and it is watched by the registry instead of the loop's list. */
export const UNSEEN_WATCHED = 3;

/** Seconds of loop time an error stays in the loop's list before it is watched for collection. */
const AGE_SECONDS = 1;
/** The list is compacted (retrieved errors dropped) when it reaches this length, then twice the survivors. */
const MIN_COMPACT_LENGTH = 1024;

interface Collected {
  loop: EventLoop;
  error: unknown;
  message: string;
  what: string;
}

const atCollection: FinalizationRegistry<Collected> | null =
  typeof FinalizationRegistry === "function"
    ? new FinalizationRegistry<Collected>(({ loop, error, message, what }) => {
        loop.callExceptionHandler({ message, exception: error, object: what });
      })
    : null;

/** @internal The failed futures of one loop whose error nobody has seen yet. */
export class UnretrievedErrors {
  private readonly _loop: EventLoop;
  /** In order of failure; entries retrieved since are dropped at the next compaction. */
  private _futures: Future<unknown>[];
  /** `_futures[0 .. _old)` were already in the list at the last aging. */
  private _old: number;
  private _agedAt: number;
  private _compactAt: number;
  /** Errors handed to the registry, still reported at close if their future is alive. */
  private _watched: WeakRef<Future<unknown>>[];

  constructor(loop: EventLoop) {
    this._loop = loop;
    this._futures = [];
    this._old = 0;
    this._agedAt = loop.time();
    this._compactAt = MIN_COMPACT_LENGTH;
    this._watched = [];
  }

  add(future: Future<unknown>): void {
    const futures = this._futures;
    futures.push(future);
    if (futures.length >= this._compactAt) {
      // A loop that never idles still must not hold every failure it ever had.
      this.age();
      this._compact();
      this._compactAt = Math.max(MIN_COMPACT_LENGTH, 2 * this._futures.length);
    }
  }

  /**
   * At an idle moment: errors that were unseen at the last aging and still are, at least
   * AGE_SECONDS later, are formatted and left to the registry, so their futures can be
   * collected (and reported then) instead of being held until the loop closes.
   */
  age(): void {
    const now = this._loop.time();
    if (now - this._agedAt < AGE_SECONDS) return;
    const futures = this._futures;
    for (let i = 0; i < this._old; i++) {
      const future = futures[i]!;
      if (future._exc === UNSEEN) this._watchForCollection(future);
    }
    this._old = this._futures.length;
    this._agedAt = now;
    this._compact();
  }

  /** Reports every error still unseen (the loop is closing, or the process exits). */
  reportAll(): void {
    const futures = this._futures;
    const watched = this._watched;
    this._futures = [];
    this._watched = [];
    this._old = 0;
    for (const future of futures) if (future._exc === UNSEEN) reportNow(future);
    for (const ref of watched) {
      const future = ref.deref();
      if (future !== undefined && future._exc === UNSEEN_WATCHED) {
        atCollection?.unregister(future);
        reportNow(future);
      }
    }
  }

  private _watchForCollection(future: Future<unknown>): void {
    watchForCollection(future);
    this._watched.push(new WeakRef(future));
  }

  /** Drops the retrieved errors (and collected watched ones), keeping the order. */
  private _compact(): void {
    const futures = this._futures;
    let kept = 0;
    let old = 0;
    for (let i = 0; i < futures.length; i++) {
      const future = futures[i]!;
      if (future._exc !== UNSEEN) continue;
      if (i < this._old) old++;
      futures[kept++] = future;
    }
    futures.length = kept;
    this._old = old;
    if (this._watched.length > 0) this._watched = this._watched.filter((ref) => ref.deref()?._exc === UNSEEN_WATCHED);
  }
}

/**
 * @internal Hands a failed future to the registry: its stack (and the await chain's)
 * is formatted now, which releases the frames' receivers, so the future can be collected.
 */
export function watchForCollection(future: Future<unknown>): void {
  if (atCollection === null || typeof WeakRef !== "function") return;
  const error = future._result;
  settleAwaitChain(error);
  future._exc = UNSEEN_WATCHED;
  atCollection.register(future, { loop: future._loop, error, message: neverRetrievedMessage(future), what: String(future) }, future);
}

/** @internal The error was seen: it leaves the registry if it was watched there. */
export function unwatch(future: Future<unknown>): void {
  atCollection?.unregister(future);
}

function neverRetrievedMessage(future: Future<unknown>): string {
  return `${isTask(future) ? "Task" : "Future"} exception was never retrieved`;
}

function isTask(future: Future<unknown>): future is Task<unknown> {
  return "_coro" in future;
}

function reportNow(future: Future<unknown>): void {
  future._exc = RETRIEVED;
  future._loop.callExceptionHandler({ message: neverRetrievedMessage(future), exception: future._result, future });
}

/**
 * @internal Python's "Task was destroyed but it is pending!": a task still pending when
 * its loop is closed can never run again.
 */
export function reportPendingTasks(loop: EventLoop, tasks: Task<unknown>[]): void {
  for (const task of tasks) loop.callExceptionHandler({ message: "Task was destroyed but it is pending!", task });
}

// Python reports what is still unseen when the interpreter exits and destroys it; a
// loop that was never closed is reported when the host's process exits.
const openLoops = new Set<UnretrievedErrors>();
let exitHookInstalled = false;

/** @internal Reports `errors` at process exit unless its loop is closed first. */
export function reportAtExit(errors: UnretrievedErrors): void {
  openLoops.add(errors);
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  onProcessEvent("exit", () => {
    for (const open of openLoops) open.reportAll();
    openLoops.clear();
  });
}

/** @internal The loop was closed: it reports by itself. */
export function forgetAtExit(errors: UnretrievedErrors): void {
  openLoops.delete(errors);
}
