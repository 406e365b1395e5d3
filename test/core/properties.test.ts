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
    _scheduled: boolean;
  }
  test("pops by deadline then scheduling order, with lazy cancellation and compaction", () => {
    const op = fc.oneof(
      fc.record({ push: fc.integer({ min: 0, max: 20 }) }),
      fc.record({ pop: fc.constant(true) }),
      fc.record({ cancel: fc.nat() }),
      fc.record({ compact: fc.constant(true) }),
    );
    fc.assert(
      fc.property(fc.array(op, { maxLength: 200 }), (ops) => {
        const heap = new TimerHeap<Entry>();
        let live: Entry[] = [];
        let seq = 0;
        const byOrder = (a: Entry, b: Entry) => a._when - b._when || a._seq - b._seq;
        for (const o of ops) {
          if ("push" in o) {
            const e = { _when: o.push, _seq: seq++, _cancelled: false, _scheduled: true };
            heap.push(e);
            live.push(e);
          } else if ("cancel" in o) {
            if (live.length > 0) {
              const e = live[o.cancel % live.length]!;
              e._cancelled = true;
              live = live.filter((x) => x !== e);
            }
          } else if ("compact" in o) {
            heap.compact();
            expect(heap.length).toBe(live.length);
          } else {
            let top = heap.pop();
            while (top?._cancelled) top = heap.pop();
            const expected = [...live].sort(byOrder)[0];
            expect(top).toBe(expected);
            if (expected) live = live.filter((x) => x !== expected);
          }
        }
      }),
    );
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
