/**
 * A Timeline as a self-contained HTML page: an inline SVG with a time axis, the loop's
 * lane (idle time shaded, callbacks, timers firing) and one lane per task (a bar for
 * each step, its waits as gaps labelled with what it waited on). Hovering anything shows
 * its details: natively through SVG `<title>`, and in a box under the picture through a
 * few lines of inline script. Nothing is loaded from elsewhere.
 */
import {
  type Timeline,
  type TimelineClock,
  type TimelineStep,
  type TimelineTask,
  formatDuration,
  formatSeconds,
  laneName,
  onClock,
  positiveInteger,
} from "./timeline";

/** Options of `timelineHtml` and `TimelineRecorder.toHtml`. */
export interface TimelineHtmlOptions {
  /** The page's title and heading; default "asyncio-ts timeline". */
  title?: string;
  /** A paragraph under the heading. */
  caption?: string;
  /** The clock the picture is drawn on; default "loop" (virtual seconds on a VirtualClock). */
  clock?: TimelineClock;
  /** Width in pixels of the time axis; default 960. */
  width?: number;
  /** The most task lanes drawn (the first tasks spawned); default 40. */
  maxLanes?: number;
  /** The most bars and gaps drawn, in all lanes; default 5 000. */
  maxItems?: number;
}

const GUTTER = 200;
const RIGHT = 28;
const AXIS = 34;
const LANE = 34;
const BAR = 18;
/** Pixels per character of an 11px sans-serif label, to decide what fits. */
const CHAR = 6.2;
const MIN_BAR = 3;
const READY = "ready (yielded)";

/**
 * `timeline` as a self-contained HTML page with an SVG timeline: a time axis in seconds;
 * the loop's lane, with its idle spans shaded and labelled with what it waited for, its
 * callbacks as short slices and its timers firing as marks; one lane per task in spawn
 * order, with a thin line for its life, a bar for each step (at least 3 px wide, so the
 * instant steps of a VirtualClock show), and its waits as gaps labelled with what it
 * waited on. A step's tooltip gives the task, the step number, its start and end, what
 * the task then waited on, and the coroutine chain when the recorder captured one.
 * Lanes past `maxLanes` and items past `maxItems` are left out, and the page says so.
 *
 * @throws RangeError for `{ clock: "wall" }` when the timeline has no wall times, or for
 * a width or cap that is not a positive whole number.
 */
export function timelineHtml(timeline: Timeline, options: TimelineHtmlOptions = {}): string {
  const clock = options.clock ?? "loop";
  const t = onClock(timeline, clock);
  const width = positiveInteger(options.width ?? 960, "timeline width");
  const maxLanes = positiveInteger(options.maxLanes ?? 40, "timeline maxLanes");
  const title = options.title ?? "asyncio-ts timeline";
  const picture = new Picture(t, width, positiveInteger(options.maxItems ?? 5_000, "timeline maxItems"));
  const tasks = t.tasks.slice(0, maxLanes);

  picture.axis(clock === "wall" ? "wall time (s)" : timeline.loopClock === "virtual" ? "loop time (s, virtual)" : "loop time (s)", tasks.length + 1);
  picture.loopLane();
  tasks.forEach((task, i) => picture.taskLane(task, i + 1));

  const notes: string[] = [];
  if (t.tasks.length > tasks.length) notes.push(`${t.tasks.length - tasks.length} more tasks are not drawn (maxLanes ${maxLanes}).`);
  if (picture.leftOut > 0) notes.push(`${picture.leftOut} bars and gaps are not drawn (maxItems ${picture.maxItems}).`);
  const { tasks: dt, steps: ds, spans: dsp, marks: dm } = t.dropped;
  if (dt + ds + dsp + dm > 0) {
    notes.push(`The recorder reached its caps and did not record ${dt} tasks, ${ds} steps, ${dsp} idle spans or callbacks and ${dm} marks.`);
  }

  return [
    "<!doctype html>",
    '<html lang="en"><head><meta charset="utf-8">',
    `<title>${escape(title)}</title>`,
    `<style>${STYLE}</style>`,
    "</head><body>",
    `<h1>${escape(title)}</h1>`,
    options.caption === undefined ? "" : `<p class="caption">${escape(options.caption)}</p>`,
    `<p class="summary">${escape(summary(t, clock))}</p>`,
    picture.svg(),
    LEGEND,
    ...notes.map((note) => `<p class="note">${escape(note)}</p>`),
    '<pre id="info">Hover a bar, a gap or a lane name for its details.</pre>',
    `<script>${SCRIPT}</script>`,
    "</body></html>",
    "",
  ].join("\n");
}

/** The SVG, drawn lane by lane. */
class Picture {
  readonly maxItems: number;
  leftOut = 0;
  private readonly _t: Timeline;
  private readonly _width: number;
  private readonly _span: number;
  private readonly _out: string[] = [];
  private _items = 0;
  private _lanes = 0;

  constructor(t: Timeline, width: number, maxItems: number) {
    this._t = t;
    this._width = width;
    this._span = t.end > t.begin ? t.end - t.begin : 1;
    this.maxItems = maxItems;
  }

  svg(): string {
    const width = GUTTER + this._width + RIGHT;
    const height = AXIS + this._lanes * LANE + 8;
    return [
      `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">`,
      '<defs><pattern id="hatch" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">',
      '<rect width="6" height="6" fill="#eeeeee"/><line x1="0" y1="0" x2="0" y2="6" stroke="#cfcfcf" stroke-width="2"/></pattern></defs>',
      ...this._out,
      "</svg>",
    ].join("\n");
  }

  axis(name: string, lanes: number): void {
    const { begin, end } = this._t;
    const step = niceStep(this._span / 10);
    const decimals = Math.max(0, -Math.floor(Math.log10(step) + 1e-9));
    const bottom = AXIS + lanes * LANE;
    const out = this._out;
    out.push('<g class="axis">', `<text x="8" y="${AXIS - 14}" class="axis-name">${escape(name)}</text>`);
    for (let i = Math.ceil(begin / step - 1e-9); i * step <= (end > begin ? end : begin + 1) + 1e-9; i++) {
      const x = round(this._x(i * step));
      out.push(`<line class="grid" x1="${x}" y1="${AXIS - 6}" x2="${x}" y2="${bottom}"/>`);
      out.push(`<text x="${x}" y="${AXIS - 12}" text-anchor="middle">${(i * step).toFixed(decimals)}</text>`);
    }
    out.push("</g>");
  }

  loopLane(): void {
    const top = this._lane("loop", "callbacks, timers, idle", "The event loop's own work: its callbacks, its timers firing, and the time it waited with nothing ready.");
    const y = top + (LANE - BAR) / 2;
    for (const span of this._t.idle) {
      this._item(`${span.label}\n${times(span.begin, span.end)}`, () => this._box(span.begin, span.end, y, "idle", span.label, 0));
    }
    for (const span of this._t.callbacks) {
      this._item(`callback: ${span.label}\n${times(span.begin, span.end)}`, () => this._box(span.begin, span.end, y, "cb", null, 1.5));
    }
    for (const mark of this._t.marks) {
      if (mark.kind !== "timer fired" && mark.kind !== "host wakeup") continue;
      const x = round(this._x(mark.at));
      const cls = mark.kind === "timer fired" ? "timer" : "host";
      this._item(`${mark.label}\nt=${formatSeconds(mark.at)}`, () => `<path class="${cls}" d="M${x - 4} ${top + 1}h8l-4 6z"/>`);
    }
  }

  taskLane(task: TimelineTask, index: number): void {
    const outcome = task.outcome === null ? "still pending at the end" : task.outcome;
    const sub = [task.coroutine, outcome].filter((part) => part !== null).join(" · ");
    const about = [
      `${laneName(task)}: ${task.steps.length} steps, ${outcome}`,
      `spawned at t=${formatSeconds(task.spawned)}${task.parent === null ? "" : ` by ${task.parent}`}`,
      task.exited === null ? "had not finished when the recording ended" : `finished at t=${formatSeconds(task.exited)}`,
      `ran for ${formatDuration(task.steps.reduce((sum, step) => sum + (step.end - step.begin), 0))} in all`,
    ].join("\n");
    const top = this._lane(task.name, sub, about);
    const y = top + (LANE - BAR) / 2;
    const lifeEnd = task.exited ?? this._t.end;
    this._out.push(`<line class="life" x1="${round(this._x(task.spawned))}" y1="${top + LANE / 2}" x2="${round(this._x(lifeEnd))}" y2="${top + LANE / 2}"/>`);
    const steps = task.steps;
    if (steps.length > 0 && steps[0]!.begin > task.spawned) {
      const first = steps[0]!;
      this._item(`${task.name} is scheduled: spawned, its first step not yet run\n${times(task.spawned, first.begin)}`, () =>
        this._box(task.spawned, first.begin, y, "ready", "scheduled, waiting for its turn", 0),
      );
    }
    // The gaps first, the steps over them: on a VirtualClock a step is an instant, drawn
    // MIN_BAR wide across the boundary it shares with its gaps.
    steps.forEach((step, i) => {
      if (step.waitingOn === null) return;
      const next = i + 1 < steps.length ? steps[i + 1]!.begin : lifeEnd;
      const what = step.waitingOn;
      const tip = `${task.name} waits on ${what}\n${times(step.end, next)}`;
      this._item(tip, () => this._box(step.end, next, y, what === READY ? "ready" : "wait", what, 0));
    });
    for (const step of steps) {
      const last = step.waitingOn === null;
      const cls = last && task.outcome === "failed" ? "step failed" : last && task.outcome === "cancelled" ? "step cancelled" : "step";
      this._item(stepTip(task, step), () => this._box(step.begin, step.end, y, cls, null, MIN_BAR));
    }
  }

  /** A lane's background and its name in the gutter; returns its top. */
  private _lane(name: string, sub: string, about: string): number {
    const top = AXIS + this._lanes * LANE;
    const out = this._out;
    if (this._lanes % 2 === 0) out.push(`<rect class="row" x="0" y="${top}" width="${GUTTER + this._width + RIGHT}" height="${LANE}"/>`);
    out.push(
      `<g class="tip"><title>${escape(about)}</title>`,
      `<text class="lane-name" x="8" y="${top + 14}">${escape(fit(name, GUTTER - 16, CHAR + 0.8) || name.slice(0, 1))}</text>`,
      `<text class="sub" x="8" y="${top + 27}">${escape(fit(sub, GUTTER - 16, CHAR - 0.4))}</text></g>`,
    );
    this._lanes++;
    return top;
  }

  /** One hoverable item, unless the budget is spent. */
  private _item(tip: string, draw: () => string): void {
    if (this._items >= this.maxItems) {
      this.leftOut++;
      return;
    }
    this._items++;
    this._out.push(`<g class="tip"><title>${escape(tip)}</title>${draw()}</g>`);
  }

  /** A box from `begin` to `end`, at least `minWidth` wide, with `label` inside if it fits. */
  private _box(begin: number, end: number, y: number, cls: string, label: string | null, minWidth: number): string {
    let x0 = this._x(begin);
    let w = this._x(end) - x0;
    if (w < minWidth) {
      x0 -= (minWidth - w) / 2;
      w = minWidth;
    }
    const box = `<rect class="${cls}" x="${round(x0)}" y="${y}" width="${round(w)}" height="${BAR}" rx="2"/>`;
    const text = label === null ? "" : fit(label, w - 8, CHAR);
    if (text === "") return box;
    return `${box}<text class="label" x="${round(x0 + w / 2)}" y="${y + BAR / 2 + 4}" text-anchor="middle">${escape(text)}</text>`;
  }

  private _x(time: number): number {
    return GUTTER + ((time - this._t.begin) / this._span) * this._width;
  }
}

function stepTip(task: TimelineTask, step: TimelineStep): string {
  const lines = [
    `${laneName(task)}, step ${step.index} of ${task.steps.length}`,
    times(step.begin, step.end),
    `then waited on: ${step.waitingOn ?? `nothing: the task ${task.outcome ?? "finished"}`}`,
  ];
  if (step.chain.length > 0) {
    lines.push("coroutine chain, innermost first (where this step last scheduled a timer or spawned a task):");
    for (const frame of step.chain) lines.push(`  ${frame}`);
  } else {
    lines.push("coroutine chain: not known (this step scheduled no timer and spawned no task; a suspended generator cannot be asked where it waits)");
  }
  return lines.join("\n");
}

function summary(t: Timeline, clock: TimelineClock): string {
  const steps = t.tasks.reduce((sum, task) => sum + task.steps.length, 0);
  const busy = t.tasks.reduce((sum, task) => sum + task.steps.reduce((s, step) => s + (step.end - step.begin), 0), 0);
  const idle = t.idle.reduce((sum, span) => sum + (span.end - span.begin), 0);
  const length = t.end - t.begin;
  const on = clock === "wall" ? "wall time" : t.loopClock === "virtual" ? "loop time on a VirtualClock (virtual seconds)" : "loop time";
  const share = length > 0 ? ` (${Math.round((idle / length) * 100)}%)` : "";
  return (
    `${t.tasks.length} tasks, ${steps} steps; ${on} from t=${formatSeconds(t.begin)} to t=${formatSeconds(t.end)} (${formatDuration(length)}); ` +
    `task steps ran for ${formatDuration(busy)}, the loop was idle for ${formatDuration(idle)}${share}.`
  );
}

function times(begin: number, end: number): string {
  return `t=${formatSeconds(begin)} → ${formatSeconds(end)} (${formatDuration(end - begin)})`;
}

/** 1, 2 or 5 times a power of ten, at least `raw`. */
function niceStep(raw: number): number {
  const power = 10 ** Math.floor(Math.log10(raw));
  for (const m of [1, 2, 5]) if (m * power >= raw - 1e-12) return m * power;
  return 10 * power;
}

/** `text` cut to `px` pixels with an ellipsis; empty when not even a few characters fit. */
function fit(text: string, px: number, char: number): string {
  const room = Math.floor(px / char);
  if (text.length <= room) return text;
  return room >= 5 ? `${text.slice(0, room - 1)}…` : "";
}

function round(n: number): number {
  return Math.round(n * 10) / 10;
}

function escape(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

const STYLE = [
  "body{font:13px system-ui,-apple-system,'Segoe UI',sans-serif;margin:16px;color:#222;background:#fff}",
  "h1{font-size:18px;margin:0 0 6px}p{margin:4px 0;max-width:1150px}.summary{color:#444}.note{color:#a04000}",
  "svg{display:block;margin:12px 0 6px}svg text{font:11px system-ui,-apple-system,'Segoe UI',sans-serif;fill:#333}",
  ".lane-name{font-weight:600;font-size:12px}.sub{fill:#777;font-size:10.5px}.axis text{fill:#555}.axis-name{font-style:italic}",
  ".grid{stroke:#e3e3e3}.row{fill:#123;fill-opacity:.035}.life{stroke:#aab2bf;stroke-width:1}",
  ".step{fill:#2f6fdb}.step.failed{fill:#c62828}.step.cancelled{fill:#888}",
  ".wait{fill:#e4ecf9;stroke:#c3d2ee}.ready{fill:#fff3c4;stroke:#e9d57e}.idle{fill:url(#hatch);stroke:#c4c4c4}",
  ".cb{fill:#e8912d}.timer{fill:#d33}.host{fill:#7b3fb5}.label{fill:#3e4d6b;font-style:italic}",
  ".tip:hover rect{opacity:.8}.legend span{display:inline-block;margin-right:14px}",
  ".legend i{display:inline-block;width:14px;height:10px;margin-right:4px;vertical-align:-1px;border-radius:2px}",
  "#info{background:#f6f7f9;border:1px solid #dde;padding:6px 8px;min-height:3em;max-width:1150px;white-space:pre-wrap;font-size:12px}",
].join("\n");

const LEGEND = [
  '<p class="legend">',
  '<span><i style="background:#2f6fdb"></i>a step (the coroutine running)</span>',
  '<span><i style="background:#e4ecf9;border:1px solid #c3d2ee"></i>waiting, on what the label says</span>',
  '<span><i style="background:#fff3c4;border:1px solid #e9d57e"></i>ready, waiting for its turn</span>',
  '<span><i style="background:repeating-linear-gradient(45deg,#eee 0 3px,#cfcfcf 3px 5px)"></i>the loop idle</span>',
  '<span><i style="background:#e8912d"></i>a callback</span>',
  '<span><i style="background:#d33;width:8px"></i>a timer firing</span>',
  "</p>",
].join("");

const SCRIPT =
  'const info=document.getElementById("info");' +
  'document.querySelector("svg").addEventListener("mouseover",(event)=>{' +
  'const item=event.target.closest(".tip");' +
  'if(item)info.textContent=item.querySelector("title").textContent;});';
