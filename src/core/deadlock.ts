/**
 * What a stuck loop's tasks wait on, said plainly, and the cycle among them if there is
 * one: the report a run that can never finish fails with. Two tasks that each hold the
 * lock the other wants read as exactly that:
 *
 *     deadlock: Task-2 waits to acquire Lock#1, held by Task-3; Task-3 waits to acquire
 *     Lock#2, held by Task-2
 *
 * Built only when the loop is stuck, from what the loop already has: each live task's
 * `_futWaiter`, a waiter's list (which knows its primitive or queue), a lock's last
 * owner, a gather's children, the futures a `wait()` or an `asCompleted` item waits for.
 * The live task tables (`ps`, the playground's lanes) say the same of a running loop.
 */
import type { EventLoop } from "./events";
import { Future } from "./futures";
import { Condition, Event, Lock, Semaphore } from "./locks";
import { Queue } from "./queues";
import { Task } from "./tasks";
import { GatheringFuture, WaitingFuture, _cancellationWaits, _shieldInners } from "./waiting";
import { OperationWaiter, Waiter } from "./waiters";

/** One waiting task: what it waits on, and the tasks that must move first. */
export interface Wait {
  task: Task<unknown>;
  text: string;
  blockers: Task<unknown>[];
}

/**
 * @internal The report: a `deadlock:` line when tasks wait on each other in a cycle,
 * then one line per waiting task. Empty when no task waits.
 */
export function describeStuckTasks(loop: EventLoop): string {
  const names = new ObjectNames();
  const waits: Wait[] = [];
  const live: Task<unknown>[] = [];
  for (let task = loop._liveTasks; task !== null; task = task._liveNext) live.push(task);
  live.reverse(); // creation order reads best
  for (const task of live) waits.push(_describeWait(task, names, undefined, true));
  if (waits.length === 0) return "";
  const lines: string[] = [];
  const cycle = _findCycle(waits);
  if (cycle !== null) lines.push(`deadlock: ${cycle.map((wait) => `${wait.task.getName()} ${wait.text}`).join("; ")}`);
  lines.push("waiting tasks:");
  for (const wait of waits) lines.push(`  ${wait.task.getName()} ${wait.text}`);
  return lines.join("\n");
}

/**
 * @internal What `task` waits on, said plainly, and the tasks that must move first.
 * `sleeps` gives the deadline of each sleeping future (a live table has them); `stuck`
 * says the loop can never go on, so a future that no known waiting explains is one that
 * nothing will complete (a live table cannot know that); `timeouts` gives each task's
 * earliest deadline of the `timeout` scopes it is in (`waitFor`'s among them).
 */
export function _describeWait(
  task: Task<unknown>,
  names: ObjectNames,
  sleeps?: Map<Future<unknown>, number>,
  stuck = false,
  timeouts?: Map<Task<unknown>, number>,
): Wait {
  const wait = describeWaitedFuture(task, names, sleeps, stuck);
  const deadline = timeouts?.get(task);
  // The scope's deadline, not the wait's own: `waitFor` and `timeout` wrap any wait.
  if (deadline !== undefined && !task.done()) wait.text += `; times out at t=${formatTime(deadline)}`;
  return wait;
}

function describeWaitedFuture(task: Task<unknown>, names: ObjectNames, sleeps: Map<Future<unknown>, number> | undefined, stuck: boolean): Wait {
  const future = task._futWaiter;
  if (future === null) return { task, text: task.done() ? "is done" : "is ready to run", blockers: [] };
  const deadline = sleeps?.get(future);
  if (deadline !== undefined) return { task, text: `sleeps until t=${formatTime(deadline)}`, blockers: [] };
  if (future instanceof Task) return { task, text: `waits for ${future.getName()} to finish`, blockers: [future] };
  if (future instanceof GatheringFuture) {
    const pending = pendingOf(future._children);
    return { task, text: `waits for gather(${pending.text})`, blockers: pending.tasks };
  }
  if (future instanceof WaitingFuture) {
    // wait(): all of them, the first, or the first error; an asCompleted item: the next one.
    const pending = pendingOf(future._futures);
    const how = future._waitingIn === "asCompleted" ? [] : [future._waitingIn];
    if (future._deadline !== null) how.push(`timeout at t=${formatTime(future._deadline)}`);
    const call = future._waitingIn === "asCompleted" ? "asCompleted" : "wait";
    return { task, text: `waits for ${call}(${pending.text}${how.length > 0 ? `; ${how.join(", ")}` : ""})`, blockers: pending.tasks };
  }
  if (future instanceof Waiter && future._list !== null) {
    const owner = future._list._owner;
    const operation = future._list._operation;
    const name = names.of(owner);
    if (owner instanceof Lock) {
      const holder = owner._owner;
      const held = !owner._locked ? "free, its turn not yet come" : holder === null ? "held outside any task" : `held by ${holder.getName()}`;
      return { task, text: `waits to acquire ${name}, ${held}`, blockers: owner._locked && holder !== null ? [holder] : [] };
    }
    if (owner instanceof Condition) {
      return { task, text: `waits for a notification of ${name}`, blockers: [] };
    }
    if (owner instanceof Semaphore) return { task, text: `waits to acquire ${name} (no permit left)`, blockers: [] };
    if (owner instanceof Event) return { task, text: `waits for ${name} to be set`, blockers: [] };
    if (owner instanceof Queue) {
      const state = operation === "get" ? "empty" : `full, maxsize ${owner.maxsize}`;
      return { task, text: `waits to ${operation} on ${name} (${state})`, blockers: [] };
    }
    return { task, text: `waits to ${operation} on ${name}`, blockers: [] };
  }
  const shielded = _shieldInners.get(future);
  if (shielded !== undefined) {
    const pending = pendingOf([shielded]);
    return { task, text: `waits for shield(${pending.text || "a finished future"})`, blockers: pending.tasks };
  }
  const cancelling = _cancellationWaits.get(future);
  if (cancelling !== undefined) {
    // waitFor(aw, 0): it cancelled `aw` and waits until `aw` has dealt with it.
    const name = cancelling instanceof Task ? cancelling.getName() : String(cancelling);
    return { task, text: `waits for ${name} to finish after cancelling it`, blockers: cancelling instanceof Task ? [cancelling] : [] };
  }
  if (future instanceof OperationWaiter) return { task, text: `waits ${future._operation.replace("{}", names.of(future._owner))}`, blockers: [] };
  const what = future instanceof Future ? String(future) : "a future";
  return { task, text: stuck ? `waits on ${what} that nothing will complete` : `waits on ${what}`, blockers: [] };
}

/** The futures of `futures` not done yet, named (`Task-2, a Future`), and the tasks among them. */
function pendingOf(futures: Iterable<Future<unknown>>): { text: string; tasks: Task<unknown>[] } {
  const names: string[] = [];
  const tasks: Task<unknown>[] = [];
  for (const future of futures) {
    if (future.done()) continue;
    if (future instanceof Task) {
      names.push(future.getName());
      tasks.push(future);
    } else {
      names.push("a Future");
    }
  }
  return { text: names.join(", "), tasks };
}

/** @internal The first cycle of tasks waiting on each other, in waiting order, or null. */
export function _findCycle(waits: Wait[]): Wait[] | null {
  const byTask = new Map(waits.map((wait) => [wait.task, wait]));
  const state = new Map<Task<unknown>, "visiting" | "done">();
  const path: Wait[] = [];
  const visit = (wait: Wait): Wait[] | null => {
    state.set(wait.task, "visiting");
    path.push(wait);
    for (const blocker of wait.blockers) {
      const next = byTask.get(blocker);
      if (next === undefined) continue;
      if (state.get(blocker) === "visiting") return path.slice(path.indexOf(next));
      if (state.get(blocker) === undefined) {
        const found = visit(next);
        if (found !== null) return found;
      }
    }
    path.pop();
    state.set(wait.task, "done");
    return null;
  };
  for (const wait of waits) {
    if (state.has(wait.task)) continue;
    const found = visit(wait);
    if (found !== null) return found;
  }
  return null;
}

/** A loop time as a report shows it: `3.0`, `2.25`. */
function formatTime(seconds: number): string {
  const rounded = Math.round(seconds * 1000) / 1000;
  return Number.isInteger(rounded) ? rounded.toFixed(1) : String(rounded);
}

/** @internal `Lock#1`, `Queue#2`: a number per object, per class, in order of mention. */
export class ObjectNames {
  private readonly _names = new Map<object, string>();
  private readonly _counts = new Map<string, number>();

  of(value: object): string {
    let name = this._names.get(value);
    if (name === undefined) {
      const kind = value.constructor.name;
      const n = (this._counts.get(kind) ?? 0) + 1;
      this._counts.set(kind, n);
      name = `${kind}#${n}`;
      this._names.set(value, name);
    }
    return name;
  }
}
