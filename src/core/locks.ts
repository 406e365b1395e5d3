/**
 * Synchronization primitives (Python's `asyncio.locks`, 3.13): Lock, Event, Condition,
 * Semaphore, BoundedSemaphore, Barrier. Waiting is FIFO-fair, cancel-safe, and O(1)
 * per operation (see waiters.ts).
 */
import { type Coroutine, type Suspension, _suspend, _handWrittenCoroutine } from "./coroutines";
import { BrokenBarrierError, CancelledError, RuntimeError } from "./exceptions";
import { _getRunningLoop } from "./events";
import { LoopBound } from "./mixins";
import { recordSuspension } from "./sites";
import type { Task } from "./tasks";
import { keywordArguments } from "./keywords";
import { describe } from "./repr";
import type { Future } from "./futures";
import { type Waiter, WaiterList } from "./waiters";

/** `acquire` on enter, `release` on exit: what Lock, Condition and the semaphores share. */
abstract class ContextManagerMixin extends LoopBound {
  abstract acquire(): Coroutine<boolean>;
  abstract release(): void;

  /** Acquires; Python's `async with lock:` gives no value. */
  *aenter(): Coroutine<undefined> {
    yield* this.acquire();
    return undefined;
  }

  /** Releases, whatever happened in the body. */
  *aexit(_error?: unknown): Coroutine<boolean> {
    this.release();
    return false;
  }
}

/**
 * A mutual exclusion lock (Python's `asyncio.Lock`): FIFO-fair; a waiter woken and
 * then cancelled passes the lock on to the next waiter.
 *
 * @example
 * const lock = new asyncio.Lock();
 * let inside = 0, most = 0;
 * function* worker() {
 *   yield* asyncio.asyncWith(lock, function* () {
 *     most = Math.max(most, ++inside);
 *     yield* asyncio.sleep(0.1);
 *     inside--;
 *   });
 * }
 * function* main() { yield* asyncio.gather(worker(), worker(), worker()); }
 * asyncio.runSync(main(), { clock: new asyncio.VirtualClock() });
 * console.assert(most === 1);
 */
export class Lock extends ContextManagerMixin {
  /** @internal */ _waiters = new WaiterList<boolean>(this, "acquire");
  /** @internal */ _locked = false;
  /**
   * @internal The task that took the lock last, for reports (a deadlock names who holds
   * what); Python's Lock has no owner, and any task may still release it.
   */
  _owner: Task<unknown> | null = null;

  /** True if the lock is held. */
  locked(): boolean {
    return this._locked;
  }

  /** Waits until the lock is free, then takes it; returns true. */
  acquire(): Coroutine<boolean> {
    return new LockAcquire(this);
  }

  /**
   * Releases the lock and wakes the first waiter.
   *
   * @throws RuntimeError if the lock is not held.
   */
  release(): void {
    if (!this._locked) throw new RuntimeError("Lock is not acquired.");
    this._locked = false;
    this._owner = null;
    this._wakeUpFirst();
  }

  /** @internal */
  _wakeUpFirst(): void {
    const first = this._waiters.first();
    // A done first waiter is already on its way (woken or cancelled).
    if (first !== null && !first.done()) first.setResult(true);
  }

  override toString(): string {
    const waiters = this._waiters.size > 0 ? ` waiters:${this._waiters.size}` : "";
    return `<Lock [${this._locked ? "locked" : "unlocked"}${waiters}]>`;
  }
}

/**
 * A flag that tasks can wait for (Python's `asyncio.Event`): `set()` wakes every waiter.
 */
export class Event extends LoopBound {
  /** @internal */ _waiters = new WaiterList<boolean>(this, "wait");
  /** @internal */ _value = false;

  /** True once `set()` was called (and not `clear()` since). */
  isSet(): boolean {
    return this._value;
  }

  /** Sets the flag and wakes every waiter. */
  set(): void {
    if (this._value) return;
    this._value = true;
    for (const waiter of this._waiters) if (!waiter.done()) waiter.setResult(true);
  }

  /** Clears the flag. */
  clear(): void {
    this._value = false;
  }

  /** Waits until the flag is set; returns true. */
  *wait(): Coroutine<boolean> {
    if (this._value) return true;
    const waiter = this._waiters.append(this._getLoop());
    try {
      yield* waiter;
      return true;
    } finally {
      this._waiters.remove(waiter);
    }
  }

  override toString(): string {
    const waiters = this._waiters.size > 0 ? ` waiters:${this._waiters.size}` : "";
    return `<Event [${this._value ? "set" : "unset"}${waiters}]>`;
  }
}

/**
 * A condition variable (Python's `asyncio.Condition`): tasks holding its lock wait for
 * a notification; `wait` gives the lock up while waiting and takes it back before
 * returning, even when cancelled.
 */
export class Condition extends ContextManagerMixin {
  /** @internal */ _lock: Lock;
  /** @internal */ _waiters = new WaiterList<boolean>(this, "wait");

  /**
   * A condition over `lock` (positionally or, as Python's `Condition(lock=lock)`,
   * `{ lock }`), or over a new Lock.
   *
   * @throws TypeError if `lock` is not a Lock, or for an option other than `lock`.
   */
  constructor(lock?: Lock | { lock?: Lock }) {
    super();
    const options = keywordArguments("Condition", lock, ["lock"]);
    if (options !== undefined) lock = options.lock as Lock | undefined;
    if (lock !== undefined && !(lock instanceof Lock)) throw new TypeError(`Condition() needs a Lock, got ${describe(lock)}`);
    this._lock = lock ?? new Lock();
  }

  /** True if the underlying lock is held. */
  locked(): boolean {
    return this._lock.locked();
  }

  /** Acquires the underlying lock. */
  acquire(): Coroutine<boolean> {
    return this._lock.acquire();
  }

  /** Releases the underlying lock. */
  release(): void {
    this._lock.release();
  }

  /**
   * Releases the lock, waits for a notification, re-acquires the lock; returns true.
   *
   * @throws RuntimeError if the lock is not held.
   */
  *wait(): Coroutine<boolean> {
    if (!this.locked()) throw new RuntimeError("cannot wait on un-acquired lock");
    this.release();
    try {
      try {
        const waiter = this._waiters.append(this._getLoop());
        try {
          yield* waiter;
          return true;
        } finally {
          this._waiters.remove(waiter);
        }
      } finally {
        // The lock must be held again on the way out, even when cancelled: keep
        // trying, and re-raise the last cancellation afterwards.
        let cancelled: CancelledError | null = null;
        for (;;) {
          try {
            yield* this.acquire();
            break;
          } catch (error) {
            if (!(error instanceof CancelledError)) throw error;
            cancelled = error;
          }
        }
        if (cancelled !== null) throw cancelled;
      }
    } catch (error) {
      // This task may have been notified before the error: pass the notification on
      // (a spurious wake-up, which condition variables allow).
      this._notify(1);
      throw error;
    }
  }

  /** Waits until `predicate()` is truthy and returns its value. */
  *waitFor<R>(predicate: () => R): Coroutine<R> {
    let result = predicate();
    while (!result) {
      yield* this.wait();
      result = predicate();
    }
    return result;
  }

  /**
   * Wakes up to `n` waiting tasks.
   *
   * @throws RuntimeError if the lock is not held.
   */
  notify(n = 1): void {
    if (!this.locked()) throw new RuntimeError("cannot notify on un-acquired lock");
    this._notify(n);
  }

  /** Wakes every waiting task. @throws RuntimeError if the lock is not held. */
  notifyAll(): void {
    this.notify(this._waiters.size);
  }

  private _notify(n: number): void {
    let woken = 0;
    for (const waiter of this._waiters) {
      if (woken >= n) break;
      if (!waiter.done()) {
        woken++;
        waiter.setResult(false);
      }
    }
  }

  override toString(): string {
    const waiters = this._waiters.size > 0 ? ` waiters:${this._waiters.size}` : "";
    return `<Condition [${this.locked() ? "locked" : "unlocked"}${waiters}]>`;
  }
}

/**
 * A counter of permits (Python's `asyncio.Semaphore`, 3.11.1+ semantics): `acquire`
 * waits while none is left; FIFO-fair; a cancelled acquire never leaks a permit.
 */
export class Semaphore extends ContextManagerMixin {
  /** @internal */ _waiters = new WaiterList<boolean>(this, "acquire");
  /** @internal */ _value: number;

  /**
   * A semaphore of `value` permits, given positionally or, as Python's
   * `Semaphore(value=2)`, as `{ value: 2 }`.
   *
   * @throws TypeError if `value` is not a number, or for an option other than `value`;
   * RangeError (Python's ValueError) for a negative value.
   */
  constructor(value: number | { value?: number } = 1) {
    super();
    const options = keywordArguments(this.constructor.name, value, ["value"]);
    const permits = options !== undefined ? (options.value ?? 1) : value;
    if (typeof permits !== "number" || Number.isNaN(permits)) throw new TypeError(`Semaphore value must be a number, got ${describe(permits)}`);
    if (permits < 0) throw new RangeError("Semaphore initial value must be >= 0");
    this._value = permits;
  }

  /** True if `acquire` would wait: no permit, or others queued first. */
  locked(): boolean {
    return this._value === 0 || !this._waiters.allCancelled();
  }

  /** Waits for a permit and takes it; returns true. */
  *acquire(): Coroutine<boolean> {
    if (!this.locked()) {
      this._value--;
      return true;
    }
    const waiter = this._waiters.append(this._getLoop());
    try {
      try {
        yield* waiter;
      } finally {
        this._waiters.remove(waiter);
      }
    } catch (error) {
      // Given a permit but cancelled before using it: give it back.
      if (error instanceof CancelledError && waiter.done() && !waiter.cancelled()) this._value++;
      throw error;
    } finally {
      // Newcomers may have queued behind us although permits were free: wake as
      // many as there are permits.
      while (this._value > 0 && this._wakeUpNext()) {
        // keep waking
      }
    }
    return true;
  }

  /** Gives a permit back and wakes the first waiter. */
  release(): void {
    this._value++;
    this._wakeUpNext();
  }

  /** Wakes the first waiter that is not done; false if there was none. */
  private _wakeUpNext(): boolean {
    for (const waiter of this._waiters) {
      if (!waiter.done()) {
        this._value--;
        waiter.setResult(true);
        return true;
      }
    }
    return false;
  }

  override toString(): string {
    const waiters = this._waiters.size > 0 ? ` waiters:${this._waiters.size}` : "";
    return `<${this.constructor.name} [${this.locked() ? "locked" : `unlocked, value:${this._value}`}${waiters}]>`;
  }
}

/**
 * A Semaphore that refuses to be released above its initial value (Python's
 * `asyncio.BoundedSemaphore`).
 */
export class BoundedSemaphore extends Semaphore {
  /** @internal */ readonly _boundValue: number;

  /** As Semaphore's: `new BoundedSemaphore(2)` or `new BoundedSemaphore({ value: 2 })`. */
  constructor(value: number | { value?: number } = 1) {
    super(value);
    this._boundValue = this._value;
  }

  /** @throws RangeError (Python's ValueError) when released more often than acquired. */
  override release(): void {
    if (this._value >= this._boundValue) throw new RangeError("BoundedSemaphore released too many times");
    super.release();
  }
}

const BarrierState = { Filling: "filling", Draining: "draining", Resetting: "resetting", Broken: "broken" } as const;
type BarrierState = (typeof BarrierState)[keyof typeof BarrierState];

/**
 * A barrier for a fixed number of tasks (Python 3.11's `asyncio.Barrier`): `wait`
 * blocks until `parties` tasks wait, then releases them all, each with its arrival
 * index.
 */
export class Barrier extends LoopBound {
  /** @internal */ _cond = new Condition();
  /** @internal */ _parties: number;
  /** @internal */ _state: BarrierState = BarrierState.Filling;
  /** @internal */ _count = 0;

  /**
   * A barrier for `parties` tasks, given positionally or, as Python's
   * `Barrier(parties=3)`, as `{ parties: 3 }`.
   *
   * @throws TypeError if `parties` is not a number, or for an option other than
   * `parties`; RangeError (Python's ValueError) if it is less than 1.
   */
  constructor(parties: number | { parties: number }) {
    super();
    const options = keywordArguments("Barrier", parties, ["parties"]);
    const n = options !== undefined ? options.parties : parties;
    if (typeof n !== "number" || Number.isNaN(n)) throw new TypeError(`Barrier parties must be a number, got ${describe(n)}`);
    if (n < 1) throw new RangeError("parties must be > 0");
    this._parties = n;
  }

  /** Waits like `wait()` and gives the arrival index. */
  aenter(): Coroutine<number> {
    return this.wait();
  }

  *aexit(_error?: unknown): Coroutine<boolean> {
    return false;
  }

  /**
   * Waits until `parties` tasks are waiting; returns this task's arrival index
   * (0 to parties - 1).
   *
   * @throws BrokenBarrierError if the barrier is reset or aborted meanwhile.
   */
  *wait(): Coroutine<number> {
    const cond = this._cond;
    yield* cond.acquire();
    try {
      yield* this._block();
      const index = this._count;
      this._count++;
      try {
        if (index + 1 === this._parties) this._release();
        else yield* this._wait();
        return index;
      } finally {
        this._count--;
        this._exit();
      }
    } finally {
      cond.release();
    }
  }

  /** Puts the barrier back to empty; tasks waiting get BrokenBarrierError. */
  *reset(): Coroutine<void> {
    yield* this._cond.acquire();
    try {
      if (this._count > 0) {
        if (this._state !== BarrierState.Resetting) this._state = BarrierState.Resetting;
      } else {
        this._state = BarrierState.Filling;
      }
      this._cond.notifyAll();
    } finally {
      this._cond.release();
    }
  }

  /** Breaks the barrier: current and future waits get BrokenBarrierError. */
  *abort(): Coroutine<void> {
    yield* this._cond.acquire();
    try {
      this._state = BarrierState.Broken;
      this._cond.notifyAll();
    } finally {
      this._cond.release();
    }
  }

  /** How many tasks must wait to pass the barrier. */
  get parties(): number {
    return this._parties;
  }

  /** How many tasks wait now, while the barrier is filling. */
  get nWaiting(): number {
    return this._state === BarrierState.Filling ? this._count : 0;
  }

  /** True once `abort()` was called. */
  get broken(): boolean {
    return this._state === BarrierState.Broken;
  }

  private *_block(): Coroutine<void> {
    // Wait while the barrier drains or resets.
    yield* this._cond.waitFor(() => this._state !== BarrierState.Draining && this._state !== BarrierState.Resetting);
    if (this._state === BarrierState.Broken) throw new BrokenBarrierError("Barrier aborted");
  }

  private _release(): void {
    this._state = BarrierState.Draining;
    this._cond.notifyAll();
  }

  private *_wait(): Coroutine<void> {
    yield* this._cond.waitFor(() => this._state !== BarrierState.Filling);
    if (this._state === BarrierState.Broken || this._state === BarrierState.Resetting) {
      throw new BrokenBarrierError("Abort or reset of barrier");
    }
  }

  private _exit(): void {
    if (this._count === 0) {
      if (this._state === BarrierState.Resetting || this._state === BarrierState.Draining) this._state = BarrierState.Filling;
      this._cond.notifyAll();
    }
  }

  override toString(): string {
    const extra = this._state === BarrierState.Filling ? `, waiters:${this.nWaiting}/${this._parties}` : "";
    return `<Barrier [${this._state}${extra}]>`;
  }
}

const START = 0;
const WAITING = 1;
const DONE = 2;

/**
 * The coroutine of `Lock.acquire`, written out as the state machine a generator
 * function would compile to (see QueueOperation in queues.ts for why):
 *
 *     *acquire() {
 *       if (!locked && every waiter is cancelled) { locked = true; return true; }
 *       const waiter = waiters.append(loop);
 *       try { try { yield* waiter; } finally { waiters.remove(waiter); } }
 *       catch (e) { if (e is CancelledError && !locked) wake up the first waiter; throw e; }
 *       locked = true; return true;
 *     }
 *
 * Fair: a newcomer takes the lock at once only if nobody is queued (cancelled waiters
 * aside: they are about to leave); a waiter woken and then cancelled makes sure the
 * next waiter runs, so the lock is never stranded with a queue behind it.
 */
class LockAcquire implements Coroutine<boolean> {
  private _lock: Lock;
  private _state: typeof START | typeof WAITING | typeof DONE;
  private _waiter: Waiter<boolean> | null;

  constructor(lock: Lock) {
    this._lock = lock;
    this._state = START;
    this._waiter = null;
  }

  next(): IteratorResult<Suspension, boolean> {
    const lock = this._lock;
    if (this._state === START) {
      if (!lock._locked && lock._waiters.allCancelled()) {
        this._state = DONE;
        lock._locked = true;
        lock._owner = _getRunningLoop()?._currentTask ?? null;
        return { done: true, value: true };
      }
      const loop = lock._getLoop();
      const waiter = lock._waiters.append(loop);
      this._waiter = waiter;
      this._state = WAITING;
      if (loop._debug) recordSuspension(loop, LockAcquire.prototype.next);
      return { done: false, value: _suspend(waiter as Future<unknown>) };
    }
    if (this._state === WAITING) {
      const waiter = this._waiter!;
      if (!waiter.done()) throw new RuntimeError(`await wasn't used with future: ${waiter} was resumed before it was done`);
      this._leave();
      lock._waiters.recycle(waiter);
      lock._locked = true;
      lock._owner = lock._loop!._currentTask;
      return { done: true, value: true };
    }
    return { done: true, value: undefined as never };
  }

  throw(error: unknown): IteratorResult<Suspension, boolean> {
    if (this._state === WAITING) {
      this._leave();
      if (error instanceof CancelledError && !this._lock._locked) this._lock._wakeUpFirst();
    }
    this._state = DONE;
    throw error;
  }

  return(value: boolean): IteratorResult<Suspension, boolean> {
    // A generator's return() runs its finally blocks: leave the queue.
    if (this._state === WAITING) this._leave();
    this._state = DONE;
    return { done: true, value };
  }

  private _leave(): void {
    this._lock._waiters.remove(this._waiter!);
    this._waiter = null;
    this._state = DONE;
  }

  [Symbol.iterator](): this {
    return this;
  }

  /** Tagged as a generator, so `isCoroutine` and `createTask` accept it. */
  get [Symbol.toStringTag](): string {
    return "Generator";
  }
}
_handWrittenCoroutine(LockAcquire);

