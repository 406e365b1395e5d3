/**
 * "What is my program waiting on?": a loop's tasks as a table (`ps`) and as a tree of
 * who awaits whom (`pstree`), in the spirit of CPython 3.14's `python -m asyncio ps` and
 * `pstree`, from what the loop already holds: each task's future, the primitive or
 * queue behind a waiter, a lock's last owner, a sleep's timer, and who awaits whom as
 * the call graphs see it (awaiters.ts). In debug mode the rows also show the coroutine
 * chain each task is suspended in and how long ago it last ran (see `loop.setDebug`).
 */
import { ObjectNames, _describeWait } from "../core/deadlock";
import { type EventLoop, getRunningLoop } from "../core/events";
import { lastStep, suspensionChain } from "../core/sites";
import { Task } from "../core/tasks";
import { _sleepDeadlines } from "../core/sleep";
import { _timeoutDeadlines } from "../core/timeouts";
import { Awaiters } from "./awaiters";

/** One row of `ps`: a task that is not done. */
export interface TaskRow {
  /** The task. */
  task: Task<unknown>;
  /** Its name (`Task-3`, or the name it was given). */
  name: string;
  /** `running` (the task stepping now), `ready` (its next step is scheduled) or `waiting`. */
  state: "running" | "ready" | "waiting";
  /** Debug mode: the coroutines it is suspended in, innermost first (`worker (app.ts:12:5)`); else null. */
  coroutines: string[] | null;
  /**
   * What it waits on, said plainly: `sleeps until t=3.0`, `waits to acquire Lock#1, held by
   * Task-4`; inside `timeout` scopes (`waitFor` too), the earliest deadline follows:
   * `waits for Task-2 to finish; times out at t=3.0`.
   */
  waitsOn: string;
  /** Debug mode: seconds of loop time since its last step began; else null. */
  sinceLastStep: number | null;
  /** The tasks that await this one (through `yield*`, a gather, or as its TaskGroup's parent). */
  awaitedBy: Task<unknown>[];
}

/**
 * The tasks of `loop` (default: the running loop) that are not done, in creation order,
 * with what each waits on (the data behind `ps`).
 *
 * @throws RuntimeError when no loop is given and none is running.
 */
export function taskTable(loop?: EventLoop): TaskRow[] {
  const target = loop ?? getRunningLoop();
  const tasks: Task<unknown>[] = [];
  for (let task = target._liveTasks; task !== null; task = task._liveNext) tasks.push(task);
  tasks.reverse();
  const names = new ObjectNames();
  const sleeps = _sleepDeadlines(target);
  const timeouts = _timeoutDeadlines(target);
  const awaiters = new Awaiters(target);
  const now = target.time();
  return tasks.map((task) => {
    const wait = _describeWait(task, names, sleeps, false, timeouts);
    const started = lastStep(task);
    return {
      task,
      name: task.getName(),
      state: target._currentTask === task ? "running" : task._futWaiter === null ? "ready" : "waiting",
      coroutines: suspensionChain(task),
      waitsOn: target._currentTask === task ? "is running" : wait.text,
      sinceLastStep: started === null ? null : now - started,
      awaitedBy: awaiters.of(task).filter((waiter): waiter is Task<unknown> => waiter instanceof Task),
    };
  });
}

/**
 * The task table of `loop` (default: the running loop) as text: one row per task that is
 * not done — its name, state, what it does (waits on), and in debug mode how long ago
 * it last ran and the coroutines it is suspended in (innermost first).
 *
 * @example
 * function* main() {
 *   const lock = new asyncio.Lock();
 *   yield* lock.acquire();
 *   asyncio.createTask(lock.acquire(), { name: "blocked" });
 *   asyncio.createTask(asyncio.sleep(3), { name: "sleeper" });
 *   yield* asyncio.sleep(1);
 *   const table = asyncio.ps();
 *   lock.release();
 *   return table;
 * }
 * const table = asyncio.runSync(main(), { clock: new asyncio.VirtualClock() });
 * console.assert(/sleeper +waiting +sleeps until t=3\.0/.test(table), table);
 * console.assert(/blocked +waiting +waits to acquire Lock#1, held by Task-\d+/.test(table), table);
 *
 * @throws RuntimeError when no loop is given and none is running.
 */
export function ps(loop?: EventLoop): string {
  const rows = taskTable(loop);
  if (rows.length === 0) return "no task";
  const debug = rows.some((row) => row.coroutines !== null || row.sinceLastStep !== null);
  const header = debug ? ["task", "state", "last step", "coroutine", "what it does"] : ["task", "state", "what it does"];
  const cells = rows.map((row) => {
    if (!debug) return [row.name, row.state, row.waitsOn];
    const coroutine = row.coroutines === null ? "-" : row.coroutines.join(" <- ");
    const since = row.sinceLastStep === null ? "-" : `${row.sinceLastStep.toFixed(3)} s ago`;
    return [row.name, row.state, since, coroutine, row.waitsOn];
  });
  return formatTable(header, cells);
}

/**
 * The tasks of `loop` (default: the running loop) as a tree of who awaits whom: each
 * task under the task that awaits it (through `yield*`, a gather, or as the parent of
 * its TaskGroup), with what it waits on; tasks awaiting each other in a cycle are named
 * as such.
 *
 * @example
 * function* child() { yield* asyncio.sleep(2); }
 * function* main() {
 *   const task = asyncio.createTask(child(), { name: "child" });
 *   asyncio.getRunningLoop().callLater(1, () => console.log(asyncio.pstree()));
 *   yield* task;
 * }
 * asyncio.runSync(main(), { clock: new asyncio.VirtualClock() });
 *
 * @throws RuntimeError when no loop is given and none is running.
 */
export function pstree(loop?: EventLoop): string {
  const rows = taskTable(loop);
  if (rows.length === 0) return "no task";
  const byTask = new Map(rows.map((row) => [row.task, row]));
  const children = new Map<Task<unknown>, TaskRow[]>();
  for (const row of rows) {
    for (const parent of row.awaitedBy) {
      if (!byTask.has(parent)) continue;
      const list = children.get(parent) ?? [];
      list.push(row);
      children.set(parent, list);
    }
  }
  const lines: string[] = [];
  const shown = new Set<Task<unknown>>();
  const label = (row: TaskRow): string => {
    const coroutine = row.coroutines === null ? "" : ` ${row.coroutines[row.coroutines.length - 1]}`;
    return `${row.name}${coroutine}: ${row.waitsOn}`;
  };
  const walk = (row: TaskRow, prefix: string, last: boolean, root: boolean, ancestors: Set<Task<unknown>>): void => {
    const branch = root ? "" : last ? "└── " : "├── ";
    if (ancestors.has(row.task)) {
      lines.push(`${prefix}${branch}${row.name} (cycle: it awaits a task above it)`);
      return;
    }
    lines.push(`${prefix}${branch}${label(row)}`);
    shown.add(row.task);
    const kids = children.get(row.task) ?? [];
    const next = root ? "" : `${prefix}${last ? "    " : "│   "}`;
    const inner = new Set(ancestors).add(row.task);
    kids.forEach((kid, i) => walk(kid, next, i === kids.length - 1, false, inner));
  };
  for (const row of rows) if (row.awaitedBy.filter((parent) => byTask.has(parent)).length === 0) walk(row, "", true, true, new Set());
  // Tasks only reachable through a cycle have no root: start from the first of each.
  for (const row of rows) if (!shown.has(row.task)) walk(row, "", true, true, new Set());
  return lines.join("\n");
}

function formatTable(header: string[], rows: string[][]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i]!.length)));
  const line = (cells: string[]): string =>
    cells
      .map((cell, i) => (i === cells.length - 1 ? cell : cell.padEnd(widths[i]!)))
      .join("  ")
      .trimEnd();
  return [line(header), ...rows.map(line)].join("\n");
}
