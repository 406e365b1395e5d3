/**
 * Who awaits whom, the one answer that `ps`, `pstree` and the call graphs share. CPython
 * 3.14 records it on every future as the program runs; here it is derived when asked, from
 * what the loop already holds, so the loop pays nothing: a task awaits the future in its
 * `_futWaiter`; the pending children of a gather (nested gathers too) are awaited by the
 * task awaiting the gather, as 3.14 records the gathering task; a TaskGroup's child (it
 * holds the group's done callback) by the group's parent task; a shielded future by the
 * task that shielded it; and whatever `futureAddToAwaitedBy` recorded.
 */
import type { EventLoop } from "../core/events";
import type { Future } from "../core/futures";
import { _groupOfCallback } from "../core/taskgroups";
import type { Task } from "../core/tasks";
import { GatheringFuture, _shieldedBy } from "../core/waiting";

/**
 * What `futureAddToAwaitedBy` recorded. A WeakMap rather than a field on Future: nothing
 * on the loop's path reads it, and an "add" never discarded cannot keep a future alive.
 */
const registered = new WeakMap<Future<unknown>, Set<Future<unknown>>>();

/** @internal Records that `future` is awaited by `waiter`. */
export function register(future: Future<unknown>, waiter: Future<unknown>): void {
  let waiters = registered.get(future);
  if (waiters === undefined) registered.set(future, (waiters = new Set()));
  waiters.add(waiter);
}

/** @internal Forgets that `future` was awaited by `waiter`. */
export function unregister(future: Future<unknown>, waiter: Future<unknown>): void {
  const waiters = registered.get(future);
  if (waiters === undefined) return;
  waiters.delete(waiter);
  if (waiters.size === 0) registered.delete(future);
}

/** @internal The done callbacks a future holds (a TaskGroup child holds its group's). */
export function doneCallbacks(future: Future<unknown>): object[] {
  return future._callbackList();
}

/** @internal Who awaits each future of one loop, indexed once from its live tasks. */
export class Awaiters {
  private readonly _index = new Map<Future<unknown>, Future<unknown>[]>();

  constructor(loop: EventLoop) {
    const tasks: Task<unknown>[] = [];
    for (let task = loop._liveTasks; task !== null; task = task._liveNext) tasks.push(task);
    tasks.reverse();
    for (const task of tasks) {
      const waiter = task._futWaiter;
      if (waiter !== null) {
        this._add(waiter, task);
        if (waiter instanceof GatheringFuture) this._gathered(waiter, task, new Set([waiter]));
      }
      for (const callback of doneCallbacks(task)) {
        const group = _groupOfCallback.get(callback);
        if (group !== undefined && group._parentTask !== null) this._add(task, group._parentTask);
      }
    }
  }

  /** What awaits `future`, in the order found. */
  of(future: Future<unknown>): Future<unknown>[] {
    let waiters = this._index.get(future) ?? [];
    const shielder = future.done() ? undefined : _shieldedBy.get(future);
    if (shielder !== undefined && !shielder.done() && !waiters.includes(shielder)) waiters = [...waiters, shielder];
    const extra = registered.get(future);
    if (extra === undefined) return waiters;
    return [...waiters, ...[...extra].filter((waiter) => !waiters.includes(waiter))];
  }

  private _add(awaited: Future<unknown>, by: Future<unknown>): void {
    const list = this._index.get(awaited);
    if (list === undefined) this._index.set(awaited, [by]);
    else if (!list.includes(by)) list.push(by);
  }

  private _gathered(gathering: GatheringFuture<unknown>, task: Task<unknown>, seen: Set<Future<unknown>>): void {
    for (const child of gathering._children) {
      if (child.done() || seen.has(child)) continue;
      seen.add(child);
      this._add(child, task);
      if (child instanceof GatheringFuture) this._gathered(child, task, seen);
    }
  }
}
