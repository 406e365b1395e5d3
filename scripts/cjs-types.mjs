// The Node entry adds the I/O methods to EventLoop with a module augmentation of
// "./index.browser.js". tsup copies that specifier into both declaration files, but
// dist/index.d.cts imports the browser entry as "./index.browser.cjs": there the
// augmentation must name that module, or CommonJS users would not see the methods.
import { readFileSync, writeFileSync } from "node:fs";

const file = new URL("../dist/index.d.cts", import.meta.url);
const text = readFileSync(file, "utf8");
const fixed = text.replaceAll('declare module "./index.browser.js"', 'declare module "./index.browser.cjs"');
if (text.includes("declare module") && fixed === text) {
  throw new Error("scripts/cjs-types.mjs: dist/index.d.cts augments no './index.browser.js' module any more; update this script");
}
writeFileSync(file, fixed);
