/**
 * The website in a real browser: `npm run site` builds site/dist (once per run: a build
 * whose inputs have not changed since is reused), a static server in this process serves
 * it, and Debian's Chromium (driven by playwright-core, never a downloaded browser) loads
 * the playground and a docs page. The playground's examples run and print the seed's
 * lines; stepping shows the ready queue, the timer heap and the lanes as the loop has
 * them; bad programs are reported in the page without breaking it.
 *
 * `UPDATE_SCREENSHOTS=1` also writes docs/playground.png, the picture the README shows.
 */
import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, readFileSync, readdirSync, statSync, writeFileSync } from "node:fs";
import { type Server, createServer } from "node:http";
import { extname, join, normalize, relative, resolve } from "node:path";
import { deflateRawSync } from "node:zlib";
import { type Browser, type Page, chromium } from "playwright-core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";

const CHROMIUM = "/usr/bin/chromium";
const available = existsSync(CHROMIUM);
if (!available) {
  if (process.env.CI) throw new Error(`${CHROMIUM} is missing: .ci/run installs Debian's chromium package before the tests`);
  console.log(`Skipping the site's browser tests: ${CHROMIUM} is not installed (apt-get install -y chromium)`);
}

const root = resolve(import.meta.dirname, "..");
const dist = join(root, "site", "dist");
const STAMP = join(dist, ".inputs");

/** Every file the build reads, hashed: the site is rebuilt only when one changed. */
function inputsHash(): string {
  const hash = createHash("sha256");
  const skip = new Set(["dist", "public", "cache", "node_modules"]);
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      if (skip.has(entry.name)) continue;
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else hash.update(relative(root, path)).update(readFileSync(path));
    }
  };
  for (const dir of ["site", "src", "docs"]) walk(join(root, dir));
  hash.update(readFileSync(join(root, "package-lock.json")));
  return hash.digest("hex");
}

let buildSeconds: number | null = null;

function buildSite(): void {
  const hash = inputsHash();
  if (existsSync(STAMP) && readFileSync(STAMP, "utf8") === hash) return;
  const started = performance.now();
  execFileSync(process.execPath, [join(root, "site", "build.mjs")], { cwd: root, stdio: "pipe" });
  buildSeconds = (performance.now() - started) / 1000;
  writeFileSync(STAMP, hash);
}

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript",
  ".css": "text/css",
  ".png": "image/png",
  ".svg": "image/svg+xml",
  ".json": "application/json",
  ".woff2": "font/woff2",
};

/** A static file server for `dir`, as any static host would be: no server code. */
function serve(dir: string): Promise<{ server: Server; url: string }> {
  const server = createServer((req, res) => {
    const path = normalize(decodeURIComponent(new URL(req.url ?? "/", "http://x").pathname));
    let file = join(dir, path);
    if (!file.startsWith(dir)) {
      res.writeHead(403).end();
      return;
    }
    if (existsSync(file) && statSync(file).isDirectory()) file = join(file, "index.html");
    if (!existsSync(file)) {
      res.writeHead(404).end("not found");
      return;
    }
    res.writeHead(200, { "content-type": TYPES[extname(file)] ?? "application/octet-stream" }).end(readFileSync(file));
  });
  return new Promise((ready) => server.listen(0, "127.0.0.1", () => ready({ server, url: `http://127.0.0.1:${(server.address() as { port: number }).port}/` })));
}

let browser: Browser;
let server: Server;
let base: string;

beforeAll(async () => {
  buildSite();
  if (!available) return;
  ({ server, url: base } = await serve(dist));
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
  });
}, 240_000);

afterAll(async () => {
  await browser?.close();
  server?.close();
  if (buildSeconds !== null) console.log(`site built in ${buildSeconds.toFixed(1)} s`);
});

async function open(query: string): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  await page.goto(`${base}playground/${query}`);
  return page;
}

/** Generous: the suite shares two cores with everything else. */
const POLL = { timeout: 15_000 };

const consoleLines = (page: Page) => page.locator("[data-testid=console] > div").allInnerTexts();
const items = (page: Page, testid: string) => page.locator(`[data-testid=${testid}] li`).allTextContents();
const laneState = (page: Page, name: string) => page.getByTestId(`lane-${name}`).getAttribute("data-state");
const laneDetail = (page: Page, name: string) => page.getByTestId(`lane-${name}`).locator(".detail").innerText();

/** Clicks a step button and waits until the worker has answered with the loop's new state. */
async function step(page: Page, unit: "callback" | "iteration", times = 1): Promise<void> {
  for (let i = 0; i < times; i++) {
    const before = Number(await page.getByTestId("status").getAttribute("data-seq"));
    await page.getByTestId(`step-${unit}`).click();
    await expect.poll(async () => Number(await page.getByTestId("status").getAttribute("data-seq")), POLL).toBeGreaterThan(before);
  }
}

async function waitForStatus(page: Page, status: string, timeout = 30_000): Promise<void> {
  await page.locator(`[data-testid=status][data-status="${status}"]`).waitFor({ timeout });
}

/** A screenshot drawn on a canvas in the page: how many distinct colours it has (a blank one has one or two). */
async function colours(page: Page, png: Buffer): Promise<number> {
  return page.evaluate(async (b64) => {
    const image = new Image();
    image.src = `data:image/png;base64,${b64}`;
    await image.decode();
    const canvas = document.createElement("canvas");
    canvas.width = image.width;
    canvas.height = image.height;
    const context = canvas.getContext("2d")!;
    context.drawImage(image, 0, 0);
    const data = context.getImageData(0, 0, image.width, image.height).data;
    const seen = new Set<number>();
    for (let i = 0; i < data.length; i += 4 * 7) seen.add((data[i]! << 16) | (data[i + 1]! << 8) | data[i + 2]!);
    return seen.size;
  }, png.toString("base64"));
}

const SEED_ASYNC = [
  "Task A: Compute factorial(2)",
  "SLEEP t=0.0",
  "Task B: Compute factorial(2)",
  "SLEEP t=0.0",
  "Task A: Compute factorial(3)",
  "SLEEP t=1.0",
  "Task B: Compute factorial(3)",
  "SLEEP t=1.0",
  "Task A: factorial(3) is 6",
  "Task B: Compute factorial(4)",
  "SLEEP t=2.0",
  "Task B: factorial(4) is 24",
  "Total time: 3.0",
];

const SEED_BLOCKING = [
  "Task A: Compute factorial(2)",
  "SLEEP t=0.0",
  "Task A: Compute factorial(3)",
  "SLEEP t=1.0",
  "Task A: factorial(3) is 6",
  "Task B: Compute factorial(2)",
  "SLEEP t=2.0",
  "Task B: Compute factorial(3)",
  "SLEEP t=3.0",
  "Task B: Compute factorial(4)",
  "SLEEP t=4.0",
  "Task B: factorial(4) is 24",
  "Total time: 5.0",
];

/**
 * Exact on virtual time: a request is a connect (one round trip, 0.1 s), the line there
 * (0.05 s), the server's work (0.3, 0.6 or 2 s) and the answer back (0.05 s).
 */
const THREE_SERVERS = [
  "one after the other:",
  "  0.50 s  hello from fast (GET /)",
  "  1.30 s  hello from medium (GET /)",
  "  3.50 s  hello from slow (GET /)",
  "concurrently (gather):",
  "  0.50 s  hello from fast (GET /)",
  "  0.80 s  hello from medium (GET /)",
  "  2.20 s  hello from slow (GET /)",
  "concurrently, waiting 1 s at most (wait with a timeout):",
  "  fast-1s: hello from fast (GET /)",
  "  medium-1s: hello from medium (GET /)",
  "  slow-1s: no answer after 1.00 s, cancelled",
  "concurrency saved 1.30 s",
];

test("the site is static files: docs pages, the API reference and the playground", () => {
  for (const page of ["index.html", "guide/getting-started.html", "guide/porting.html", "guide/cancellation.html", "guide/testing.html", "performance.html", "api/index.html", "playground/index.html", "playground/worker.js", "playground/typecheck.js", "playground/types.json"]) {
    expect(existsSync(join(dist, page)), page).toBe(true);
  }
  // The porting guide is docs/porting.md, included at build time: its headings are on the page.
  const porting = readFileSync(join(dist, "guide", "porting.html"), "utf8");
  const headings = [...readFileSync(join(root, "docs", "porting.md"), "utf8").matchAll(/^### (.+)$/gm)].map((m) => m[1]!);
  expect(headings.length).toBeGreaterThan(20);
  for (const heading of headings.slice(0, 5)) expect(porting).toContain(heading.replace(/`/g, "").split(" ")[0]);
  // The API reference: TypeDoc's pages, with the TSDoc of each export.
  expect(readFileSync(join(dist, "api", "classes", "index.TaskGroup.html"), "utf8")).toContain("TaskGroup");
});

describe.skipIf(!available)("the playground in Chromium", () => {
  test("?example=seed-async&run=1 runs the seed's asyncio.sleep program: the tasks interleave, 3 s", async () => {
    const page = await open("?example=seed-async&run=1&speed=0");
    await waitForStatus(page, "done");
    expect(await consoleLines(page)).toEqual(SEED_ASYNC);
    expect(await laneState(page, "A")).toBe("done");
    expect(await laneDetail(page, "B")).toBe("returned undefined");
    await expect.poll(() => page.getByTestId("timeline").getAttribute("srcdoc"), POLL).toContain("sleep until t=3.0");
    await page.close();
  });

  test("?example=seed-blocking&run=1 runs the blocking program: one task at a time, 5 s", async () => {
    const page = await open("?example=seed-blocking&run=1&speed=0");
    await waitForStatus(page, "done");
    expect(await consoleLines(page)).toEqual(SEED_BLOCKING);
    await page.close();
  });

  test("&clock=real runs seed-async in real time: about 3 s, the same lines", async () => {
    const page = await open("?example=seed-async&clock=real&run=1&speed=0");
    await waitForStatus(page, "done");
    const lines = await consoleLines(page);
    expect(lines.filter((line) => line.startsWith("Task"))).toEqual(SEED_ASYNC.filter((line) => line.startsWith("Task")));
    expect(lines.at(-1)).toMatch(/^Total time: 3\.\d$/);
    expect(await page.getByTestId("status").innerText()).toContain("(real)");
    await page.close();
  });

  test("stepping seed-async one callback at a time shows the ready queue, the timer heap and the lanes", async () => {
    const page = await open("?example=seed-async");
    await waitForStatus(page, "paused");
    expect(await items(page, "ready-queue")).toEqual(["step of task 'Task-1'"]);
    // 1: main's step creates A and B, which queue their first steps; main waits on them.
    await step(page, "callback");
    expect(await items(page, "ready-queue")).toEqual(["step of task 'A'", "step of task 'B'"]);
    expect(await laneState(page, "Task-1")).toBe("waiting");
    expect(await laneState(page, "A")).toBe("ready");
    expect(await laneState(page, "B")).toBe("ready");
    // 2, 3: A and B each print, start a sleep (a timer on the heap) and wait on it.
    await step(page, "callback", 2);
    expect(await items(page, "ready-queue")).toEqual([]);
    expect(await items(page, "timer-heap")).toEqual(["t=1.0  sleep (task 'A')", "t=1.0  sleep (task 'B')"]);
    expect(await laneState(page, "A")).toBe("waiting");
    expect(await laneDetail(page, "A")).toBe("sleeps until t=1.0");
    expect(await consoleLines(page)).toEqual(SEED_ASYNC.slice(0, 4));
    // 4: nothing is ready: the loop sleeps until its next timer (virtual: a jump).
    await step(page, "callback");
    await expect.poll(() => page.getByTestId("status").innerText(), POLL).toContain("t=1.0 (virtual)");
    // 5: an iteration: both timers fire and run, then both tasks wake and step.
    await step(page, "iteration");
    expect(await items(page, "timer-heap")).toEqual([]);
    expect(await items(page, "ready-queue")).toEqual(["wake task 'A': <Future finished result=undefined> is done", "wake task 'B': <Future finished result=undefined> is done"]);
    await step(page, "iteration");
    expect(await items(page, "timer-heap")).toEqual(["t=2.0  sleep (task 'A')", "t=2.0  sleep (task 'B')"]);
    expect(await consoleLines(page)).toEqual(SEED_ASYNC.slice(0, 8));
    await page.close();
  });

  test("seed-blocking: while a task is in time.sleep every other lane is frozen", async () => {
    const page = await open("?example=seed-blocking");
    await waitForStatus(page, "paused");
    await step(page, "callback", 2); // main's step, then A's one step through both its sleeps
    expect(await consoleLines(page)).toEqual(SEED_BLOCKING.slice(0, 5));
    expect(await page.getByTestId("lane-B").getAttribute("data-frozen")).toBe("true");
    expect(await page.getByTestId("lane-Task-1").getAttribute("data-frozen")).toBe("true");
    expect(await page.getByTestId("banner").innerText()).toContain("Task 'A' blocked the whole thread for 2.0 s");
    expect(await page.getByTestId("status").innerText()).toContain("t=2.0 (virtual)");
    await page.close();
  });

  test("the other examples print what they show", async () => {
    const expected: Record<string, (lines: string[]) => void> = {
      "producer-consumer": (lines) => expect(lines.at(-1)).toBe("all consumed"),
      taskgroup: (lines) => expect(lines).toEqual(["quick finished", "slow cancelled", "caught ExceptionGroup: RangeError: faulty failed"]),
      timeout: (lines) => expect(lines).toEqual(["fast: rows", "timeout: gave up at t=1.5", "waitFor: gave up at t=3.5; the task was cancelled: true"]),
    };
    for (const [name, check] of Object.entries(expected)) {
      const page = await open(`?example=${name}&run=1&speed=0`);
      await waitForStatus(page, "done");
      check(await consoleLines(page));
      await page.close();
    }
  });

  test("three-servers runs over the fake network of asyncio-ts/testing: the slow server is slow on virtual time, and the program type-checks", async () => {
    const page = await open("?example=three-servers&run=1&speed=0");
    await waitForStatus(page, "done");
    expect(await consoleLines(page)).toEqual(THREE_SERVERS);
    expect(await page.getByTestId("error").isVisible()).toBe(false);
    await page.locator("[data-testid=types][data-checked]").waitFor({ state: "attached", timeout: 30_000 });
    expect(await page.getByTestId("types").isVisible()).toBe(false);
    await page.close();
  });

  test("a task in asyncio.wait: its lane names what it waits for, and a deadlock through wait() is reported", async () => {
    const code = [
      'import * as asyncio from "asyncio-ts";',
      "const lock = new asyncio.Lock();",
      "function* worker() {",
      "  yield* asyncio.asyncWith(lock, function* () {});",
      "}",
      "function* main() {",
      "  yield* asyncio.asyncWith(lock, function* () {",
      '    const a = asyncio.createTask(worker(), { name: "a" });',
      '    const b = asyncio.createTask(worker(), { name: "b" });',
      "    yield* asyncio.wait([a, b], { returnWhen: asyncio.FIRST_COMPLETED });",
      "  });",
      "}",
      "await asyncio.run(main());",
    ].join("\n");
    const page = await open(`?run=1&speed=0#code=${deflateRawSync(code).toString("base64url")}`);
    await waitForStatus(page, "stuck");
    expect(await page.getByTestId("error").innerText()).toContain("deadlock: Task-1 waits for wait(a, b; FIRST_COMPLETED); a waits to acquire Lock#1, held by Task-1");
    expect(await laneDetail(page, "Task-1")).toBe("waits for wait(a, b; FIRST_COMPLETED)");
    expect(await laneDetail(page, "b")).toBe("waits to acquire Lock#1, held by Task-1");
    await page.close();
  });

  test("the lock-order deadlock ends with its report, and the lanes say who waits on whom", async () => {
    const page = await open("?example=deadlock&run=1&speed=0");
    await waitForStatus(page, "stuck");
    expect(await page.getByTestId("error").innerText()).toContain(
      "deadlock: left waits to acquire Lock#1, held by right; right waits to acquire Lock#2, held by left",
    );
    expect(await laneDetail(page, "left")).toBe("waits to acquire Lock#1, held by right");
    await page.close();
  });

  test("a program that never yields is stopped by the watchdog, which names the task", async () => {
    const page = await open("?example=spin&run=1&speed=0&watchdog=1500");
    await expect.poll(() => page.getByTestId("error").innerText(), { timeout: 15_000 }).toContain("Stopped by the watchdog: task 'spinner' ran for");
    // The page still works: another example runs.
    await page.getByTestId("example").selectOption("seed-async");
    await page.getByTestId("run").click();
    await waitForStatus(page, "done");
    expect((await consoleLines(page)).at(-1)).toBe("Total time: 3.0");
    await page.close();
  });

  test("a syntax error is shown with its line, a socket without the fake network with a clear message, and the page goes on", async () => {
    const share = (code: string) => `?run=1&speed=0#code=${deflateRawSync(code).toString("base64url")}`;
    const page = await open(share('import * as asyncio from "asyncio-ts";\nfunction* main() {\n  yield* asyncio.sleep(1) +;\n}\n'));
    await waitForStatus(page, "compile error");
    expect(await page.getByTestId("error").innerText()).toMatch(/^line 3, column \d+: SyntaxError: Unexpected token/);
    await page.getByTestId("example").selectOption("taskgroup");
    await page.getByTestId("run").click();
    await waitForStatus(page, "done");
    expect(await page.getByTestId("error").isVisible()).toBe(false);
    await page.close();

    const node = await open(share('import * as asyncio from "asyncio-ts";\nfunction* main() {\n  yield* asyncio.openConnection("example.com", 80);\n}\nawait asyncio.run(main());\n'));
    await waitForStatus(node, "failed");
    const message = await node.getByTestId("error").innerText();
    expect(message).toContain("line 3");
    expect(message).toContain("RuntimeError: openConnection('example.com', 80): no sockets in a browser; use the fake network of asyncio-ts/testing");
    await node.close();

    // What needs Node and nothing else (a process) still says so, and points to the fake network.
    const processes = await open(share('import * as asyncio from "asyncio-ts";\nfunction* main() {\n  yield* asyncio.createSubprocessExec("ls");\n}\nawait asyncio.run(main());\n'));
    await waitForStatus(processes, "failed");
    const refused = await processes.getByTestId("error").innerText();
    expect(refused).toContain("line 3");
    expect(refused).toContain("asyncio.createSubprocessExec needs Node");
    expect(refused).toContain("a browser has no sockets, files or processes");
    await processes.close();
  });

  test("a type error is shown with its line by the type checker, and the program still runs", async () => {
    const code = 'import * as asyncio from "asyncio-ts";\nconst n: number = "five";\nfunction* main() {\n  yield* asyncio.sleep(0.5);\n  console.log(n);\n}\nawait asyncio.run(main());\n';
    const page = await open(`?run=1&speed=0#code=${deflateRawSync(code).toString("base64url")}`);
    await page.locator("[data-testid=types][data-checked]").waitFor({ state: "attached", timeout: 30_000 });
    expect(await page.getByTestId("types").innerText()).toBe("line 2, column 7: TS2322: Type 'string' is not assignable to type 'number'.");
    await waitForStatus(page, "done");
    expect(await consoleLines(page)).toEqual(["five"]);
    // The examples have none.
    await page.getByTestId("example").selectOption("producer-consumer");
    await expect.poll(() => page.getByTestId("types").getAttribute("data-checked"), POLL).not.toBe("1");
    expect(await page.getByTestId("types").isVisible()).toBe(false);
    await page.close();
  });

  test("a program is shared by URL: Share puts it in the hash, and the link opens it", async () => {
    const page = await open("?example=timeout");
    await waitForStatus(page, "paused");
    await page.getByTestId("share").click();
    await expect.poll(() => page.url(), POLL).toContain("#code=");
    const shared = await browser.newPage();
    await shared.goto(page.url());
    await expect.poll(() => shared.locator(".cm-content").innerText(), POLL).toContain("async with asyncio.timeout(1.5):");
    await page.close();
    await shared.close();
  });

  test("screenshots of the playground and of a docs page are not blank", async () => {
    const page = await open("?example=seed-async&speed=0");
    await waitForStatus(page, "paused");
    await step(page, "callback", 3);
    const playground = await page.screenshot();
    expect(await colours(page, playground)).toBeGreaterThan(20);
    if (process.env.UPDATE_SCREENSHOTS) writeFileSync(join(root, "docs", "playground.png"), playground);

    const docs = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await docs.goto(`${base}guide/getting-started.html`);
    await docs.getByRole("heading", { name: "Getting started" }).waitFor();
    const shot = await docs.screenshot();
    expect(await colours(docs, shot)).toBeGreaterThan(20);
    expect(await docs.locator("main").innerText()).toContain("npm install && npm run demo");
    await page.close();
    await docs.close();
  });
});
