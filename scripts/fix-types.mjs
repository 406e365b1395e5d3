// The Node entry (src/index.ts) adds the I/O methods to EventLoop by augmenting
// "./index.browser.js", where EventLoop comes from in the sources. dist/index.d.ts is
// self-contained (it declares EventLoop itself), so there the augmentation must merge
// with that declaration instead: unwrap it into plain top-level interface declarations.
import { readFileSync, writeFileSync } from "node:fs";

const AUGMENTATION = /^declare module "\.\/index\.browser\.js" \{\n([\s\S]*?)\n\}$/gm;

for (const name of ["index.d.ts", "index.d.cts"]) {
  const file = new URL(`../dist/${name}`, import.meta.url);
  const text = readFileSync(file, "utf8");
  if (!/^declare class EventLoop /m.test(text)) {
    throw new Error(`scripts/fix-types.mjs: dist/${name} does not declare EventLoop itself; the types build changed, update this script`);
  }
  const fixed = text.replace(AUGMENTATION, "$1");
  if (fixed.includes('declare module "./index.browser.js"')) {
    throw new Error(`scripts/fix-types.mjs: an augmentation of ./index.browser.js in dist/${name} was not unwrapped`);
  }
  writeFileSync(file, fixed);
}
