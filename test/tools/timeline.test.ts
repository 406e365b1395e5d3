/**
 * Timelines (issue 13, item 6): TimelineRecorder records tasks, steps, waits, callbacks
 * and idle time on the loop's clock, and draws them as Chrome trace events and as an
 * HTML page with an SVG timeline; the demo writes both for the seed's two programs.
 */
import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import * as asyncio from "asyncio-ts";
import { type Browser, chromium } from "playwright-core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { type Timeline, type TimelineTask, type TraceEvent, TimelineRecorder, timelineHtml } from "../../src/tools";

/**
 * The seed's factorial programs without their prints: tasks A and B, each sleeping a
 * second per factor, either blocking the loop (the VirtualClock advanced inside the
 * step, as `time.sleep` holds the thread) or with `asyncio.sleep`.
 */
function seed(kind: "blocking" | "async", options: ConstructorParameters<typeof TimelineRecorder>[0] = {}): TimelineRecorder {
  const clock = new asyncio.VirtualClock();
  const loop = asyncio.newEventLoop({ clock });
  const recorder = new TimelineRecorder(options);
  loop.addInstrument(recorder);
  function* customSleep() {
    if (kind === "blocking") clock.advance(1);
    else yield* asyncio.sleep(1);
  }
  function* factorial(number: number) {
    let f = 1;
    for (let i = 2; i <= number; i++) {
      yield* customSleep();
      f *= i;
    }
    return f;
  }
  const tasks = [loop.createTask(factorial(3), { name: "A" }), loop.createTask(factorial(4), { name: "B" })];
  loop.runUntilCompleteSync(asyncio.wait(tasks));
  loop.close();
  return recorder;
}

function lane(timeline: Timeline, name: string): TimelineTask {
  const task = timeline.tasks.find((t) => t.name === name);
  if (task === undefined) throw new Error(`no lane ${name} in ${timeline.tasks.map((t) => t.name)}`);
  return task;
}

/** The X slices of one thread, in the order the trace lists them. */
function slices(events: TraceEvent[], tid: number, cat?: string): TraceEvent[] {
  return events.filter((e) => e.ph === "X" && e.tid === tid && (cat === undefined || e.cat === cat));
}

describe("the trace-event JSON, on a VirtualClock", () => {
  const trace = JSON.parse(JSON.stringify(seed("async").toTraceEvents())) as { traceEvents: TraceEvent[]; displayTimeUnit: string };
  const events = trace.traceEvents;
  const threads = events.filter((e) => e.ph === "M" && e.name === "thread_name");

  test("parses, with complete slices only, none of negative length", () => {
    expect(trace.displayTimeUnit).toBe("ms");
    expect(events.some((e) => (e.ph as string) === "B" || (e.ph as string) === "E")).toBe(false);
    const xs = events.filter((e) => e.ph === "X");
    expect(xs.length).toBeGreaterThan(10);
    for (const x of xs) expect(x.dur).toBeGreaterThanOrEqual(0);
  });

  test("names one thread for the loop and one per task", () => {
    expect(threads.map((e) => e.args!.name)).toEqual(["loop", "A (factorial)", "B (factorial)", expect.stringMatching(/^Task-\d+/)]);
    expect(new Set(threads.map((e) => e.tid)).size).toBe(4);
  });

  test("a task's steps never overlap, and neither does the loop's own work", () => {
    for (const { tid } of threads) {
      const kinds = tid === 0 ? [undefined] : ["step", "wait"];
      for (const cat of kinds) {
        const own = slices(events, tid, cat);
        for (let i = 1; i < own.length; i++) expect(own[i]!.ts).toBeGreaterThanOrEqual(own[i - 1]!.ts! + own[i - 1]!.dur!);
      }
    }
  });

  test("times are virtual seconds: the program spans 3 s of loop time, and the loop idles through them", () => {
    const ends = events.filter((e) => e.ts !== undefined).map((e) => e.ts! + (e.dur ?? 0));
    expect(Math.max(...ends)).toBe(3_000_000);
    const idle = slices(events, 0, "idle");
    expect(idle.map((e) => [e.ts, e.dur, e.name])).toEqual([
      [0, 1_000_000, "idle until t=1.0"],
      [1_000_000, 1_000_000, "idle until t=2.0"],
      [2_000_000, 1_000_000, "idle until t=3.0"],
    ]);
    const aSteps = slices(events, 1, "step");
    expect(aSteps.map((e) => e.ts)).toEqual([0, 1_000_000, 2_000_000]);
    expect(aSteps[0]!.args).toMatchObject({ task: "A", step: 1, "then waited on": "sleep until t=1.0" });
    expect(slices(events, 1, "wait").map((e) => e.name)).toEqual(["sleep until t=1.0", "sleep until t=2.0"]);
  });

  test("the wall clock is there only when asked for", () => {
    expect(() => seed("async").toTraceEvents({ clock: "wall" })).toThrow("record it with new TimelineRecorder({ wallClock: true })");
    const wall = seed("async", { wallClock: true }).toTraceEvents({ clock: "wall" });
    const xs = wall.traceEvents.filter((e) => e.ph === "X");
    // Virtual seconds take no wall time: the whole program fits in well under one real second.
    expect(Math.max(...xs.map((e) => e.ts! + e.dur!)) - Math.min(...xs.map((e) => e.ts!))).toBeLessThan(1_000_000);
  });
});

describe("the recorded slices", () => {
  test("the blocking program runs as one staircase: all of A, then all of B", () => {
    const t = seed("blocking").timeline();
    const a = lane(t, "A");
    const b = lane(t, "B");
    // Each task's sleeps never leave its one step: A holds the loop from 0 to 2, then B from 2 to 5.
    expect(a.steps.map((s) => [s.begin, s.end])).toEqual([[0, 2]]);
    expect(b.steps.map((s) => [s.begin, s.end])).toEqual([[2, 5]]);
    expect(Math.max(...a.steps.map((s) => s.seq))).toBeLessThan(Math.min(...b.steps.map((s) => s.seq)));
    expect(t.idle.reduce((sum, s) => sum + s.end - s.begin, 0)).toBe(0);
    expect([t.begin, t.end, t.loopClock]).toEqual([0, 5, "virtual"]);
  });

  test("the async program interleaves: A and B take turns, a second apart", () => {
    const t = seed("async").timeline();
    const a = lane(t, "A");
    const b = lane(t, "B");
    const order = [...a.steps.map((s) => ({ s, name: "A" })), ...b.steps.map((s) => ({ s, name: "B" }))].sort((x, y) => x.s.seq - y.s.seq);
    expect(order.map(({ s, name }) => `${name}@${s.begin}`)).toEqual(["A@0", "B@0", "A@1", "B@1", "A@2", "B@2", "B@3"]);
    expect(a.steps.map((s) => s.waitingOn)).toEqual(["sleep until t=1.0", "sleep until t=2.0", null]);
    expect([a.exited, a.outcome, b.exited, b.outcome]).toEqual([2, "returned", 3, "returned"]);
    expect(t.idle.reduce((sum, s) => sum + s.end - s.begin, 0)).toBe(3);
    // Where each step waited: the coroutine chain captured when its sleep armed a timer.
    expect(a.steps[0]!.chain.map((frame) => frame.replace(/ \(.*/, ""))).toEqual(["customSleep", "factorial"]);
    expect(a.coroutine).toBe("factorial");
  });

  test("a wait says what it waits on: a task, a gather, a turn, a future", () => {
    const loop = asyncio.newEventLoop({ clock: new asyncio.VirtualClock() });
    const recorder = new TimelineRecorder();
    loop.addInstrument(recorder);
    function* child(seconds: number) {
      yield;
      yield* asyncio.sleep(seconds);
      return seconds;
    }
    function* main() {
      const first = asyncio.createTask(child(1), { name: "first" });
      yield* first;
      yield* asyncio.gather(asyncio.createTask(child(1), { name: "x" }), asyncio.createTask(child(2), { name: "y" }));
      const future = asyncio.getRunningLoop().createFuture();
      asyncio.getRunningLoop().callLater(1, () => future.setResult(1));
      yield* future;
    }
    loop.runUntilCompleteSync(loop.createTask(main(), { name: "main" }));
    loop.close();
    const t = recorder.timeline();
    expect(lane(t, "main").steps.map((s) => s.waitingOn)).toEqual(["task 'first'", "gather(x, y)", "<Future pending>", null]);
    expect(lane(t, "first").steps.map((s) => s.waitingOn)).toEqual(["ready (yielded)", "sleep until t=1.0", null]);
    expect(lane(t, "x").parent).toBe("main");
    // Spawning the gather's tasks captured main's chain there.
    expect(lane(t, "main").steps[1]!.chain.map((frame) => frame.replace(/ \(.*/, ""))).toEqual(["main"]);
    expect(t.callbacks.map((c) => c.label)).toContain("done callbacks of task 'first': wakes main");
  });

  test("an eager task's first step is recorded inside its creator's, and outcomes are kept without retrieving errors", () => {
    const reports: string[] = [];
    const loop = asyncio.newEventLoop({ clock: new asyncio.VirtualClock() });
    loop.setTaskFactory(asyncio.eagerTaskFactory);
    loop.setExceptionHandler((_, context) => reports.push(context.message));
    const recorder = new TimelineRecorder();
    loop.addInstrument(recorder);
    function* fails() {
      throw new RangeError("boom");
    }
    function* sleeper() {
      yield* asyncio.sleep(10);
    }
    function* main() {
      asyncio.createTask(fails(), { name: "fails" });
      const s = asyncio.createTask(sleeper(), { name: "sleeper" });
      yield* asyncio.sleep(1);
      s.cancel();
      yield* asyncio.sleep(0);
    }
    loop.runUntilCompleteSync(loop.createTask(main(), { name: "main" }));
    loop.close();
    const t = recorder.timeline();
    const [creator, failing, sleeping] = ["main", "fails", "sleeper"].map((name) => lane(t, name));
    expect(failing!.outcome).toBe("failed");
    expect(sleeping!.outcome).toBe("cancelled");
    expect(creator!.outcome).toBe("returned");
    expect(failing!.steps[0]!.seq).toBeLessThan(creator!.steps[0]!.seq); // it ended first, inside main's step
    expect(failing!.parent).toBe("main");
    // The recorder read the outcome without retrieving the error: it is still reported.
    expect(reports).toEqual(["Task exception was never retrieved"]);
  });

  test("on the real clock, steps and waits take real time", async () => {
    const recorder = new TimelineRecorder({ wallClock: true });
    await asyncio.run(
      (function* () {
        asyncio.getRunningLoop().addInstrument(recorder);
        yield* asyncio.gather(
          asyncio.createTask(asyncio.sleep(0.02), { name: "short" }),
          asyncio.createTask(asyncio.sleep(0.04), { name: "long" }),
        );
      })(),
    );
    const t = recorder.timeline();
    expect(t.loopClock).toBe("real");
    const long = lane(t, "long");
    expect(long.exited! - long.spawned).toBeGreaterThanOrEqual(0.035);
    expect(long.wallExited! - long.wallSpawned!).toBeGreaterThanOrEqual(0.035);
    expect(t.idle.length).toBeGreaterThan(0);
  });

  test("caps bound the recording, and the page says what it left out", () => {
    const loop = asyncio.newEventLoop({ clock: new asyncio.VirtualClock() });
    const recorder = new TimelineRecorder({ maxTasks: 3, maxEvents: 30 });
    loop.addInstrument(recorder);
    function* spinner() {
      for (let i = 0; i < 20; i++) yield;
    }
    function* main() {
      yield* asyncio.gather(...Array.from({ length: 6 }, () => spinner()));
    }
    loop.runUntilCompleteSync(main());
    loop.close();
    const t = recorder.timeline();
    // main and the first two spinners are recorded: 2 + 2 × 21 steps, of which 30 are kept.
    expect(t.tasks.length).toBe(3);
    expect(t.dropped.tasks).toBe(4);
    expect(t.tasks.reduce((sum, task) => sum + task.steps.length, 0)).toBe(30);
    expect(t.dropped.steps).toBe(44 - 30);
    const html = timelineHtml(t, { maxLanes: 2, maxItems: 20 });
    expect(html).toContain("1 more tasks are not drawn (maxLanes 2).");
    expect(html).toMatch(/\d+ bars and gaps are not drawn \(maxItems 20\)\./);
    expect(html).toContain("did not record 4 tasks, 14 steps");
    expect((html.match(/class="step/g) ?? []).length).toBeLessThanOrEqual(20);
    expect(() => new TimelineRecorder({ maxEvents: 0 })).toThrow(RangeError);
  });
});

describe("the HTML page", () => {
  const html = seed("async").toHtml({ title: "seed <async>" });

  test("is self-contained, with a lane per task and hover text on every bar", () => {
    expect(html).toMatch(/^<!doctype html>/);
    expect(html).toContain("<title>seed &#60;async&#62;</title>");
    expect(html).not.toMatch(/<link|@import|src=|url\((?!#)|https?:\/\/(?!www\.w3\.org\/2000\/svg)/);
    expect((html.match(/class="lane-name"/g) ?? []).length).toBe(4);
    expect(html).toContain(">A</text>");
    expect(html).toContain(">B</text>");
    expect(html).toContain("A (factorial), step 2 of 3\nt=1.0 → 1.0 (0 s)\nthen waited on: sleep until t=2.0");
    expect(html).toContain("customSleep (timeline.test.ts:");
    expect((html.match(/<rect class="step"/g) ?? []).length).toBe(3 + 4 + 2);
    expect((html.match(/<rect class="idle"/g) ?? []).length).toBe(3);
    expect(html).toContain(">sleep until t=1.0</text>");
  });
});

const CHROMIUM = "/usr/bin/chromium";
const available = existsSync(CHROMIUM);
if (!available) {
  if (process.env.CI) throw new Error(`${CHROMIUM} is missing: .ci/run installs Debian's chromium package before the tests`);
  console.log(`Skipping the timeline's browser test: ${CHROMIUM} is not installed (apt-get install -y chromium)`);
}

describe.skipIf(!available)("in Chromium", () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ["--no-sandbox", "--disable-gpu", "--no-first-run"] });
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
  });

  test("the page renders its bars, and a screenshot of it is not blank", async () => {
    const page = await browser.newPage({ viewport: { width: 1300, height: 500 } });
    await page.setContent(seed("blocking").toHtml());
    const drawn = await page.evaluate(() => {
      const boxes = Array.from(document.querySelectorAll("svg rect.step")).map((r) => r.getBoundingClientRect());
      return { steps: boxes.length, widths: boxes.map((b) => Math.round(b.width)), svg: document.querySelector("svg")!.getBoundingClientRect().width };
    });
    expect(drawn.steps).toBe(4);
    // A's step is 2 s and B's 3 s of the 5 s axis (960 px).
    expect(drawn.widths.slice(0, 2)).toEqual([384, 576]);
    const png = await page.locator("svg").screenshot();
    // Decode the PNG in the browser and count the pixels that are not near white.
    const inked = await page.evaluate(async (base64) => {
      const bitmap = await createImageBitmap(await (await fetch(`data:image/png;base64,${base64}`)).blob());
      const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
      const context = canvas.getContext("2d")!;
      context.drawImage(bitmap, 0, 0);
      const { data } = context.getImageData(0, 0, bitmap.width, bitmap.height);
      let count = 0;
      for (let i = 0; i < data.length; i += 4) if (data[i]! < 200 || data[i + 1]! < 200 || data[i + 2]! < 200) count++;
      return count / (bitmap.width * bitmap.height);
    }, png.toString("base64"));
    expect(inked).toBeGreaterThan(0.05);
    // Hovering a bar shows its details under the picture.
    await page.locator("rect.step").first().hover({ force: true });
    expect(await page.locator("#info").textContent()).toMatch(/^A, step 1 of 1\nt=0\.0 → 2\.0 \(2\.000 s\)\nthen waited on: nothing: the task returned/);
    await page.close();
  });
});

test("the demo with --timeline DIR writes both programs' trace and page", () => {
  const root = resolve(import.meta.dirname, "..", "..");
  const dir = mkdtempSync(join(tmpdir(), "asyncio-ts-timeline-"));
  try {
    const out = execFileSync(process.execPath, ["--import", "tsx", "examples/demo.ts", "--virtual", "--timeline", dir], { cwd: root }).toString();
    expect(out).toMatch(/took 3\.00 s instead of 5\.00 s/);
    for (const name of ["seed-blocking", "seed-async"]) {
      const trace = JSON.parse(readFileSync(join(dir, `${name}.json`), "utf8")) as { traceEvents: TraceEvent[] };
      expect(trace.traceEvents.filter((e) => e.ph === "M" && e.name === "thread_name").length).toBe(4);
      expect(readFileSync(join(dir, `${name}.html`), "utf8")).toContain("<svg");
    }
    // The async program runs after the blocking one, on the same virtual clock: t=5 to t=8.
    const asyncTrace = JSON.parse(readFileSync(join(dir, "seed-async.json"), "utf8")) as { traceEvents: TraceEvent[] };
    const idle = asyncTrace.traceEvents.filter((e) => e.cat === "idle").map((e) => e.ts);
    expect(idle).toEqual([5_000_000, 6_000_000, 7_000_000]);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
