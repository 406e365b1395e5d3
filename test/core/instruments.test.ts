/**
 * Instruments hear what the loop does (issue 13, item 5): the order of their events is
 * the loop's order of work, an instrument that throws is removed and reported, and with
 * none installed the loop holds no instrument state.
 */
import * as asyncio from "asyncio-ts";
import { describe, expect, test } from "vitest";

/** An instrument that writes every event as a line. */
function recorder(): { instrument: asyncio.Instrument; events: string[] } {
  const events: string[] = [];
  const name = (task: asyncio.Task<unknown>) => task.getName();
  const instrument: asyncio.Instrument = {
    beforeRun: (loop) => events.push(`run begins at ${loop.time()}`),
    afterRun: (loop) => events.push(`run ends at ${loop.time()}`),
    taskSpawned: (task) => events.push(`spawned ${name(task)}`),
    beforeTaskStep: (task) => events.push(`step ${name(task)}`),
    afterTaskStep: (task, waitingOn) =>
      events.push(`stepped ${name(task)}: ${task.done() ? "done" : waitingOn === null ? "ready" : `waits on ${waitingOn instanceof asyncio.Task ? name(waitingOn) : "a future"}`}`),
    taskExited: (task) => events.push(`exited ${name(task)}`),
    beforeCallback: (callback) => events.push(`callback ${callback instanceof asyncio.Future ? "done callbacks" : callback instanceof asyncio.TimerHandle ? "timer" : "handle"}`),
    timerScheduled: (timer) => events.push(`timer scheduled for ${timer.when()}`),
    timerFired: (timer) => events.push(`timer fired at ${timer.when()}`),
    idleBegin: (loop, deadline) => events.push(`idle at ${loop.time()} until ${deadline}`),
    idleEnd: (loop) => events.push(`awake at ${loop.time()}`),
    hostWakeup: () => events.push("host wakeup"),
  };
  return { instrument, events };
}

describe("the events, in the loop's order", () => {
  test("a task that sleeps, a bare yield, and the main task awaiting it", () => {
    const loop = asyncio.newEventLoop({ clock: new asyncio.VirtualClock() });
    const { instrument, events } = recorder();
    loop.addInstrument(instrument);
    function* child() {
      yield;
      yield* asyncio.sleep(2);
      return "child";
    }
    function* main() {
      return yield* asyncio.createTask(child(), { name: "child" });
    }
    expect(loop.runUntilCompleteSync(loop.createTask(main(), { name: "main" }))).toBe("child");
    loop.close();
    expect(events).toEqual([
      "spawned main",
      "run begins at 0",
      "step main",
      "spawned child",
      "stepped main: waits on child",
      "step child",
      "stepped child: ready",
      "step child",
      "timer scheduled for 2",
      "stepped child: waits on a future",
      "idle at 0 until 2",
      "awake at 2",
      "timer fired at 2",
      "callback timer",
      // The sleep's future is done: its done callbacks wake the child, whose step runs there.
      "callback done callbacks",
      "step child",
      "exited child",
      "stepped child: done",
      "callback done callbacks",
      "step main",
      "exited main",
      "stepped main: done",
      "callback done callbacks",
      "run ends at 2",
    ]);
  });

  test("an eager task's first step is reported inside the step that creates it", () => {
    const loop = asyncio.newEventLoop({ clock: new asyncio.VirtualClock() });
    loop.setTaskFactory(asyncio.eagerTaskFactory);
    const { instrument, events } = recorder();
    function* quick() {
      return 1;
    }
    function* main() {
      loop.addInstrument(instrument);
      return yield* asyncio.createTask(quick(), { name: "quick" });
    }
    expect(loop.runUntilCompleteSync(main())).toBe(1);
    loop.close();
    expect(events.slice(0, 4)).toEqual(["spawned quick", "step quick", "exited quick", "stepped quick: done"]);
  });

  test("host work that wakes a waiting loop is reported, between idle and awake", async () => {
    const events: string[] = [];
    await asyncio.run(
      (function* () {
        asyncio.getRunningLoop().addInstrument({
          idleBegin: (_, deadline) => events.push(`idle until ${deadline}`),
          idleEnd: () => events.push("awake"),
          hostWakeup: () => events.push("host wakeup"),
        });
        const value = yield* asyncio.wrapPromise(new Promise<number>((resolve) => setTimeout(() => resolve(7), 5)));
        events.push(`got ${value}`);
      })(),
    );
    expect(events).toEqual(["idle until null", "host wakeup", "awake", "got 7"]);
  });
});

describe("installing and removing", () => {
  test("an instrument that throws is removed, its error reported, and the program goes on", () => {
    const reports: string[] = [];
    let calls = 0;
    class Faulty {
      beforeTaskStep(): void {
        calls++;
        throw new RangeError("instrument bug");
      }
    }
    const outcome = asyncio.runSync(
      (function* () {
        const loop = asyncio.getRunningLoop();
        loop.setExceptionHandler((_, context) => reports.push(`${context.message}: ${(context.exception as Error).message}`));
        loop.addInstrument(new Faulty());
        yield* asyncio.sleep(0);
        yield* asyncio.sleep(0);
        return loop.instruments.length;
      })(),
    );
    expect(outcome).toBe(0);
    expect(calls).toBe(1);
    expect(reports).toEqual(["Exception in instrument Faulty.beforeTaskStep(); the instrument was removed: instrument bug"]);
  });

  test("adding twice installs once; removing the last leaves no instrument state; bad input is named", () => {
    const loop = asyncio.newEventLoop();
    const instrument: asyncio.Instrument = {};
    loop.addInstrument(instrument);
    loop.addInstrument(instrument);
    expect(loop.instruments).toEqual([instrument]);
    loop.removeInstrument(instrument);
    expect(loop.instruments).toEqual([]);
    expect(loop._instruments).toBeNull();
    expect(() => loop.removeInstrument(instrument)).toThrow(RangeError);
    expect(() => loop.addInstrument(null as never)).toThrow("an instrument must be an object with hook methods, got null");
    loop.close();
  });
});
