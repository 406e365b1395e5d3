/**
 * The host-free core in a real browser (Debian's Chromium, driven by playwright-core):
 * `asyncio.run` over the browser's event loop, and `runSync`'s clear error on the main
 * thread, where blocking is forbidden.
 */
import { existsSync } from "node:fs";
import { resolve } from "node:path";
import { build } from "esbuild";
import { type Browser, type Page, chromium } from "playwright-core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";

const CHROMIUM = "/usr/bin/chromium";
const available = existsSync(CHROMIUM);
if (!available) {
  if (process.env.CI) throw new Error(`${CHROMIUM} is missing: .ci/run installs Debian's chromium package before the tests`);
  console.log(`Skipping browser tests: ${CHROMIUM} is not installed (apt-get install -y chromium)`);
}

let browser: Browser;
let page: Page;

beforeAll(async () => {
  if (!available) return;
  const bundle = await build({
    stdin: { contents: 'import * as asyncio from "asyncio-ts"; globalThis.asyncio = asyncio;', resolveDir: import.meta.dirname },
    bundle: true,
    platform: "browser",
    format: "iife",
    write: false,
    alias: { "asyncio-ts": resolve(import.meta.dirname, "..", "src", "index.browser.ts") },
    logLevel: "error",
  });
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
  });
  page = await browser.newPage();
  await page.setContent("<!doctype html><title>asyncio-ts</title>");
  await page.addScriptTag({ content: bundle.outputFiles[0]!.text });
}, 60_000);

afterAll(async () => {
  await browser?.close();
});

describe.skipIf(!available)("in Chromium", () => {
  test("asyncio.run drives tasks and timers over the browser's event loop", async () => {
    const result = await page.evaluate(async () => {
      const asyncio = (globalThis as never as { asyncio: typeof import("asyncio-ts") }).asyncio;
      const order: string[] = [];
      function* worker(name: string, delay: number) {
        yield* asyncio.sleep(delay);
        order.push(name);
        for (let i = 0; i < 1000; i++) yield;
        return delay;
      }
      const started = performance.now();
      const results = await asyncio.run(
        (function* () {
          return yield* asyncio.gather(worker("slow", 0.05), worker("fast", 0.01));
        })(),
      );
      return { results, order, ms: performance.now() - started, hasSetImmediate: "setImmediate" in globalThis };
    });
    expect(result.hasSetImmediate).toBe(false);
    expect(result.results).toEqual([0.05, 0.01]);
    expect(result.order).toEqual(["fast", "slow"]);
    expect(result.ms).toBeGreaterThanOrEqual(45);
  });

  test("runSync on the main thread says to use asyncio.run", async () => {
    const message = await page.evaluate(() => {
      const asyncio = (globalThis as never as { asyncio: typeof import("asyncio-ts") }).asyncio;
      try {
        asyncio.runSync(asyncio.sleep(0.01));
        return "no error";
      } catch (error) {
        return `${(error as Error).name}: ${(error as Error).message}`;
      }
    });
    expect(message).toMatch(/^RuntimeError: runSync cannot block this thread between timers.*use asyncio\.run instead/);
  });

  test("runSync on a VirtualClock works on the main thread", async () => {
    const value = await page.evaluate(() => {
      const asyncio = (globalThis as never as { asyncio: typeof import("asyncio-ts") }).asyncio;
      return asyncio.runSync(asyncio.sleep(60, "done"), { clock: new asyncio.VirtualClock() });
    });
    expect(value).toBe("done");
  });
});
