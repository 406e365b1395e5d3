/** Invariants of the loop's data structures and timer order, checked by fast-check. */
import * as asyncio from "asyncio-ts";
import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { ReadyQueue } from "../../src/core/readyqueue";
import { TimerHeap } from "../../src/core/timerheap";

describe("ReadyQueue", () => {
  test("behaves as a FIFO array under any mix of pushes and shifts", () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.integer(), fc.constant(null)), { maxLength: 300 }), (ops) => {
        const queue = new ReadyQueue<number>();
        const model: number[] = [];
        for (const op of ops) {
          if (op === null) {
            if (model.length > 0) expect(queue.shift()).toBe(model.shift());
          } else {
            queue.push(op);
            model.push(op);
          }
          expect(queue.length).toBe(model.length);
        }
        expect(queue.toArray()).toEqual(model);
      }),
    );
  });
});

describe("TimerHeap", () => {
  interface Entry {
    _when: number;
    _seq: number;
    _cancelled: boolean;
  }
  test("pops by deadline then scheduling order, timers of one delay in runs or not, whatever the clock does, with lazy cancellation and compaction", () => {
    const op = fc.oneof(
      fc.record({ after: fc.integer({ min: 0, max: 5 }) }),
      fc.record({ at: fc.integer({ min: 0, max: 40 }) }),
      fc.record({ tick: fc.integer({ min: -3, max: 4 }) }),
      fc.record({ pop: fc.constant(true) }),
      fc.record({ cancel: fc.nat() }),
      fc.record({ compact: fc.constant(true) }),
    );
    fc.assert(
      fc.property(fc.array(op, { maxLength: 300 }), (ops) => {
        const heap = new TimerHeap<Entry>();
        let live: Entry[] = [];
        let seq = 0;
        // A clock that mostly moves forward, sometimes stands still, and sometimes goes back
        // (a custom Clock may): a run must never fire out of order.
        let now = 10;
        const byOrder = (a: Entry, b: Entry) => a._when - b._when || a._seq - b._seq;
        for (const o of ops) {
          if ("after" in o) {
            const e = { _when: now + o.after, _seq: seq++, _cancelled: false };
            heap.push(e, o.after);
            live.push(e);
          } else if ("at" in o) {
            const e = { _when: o.at, _seq: seq++, _cancelled: false };
            heap.push(e);
            live.push(e);
          } else if ("tick" in o) {
            now += o.tick;
          } else if ("cancel" in o) {
            if (live.length > 0) {
              const e = live[o.cancel % live.length]!;
              e._cancelled = true;
              live = live.filter((x) => x !== e);
            }
          } else if ("compact" in o) {
            heap.compact();
            expect(heap.length).toBe(live.length);
            expect(new Set(heap.toArray())).toEqual(new Set(live));
          } else {
            let top = heap.pop();
            while (top?._cancelled) top = heap.pop();
            const expected = [...live].sort(byOrder)[0];
            expect(top).toBe(expected);
            if (expected) live = live.filter((x) => x !== expected);
          }
          expect(heap.peek() === undefined).toBe(heap.length === 0);
        }
        // Drained, in order, to the last.
        const rest: Entry[] = [];
        for (let top = heap.pop(); top !== undefined; top = heap.pop()) if (!top._cancelled) rest.push(top);
        expect(rest).toEqual([...live].sort(byOrder));
        expect(heap.length).toBe(0);
      }),
      { numRuns: 300 },
    );
  });

  test("a run long spent drops its spent part and keeps its order", () => {
    const heap = new TimerHeap<Entry>();
    const all: Entry[] = [];
    for (let i = 0; i < 5000; i++) {
      const e = { _when: i + 1, _seq: i, _cancelled: false };
      heap.push(e, 1);
      all.push(e);
    }
    for (let i = 0; i < 3000; i++) expect(heap.pop()).toBe(all[i]);
    expect(heap.toArray()).toEqual(all.slice(3000));
    // The run's array holds what is left, not the 3 000 slots already fired.
    const runs = (heap as unknown as { _runs: { items: unknown[] }[] })._runs;
    expect(runs[0]!.items.length).toBeLessThan(3000);
    const late = { _when: 6000, _seq: 5000, _cancelled: false };
    heap.push(late, 1);
    for (let i = 3000; i < 5000; i++) expect(heap.pop()).toBe(all[i]);
    expect(heap.pop()).toBe(late);
    expect(heap.pop()).toBe(undefined);
  });
});

describe("the loop's timers", () => {
  test("fire in (deadline, scheduling) order, cancelled ones never, and none is left behind", () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ delay: fc.integer({ min: 0, max: 10 }), cancel: fc.boolean() }), { maxLength: 150 }),
        (timers) => {
          const fired: number[] = [];
          const leftover = asyncio.runSync(
            (function* () {
              const loop = asyncio.getRunningLoop();
              const handles = timers.map((t, i) => loop.callLater(t.delay / 10, () => fired.push(i)));
              timers.forEach((t, i) => t.cancel && handles[i]!.cancel());
              yield* asyncio.sleep(2);
              return loop._scheduled.length;
            })(),
            { clock: new asyncio.VirtualClock() },
          );
          const expected = timers
            .map((t, i) => ({ ...t, i }))
            .filter((t) => !t.cancel)
            .sort((a, b) => a.delay - b.delay || a.i - b.i)
            .map((t) => t.i);
          expect(fired).toEqual(expected);
          expect(leftover).toBe(0);
        },
      ),
    );
  });
});
