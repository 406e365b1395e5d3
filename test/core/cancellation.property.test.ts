/**
 * Cancellation safety: random trees of gather / wait / waitFor / shield / TaskGroup /
 * timeout, with random tasks cancelled at random moments, always end with every task
 * done, no live timer in the heap and nothing left in the ready queue, and with an
 * outcome the tree can produce.
 */
import * as asyncio from "asyncio-ts";
import fc from "fast-check";
import { expect, test } from "vitest";

type Node =
  | { kind: "leaf"; delay: number; fails: boolean }
  | { kind: "gather"; children: Node[]; returnExceptions: boolean }
  | { kind: "wait"; children: Node[]; timeout: number | null; firstCompleted: boolean }
  | { kind: "waitFor"; child: Node; timeout: number }
  | { kind: "shield"; child: Node }
  | { kind: "group"; children: Node[] }
  | { kind: "timeout"; child: Node; delay: number };

const delay = fc.integer({ min: 0, max: 6 }).map((d) => d / 2);

const { node } = fc.letrec<{ node: Node }>((tie) => ({
  node: fc.oneof(
    { depthSize: "small", withCrossShrink: true },
    fc.record({ kind: fc.constant("leaf" as const), delay, fails: fc.boolean() }),
    fc.record({ kind: fc.constant("gather" as const), children: fc.array(tie("node"), { minLength: 1, maxLength: 3 }), returnExceptions: fc.boolean() }),
    fc.record({
      kind: fc.constant("wait" as const),
      children: fc.array(tie("node"), { minLength: 1, maxLength: 3 }),
      timeout: fc.option(delay, { nil: null }),
      firstCompleted: fc.boolean(),
    }),
    fc.record({ kind: fc.constant("waitFor" as const), child: tie("node"), timeout: delay }),
    fc.record({ kind: fc.constant("shield" as const), child: tie("node") }),
    fc.record({ kind: fc.constant("group" as const), children: fc.array(tie("node"), { minLength: 1, maxLength: 3 }) }),
    fc.record({ kind: fc.constant("timeout" as const), child: tie("node"), delay }),
  ),
}));

class LeafError extends Error {}

function* run(n: Node): asyncio.Coroutine<unknown> {
  switch (n.kind) {
    case "leaf":
      yield* asyncio.sleep(n.delay);
      if (n.fails) throw new LeafError("leaf failed");
      return n.delay;
    case "gather":
      return yield* asyncio.gather(...n.children.map(run), { returnExceptions: n.returnExceptions });
    case "wait": {
      const tasks = n.children.map((c) => asyncio.createTask(run(c)));
      const [done] = yield* asyncio.wait(tasks, {
        timeout: n.timeout,
        returnWhen: n.firstCompleted ? asyncio.FIRST_COMPLETED : asyncio.ALL_COMPLETED,
      });
      for (const t of done) if (!t.cancelled()) t.exception();
      return done.size;
    }
    case "waitFor":
      return yield* asyncio.waitFor(run(n.child), n.timeout);
    case "shield":
      return yield* asyncio.shield(run(n.child));
    case "group":
      return yield* asyncio.asyncWith(new asyncio.TaskGroup(), function* (tg) {
        for (const c of n.children) tg.createTask(run(c));
      });
    case "timeout":
      return yield* asyncio.asyncWith(asyncio.timeout(n.delay), function* () {
        return yield* run(n.child);
      });
  }
}

function isExpectedError(error: unknown): boolean {
  if (error instanceof asyncio.ExceptionGroup) return error.exceptions.every(isExpectedError);
  return error instanceof LeafError || error instanceof asyncio.CancelledError || error instanceof asyncio.TimeoutError;
}

/** True if a leaf fails or a deadline can pass somewhere in the tree. */
function canFail(n: Node): boolean {
  switch (n.kind) {
    case "leaf":
      return n.fails;
    case "gather":
    case "group":
      return n.children.some(canFail);
    case "wait":
      return n.timeout !== null || n.children.some(canFail);
    case "shield":
      return canFail(n.child);
    case "waitFor":
    case "timeout":
      return true;
  }
}

test("any cancellation anywhere leaves no task, timer or ready callback behind", () => {
  fc.assert(
    fc.property(node, fc.array(fc.tuple(delay, fc.nat()), { maxLength: 4 }), (tree, cancellations) => {
      const loop = asyncio.newEventLoop({ clock: new asyncio.VirtualClock() });
      const created: asyncio.Task<unknown>[] = [];
      loop.setTaskFactory((l, coro, options) => {
        const task = new asyncio.Task(coro, options, l);
        created.push(task);
        return task;
      });
      const reported: unknown[] = [];
      loop.setExceptionHandler((_, context) => reported.push(context.exception));
      const root = loop.createTask(run(tree));
      // Cancel random tasks at random moments: whatever is alive then.
      for (const [when, pick] of cancellations) {
        loop.callLater(when, () => {
          const alive = created.filter((t) => !t.done());
          if (alive.length > 0) alive[pick % alive.length]!.cancel();
        });
      }
      let outcome: unknown = "succeeded";
      try {
        loop.runUntilCompleteSync(root);
      } catch (error) {
        outcome = error;
      }
      // The root ends with a result, or with an error the tree can produce: never with
      // an internal error; and a tree with nothing that fails, times out or is
      // cancelled succeeds.
      if (outcome !== "succeeded") expect(isExpectedError(outcome), String(outcome)).toBe(true);
      if (cancellations.length === 0 && !canFail(tree)) expect(outcome).toBe("succeeded");
      // Shielded work goes on after its awaiter is gone: let everything finish.
      const drained = loop.createFuture();
      loop.callLater(10, () => drained.setResult(undefined));
      loop.runUntilCompleteSync(drained);
      expect(created.filter((t) => !t.done())).toEqual([]);
      expect(asyncio.allTasks(loop).size).toBe(0);
      expect(loop._scheduled.toArray().filter((t) => !t.cancelled())).toEqual([]);
      expect(loop._ready.length).toBe(0);
      expect(reported).toEqual([]);
      loop.close();
    }),
    { numRuns: Number(process.env.FC_RUNS ?? 300) },
  );
});
