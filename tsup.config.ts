import { defineConfig } from "tsup";

const common = { target: "es2022", splitting: false } as const;

export default defineConfig([
  // The code: ESM and CommonJS, one self-contained file per entry.
  {
    ...common,
    entry: { index: "src/index.ts", "index.browser": "src/index.browser.ts", "eslint-plugin": "src/eslint/index.ts" },
    format: ["esm", "cjs"],
    clean: true,
    sourcemap: true,
  },
  // The `asyncio-ts` command and the preload its `trace` runs programs with: ESM for
  // Node only, no types (src/cli/).
  {
    ...common,
    entry: { cli: "src/cli/index.ts", "cli-preload": "src/cli/preload.ts" },
    format: ["esm"],
    platform: "node",
    target: "node20",
    banner: { js: "#!/usr/bin/env node" },
    sourcemap: true,
  },
  // The types, one build per entry so that each declaration file is self-contained:
  // built together, the two would share a chunk that renames EventLoop, and the Node
  // entry's augmentation of EventLoop (see src/index.ts and scripts/fix-types.mjs) would
  // no longer reach it.
  { ...common, entry: { index: "src/index.ts" }, format: ["esm", "cjs"], dts: { only: true } },
  { ...common, entry: { "index.browser": "src/index.browser.ts" }, format: ["esm", "cjs"], dts: { only: true } },
  { ...common, entry: { "eslint-plugin": "src/eslint/index.ts" }, format: ["esm", "cjs"], dts: { only: true } },
]);
