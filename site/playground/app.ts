/**
 * The playground page: a CodeMirror editor, the controls, and the views of the loop —
 * ready queue, timer heap, one lane per task, console, timeline — drawn from the
 * snapshots the worker (worker.ts) sends after each step.
 *
 * URL: `?example=NAME` loads an example, `&run=1` runs it, `&clock=real` runs in real
 * time, `&speed=MS` sets the delay between callbacks (0: as fast as it goes),
 * `&watchdog=MS` how long the worker may stay silent while running; `#code=…` is a shared
 * program (its source, deflated and base64url-encoded).
 */
import { javascript } from "@codemirror/lang-javascript";
import { type Diagnostic, setDiagnostics } from "@codemirror/lint";
import { EditorView, basicSetup } from "codemirror";
import { timelineHtml } from "../../src/tools/timeline-html";
import { EXAMPLES } from "./examples";
import type { ClockKind, FromWorker, Snapshot, Status, ToWorker } from "./protocol";
import type { TypeCheckRequest, TypeCheckResult } from "./typecheck";

const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;
const params = new URLSearchParams(location.search);
const WATCHDOG_MS = Number(params.get("watchdog") ?? 3000);

const ui = {
  example: $<HTMLSelectElement>("example"),
  clock: $<HTMLSelectElement>("clock"),
  speed: $<HTMLSelectElement>("speed"),
  run: $<HTMLButtonElement>("run"),
  pause: $<HTMLButtonElement>("pause"),
  stepCallback: $<HTMLButtonElement>("step-callback"),
  stepIteration: $<HTMLButtonElement>("step-iteration"),
  reset: $<HTMLButtonElement>("reset"),
  share: $<HTMLButtonElement>("share"),
  error: $<HTMLPreElement>("error"),
  types: $<HTMLPreElement>("types"),
  console: $<HTMLPreElement>("console"),
  status: $("status"),
  banner: $("banner"),
  ready: $<HTMLOListElement>("ready-queue"),
  timers: $<HTMLOListElement>("timer-heap"),
  lanes: $("lanes"),
  timeline: $<HTMLIFrameElement>("timeline"),
};

for (const name of Object.keys(EXAMPLES)) ui.example.add(new Option(name, name));
ui.example.add(new Option("(your program)", ""));
if (params.get("clock") === "real") ui.clock.value = "real";
if (params.has("speed")) {
  const speed = params.get("speed")!;
  if (![...ui.speed.options].some((o) => o.value === speed)) ui.speed.add(new Option(`${speed} ms between callbacks`, speed));
  ui.speed.value = speed;
}

const editor = new EditorView({
  doc: "",
  extensions: [basicSetup, javascript({ typescript: true }), EditorView.updateListener.of((u) => u.docChanged && onEdit())],
  parent: $("editor"),
});

function source(): string {
  return editor.state.doc.toString();
}

function setSource(text: string): void {
  editor.dispatch({ changes: { from: 0, to: editor.state.doc.length, insert: text } });
}

// ---- the worker and its watchdog ----

let worker: Worker | null = null;
/** The source the worker runs, to know when the editor has moved on. */
let loaded: string | null = null;
let status: Status | "loading" | "compile error" | "stopped" = "loading";
/** True while the worker owes an answer (running, or a step asked for). */
let busy = false;
let lastHeard = 0;
let lastBegin: { label: string; task: string | null } | null = null;
let lastSnapshot: Snapshot | null = null;
let timelineDrawn = 0;
/** State messages received from this worker and the ones before it. */
let states = 0;
let timelineTimer: ReturnType<typeof setTimeout> | undefined;

function send(message: ToWorker): void {
  worker?.postMessage(message);
}

function delay(): number {
  return Number(ui.speed.value);
}

function start(): void {
  worker?.terminate();
  worker = new Worker(new URL("./worker.js", import.meta.url), { type: "module" });
  worker.onmessage = (event: MessageEvent<FromWorker>) => onMessage(event.data);
  worker.onerror = (event) => showError(`The worker failed: ${event.message}`, null);
  loaded = source();
  // Loading runs the program's top level: the watchdog watches that too.
  busy = true;
  lastHeard = performance.now();
  lastBegin = null;
  lastSnapshot = null;
  status = "loading";
  ui.console.textContent = "";
  ui.error.hidden = true;
  errorMarks = [];
  showMarks();
  typeCheck(0);
  render(null);
  send({ type: "load", source: loaded, clock: ui.clock.value as ClockKind });
}

setInterval(() => {
  if (!busy || worker === null || performance.now() - lastHeard < WATCHDOG_MS) return;
  worker.terminate();
  worker = null;
  busy = false;
  status = "stopped";
  const who = lastBegin === null ? "the program's top level" : lastBegin.task !== null ? `task '${lastBegin.task}'` : lastBegin.label;
  const seconds = ((performance.now() - lastHeard) / 1000).toFixed(1);
  showError(
    `Stopped by the watchdog: ${who} ran for ${seconds} s without yielding to the event loop ` +
      `(its step never reached a yield*, so nothing else could run). The worker was terminated; press Reset to start again.`,
    null,
  );
  renderStatus();
}, 250);

function onMessage(message: FromWorker): void {
  lastHeard = performance.now();
  switch (message.type) {
    case "ready":
    case "compiled":
      break;
    case "console":
      appendConsole(message.text, message.level);
      break;
    case "begin":
      lastBegin = { label: message.label, task: message.task };
      break;
    case "blocking":
      freeze(message.task, message.seconds);
      break;
    case "state":
      ui.status.dataset.seq = String(++states); // tests wait on it: one more state, one more answer
      status = message.status;
      busy = status === "running" || status === "sleeping";
      lastSnapshot = message.snapshot;
      render(message.snapshot);
      break;
    case "error":
      if (message.phase === "compile") {
        status = "compile error";
        busy = false;
      }
      showError(message.message, message.line, message.column);
      if (message.phase === "runtime") appendConsole(message.message, "error");
      renderStatus();
      break;
  }
}

function appendConsole(text: string, level: string): void {
  const line = document.createElement("div");
  line.className = level;
  line.textContent = text;
  ui.console.append(line);
  ui.console.scrollTop = ui.console.scrollHeight;
}

/** The editor's marks: the run's error (compile or runtime) and the type checker's findings. */
let errorMarks: Diagnostic[] = [];
let typeMarks: Diagnostic[] = [];

function mark(line: number, message: string, severity: "error" | "warning"): Diagnostic | null {
  if (line < 1 || line > editor.state.doc.lines) return null;
  const at = editor.state.doc.line(line);
  return { from: at.from, to: at.to, severity, message };
}

function showMarks(): void {
  editor.dispatch(setDiagnostics(editor.state, [...errorMarks, ...typeMarks]));
}

function showError(text: string, line: number | null, column: number | null = null): void {
  ui.error.hidden = false;
  ui.error.textContent = line === null ? text : `line ${line}${column === null ? "" : `, column ${column}`}: ${text}`;
  const m = line === null ? null : mark(line, text, "error");
  errorMarks = m === null ? [] : [m];
  showMarks();
}

// ---- the type checker: a worker of its own, loaded on first use; the run does not wait for it ----

let checker: Worker | null = null;
let checkId = 0;
let checkTimer: ReturnType<typeof setTimeout> | undefined;

function typeCheck(delayMs: number): void {
  clearTimeout(checkTimer);
  checkTimer = setTimeout(() => {
    if (checker === null) {
      checker = new Worker(new URL("./typecheck.js", import.meta.url), { type: "module" });
      checker.onmessage = (event: MessageEvent<TypeCheckResult>) => showTypes(event.data);
    }
    const request: TypeCheckRequest = { id: ++checkId, source: source() };
    checker.postMessage(request);
  }, delayMs);
}

function showTypes(result: TypeCheckResult): void {
  if (result.id !== checkId) return; // an older version of the program
  const found = result.diagnostics;
  ui.types.hidden = found.length === 0;
  ui.types.dataset.checked = String(result.id);
  ui.types.textContent = found.map((d) => `line ${d.line}, column ${d.column}: TS${d.code}: ${d.message}`).join("\n");
  typeMarks = found.flatMap((d) => mark(d.line, `TS${d.code}: ${d.message}`, "warning") ?? []);
  showMarks();
}

// ---- drawing ----

function fmt(t: number): string {
  return Number.isInteger(t) ? t.toFixed(1) : String(Number(t.toFixed(3)));
}

function renderStatus(): void {
  const s = lastSnapshot;
  const where = s === null ? "" : `t=${fmt(s.time)} (${s.clock}) · iteration ${s.iteration}${s.remaining > 0 ? ` (${s.remaining} left)` : ""} · `;
  ui.status.textContent = `${where}${status}${s === null ? "" : ` · last: ${s.last}`}`;
  ui.status.dataset.status = status;
  // A program that ended starts again from the top on Run or Step.
  const moving = status === "running" || status === "sleeping" || status === "loading";
  ui.run.disabled = moving;
  ui.pause.disabled = !(status === "running" || status === "sleeping");
  ui.stepCallback.disabled = moving;
  ui.stepIteration.disabled = moving;
}

function list(target: HTMLOListElement, items: string[]): void {
  target.replaceChildren(
    ...items.map((text) => {
      const li = document.createElement("li");
      li.textContent = text;
      return li;
    }),
  );
}

function render(s: Snapshot | null): void {
  renderStatus();
  list(ui.ready, s?.ready ?? []);
  list(ui.timers, (s?.timers ?? []).map((t) => `t=${fmt(t.when)}  ${t.label}`));
  const lanes = (s?.tasks ?? []).map((task) => {
    const lane = document.createElement("div");
    lane.className = "lane";
    lane.dataset.testid = `lane-${task.name}`;
    lane.dataset.state = task.state;
    const blockedBy = s?.blocked;
    if (blockedBy && blockedBy.task !== task.name && task.state !== "done") lane.dataset.frozen = "true";
    const name = document.createElement("span");
    name.className = "name";
    name.textContent = task.name;
    const state = document.createElement("span");
    state.className = "state";
    state.textContent = task.state;
    const detail = document.createElement("span");
    detail.className = "detail";
    detail.textContent = task.detail;
    detail.title = task.detail;
    lane.append(name, state, detail);
    return lane;
  });
  ui.lanes.replaceChildren(...lanes);
  const blocked = s?.blocked;
  ui.banner.hidden = !blocked;
  if (blocked) {
    ui.banner.textContent =
      `${blocked.task ? `Task '${blocked.task}'` : "The program"} blocked the whole thread for ${fmt(blocked.seconds)} s (time.sleep): ` +
      "the loop could not run anything else meanwhile, so every other lane stood frozen.";
  }
  scheduleTimeline(s);
}

function freeze(task: string | null, seconds: number): void {
  for (const lane of ui.lanes.querySelectorAll<HTMLElement>(".lane")) {
    if (lane.dataset.testid !== `lane-${task}` && lane.dataset.state !== "done") lane.dataset.frozen = "true";
    else if (lane.dataset.testid === `lane-${task}`) {
      lane.dataset.state = "running";
      lane.querySelector(".state")!.textContent = "running";
      lane.querySelector(".detail")!.textContent = `in time.sleep(${seconds}), blocking the thread`;
    }
  }
  ui.banner.hidden = false;
  ui.banner.textContent = `${task ? `Task '${task}'` : "The program"} is in time.sleep(${seconds}): it blocks the whole thread, and every other lane is frozen.`;
}

function scheduleTimeline(s: Snapshot | null): void {
  clearTimeout(timelineTimer);
  const wait = Math.max(0, 400 - (performance.now() - timelineDrawn));
  timelineTimer = setTimeout(() => drawTimeline(s), status === "running" ? wait : 0);
}

function drawTimeline(s: Snapshot | null): void {
  timelineDrawn = performance.now();
  if (s?.timeline == null || s.timeline.tasks.length === 0) {
    ui.timeline.srcdoc = "<p style='font:13px system-ui;color:#656d76'>The timeline grows here as the program runs.</p>";
    return;
  }
  const width = Math.max(300, ui.timeline.clientWidth - 280);
  ui.timeline.srcdoc = timelineHtml(s.timeline, { title: "timeline", width });
}

// ---- controls ----

let dirty = false;

function onEdit(): void {
  typeCheck(700);
  dirty = source() !== loaded;
  if (dirty && ui.example.value !== "" && source() !== EXAMPLES[ui.example.value]) ui.example.value = "";
}

/** Before running or stepping: a changed program, or one that ended, is loaded afresh. */
function ensureLoaded(): void {
  if (worker === null || dirty || status === "done" || status === "stuck" || status === "failed" || status === "stopped") {
    dirty = false;
    start();
  }
}

ui.run.onclick = () => run();
ui.pause.onclick = () => send({ type: "pause" });
ui.stepCallback.onclick = () => step("callback");
ui.stepIteration.onclick = () => step("iteration");
ui.reset.onclick = () => {
  dirty = false;
  start();
};
ui.speed.onchange = () => send({ type: "speed", delayMs: delay() });
ui.clock.onchange = () => start();
ui.example.onchange = () => {
  if (ui.example.value === "") return;
  setSource(EXAMPLES[ui.example.value]!);
  history.replaceState(null, "", `?example=${ui.example.value}`);
  dirty = false;
  start();
};
ui.share.onclick = async () => {
  const url = `${location.origin}${location.pathname}#code=${await pack(source())}`;
  history.replaceState(null, "", url);
  await navigator.clipboard?.writeText(url).catch(() => {});
  ui.share.textContent = "Link copied";
  setTimeout(() => (ui.share.textContent = "Share"), 1500);
};

function run(): void {
  ensureLoaded();
  busy = true;
  lastHeard = performance.now();
  send({ type: "run", delayMs: delay() });
}

function step(unit: "callback" | "iteration"): void {
  ensureLoaded();
  busy = true;
  lastHeard = performance.now();
  send({ type: "step", unit });
}

// ---- sharing: the source, deflated, in the URL's hash ----

async function pack(text: string): Promise<string> {
  const stream = new Blob([text]).stream().pipeThrough(new CompressionStream("deflate-raw"));
  const bytes = new Uint8Array(await new Response(stream).arrayBuffer());
  let binary = "";
  for (const b of bytes) binary += String.fromCharCode(b);
  return btoa(binary).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

async function unpack(packed: string): Promise<string> {
  const binary = atob(packed.replace(/-/g, "+").replace(/_/g, "/"));
  const bytes = Uint8Array.from(binary, (c) => c.charCodeAt(0));
  const stream = new Blob([bytes]).stream().pipeThrough(new DecompressionStream("deflate-raw"));
  return new Response(stream).text();
}

async function boot(): Promise<void> {
  const hash = new URLSearchParams(location.hash.slice(1));
  const shared = hash.get("code");
  const name = params.get("example") ?? "seed-async";
  if (shared !== null) {
    try {
      setSource(await unpack(shared));
      ui.example.value = "";
    } catch {
      showError("The shared link's program could not be read (the link is cut short?); the seed-async example is loaded instead.", null);
      setSource(EXAMPLES["seed-async"]!);
    }
  } else {
    ui.example.value = name in EXAMPLES ? name : "seed-async";
    setSource(EXAMPLES[ui.example.value]!);
  }
  dirty = false;
  start();
  if (params.get("run") === "1") run();
}

void boot();
