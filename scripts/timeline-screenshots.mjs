/**
 * Screenshots of the demo's HTML timelines, for the README: each DIR/NAME.html becomes
 * DIR/NAME.png, cropped to the page's content.
 *
 *   npx tsx examples/demo.ts --virtual --timeline docs/timeline
 *   node scripts/timeline-screenshots.mjs [DIR] [NAME ...]
 *
 * DIR defaults to docs/timeline and the names to seed-blocking and seed-async. It drives
 * Chromium through playwright-core (a dev dependency); the browser is CHROMIUM, by
 * default /usr/bin/chromium (Debian's chromium package).
 */
import { existsSync } from "node:fs";
import { resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { chromium } from "playwright-core";

const [dir = "docs/timeline", ...given] = process.argv.slice(2);
const names = given.length > 0 ? given : ["seed-blocking", "seed-async"];
const executablePath = process.env.CHROMIUM ?? "/usr/bin/chromium";
if (!existsSync(executablePath)) {
  console.error(`${executablePath} is missing: install Debian's chromium package, or set CHROMIUM to a Chromium binary`);
  process.exit(1);
}

const browser = await chromium.launch({ executablePath, args: ["--no-sandbox", "--disable-gpu", "--no-first-run"] });
try {
  // deviceScaleFactor 2: sharp on high-density screens, where READMEs are mostly read.
  const page = await browser.newPage({ viewport: { width: 1280, height: 600 }, deviceScaleFactor: 2 });
  for (const name of names) {
    const html = resolve(dir, `${name}.html`);
    if (!existsSync(html)) throw new Error(`${html} is missing: run npx tsx examples/demo.ts --virtual --timeline ${dir} first`);
    await page.goto(pathToFileURL(html).href);
    // The picture and the text around it, without the hover box under it.
    const box = await page.evaluate(() => {
      const info = document.getElementById("info");
      const svg = document.querySelector("svg");
      const bottom = Math.max(svg.getBoundingClientRect().bottom, info.previousElementSibling.getBoundingClientRect().bottom);
      return { width: Math.ceil(Math.max(document.body.scrollWidth, svg.getBoundingClientRect().right + 16)), height: Math.ceil(bottom + 12) };
    });
    const png = resolve(dir, `${name}.png`);
    await page.screenshot({ path: png, clip: { x: 0, y: 0, width: box.width, height: box.height } });
    console.log(`wrote ${png}`);
  }
} finally {
  await browser.close();
}
