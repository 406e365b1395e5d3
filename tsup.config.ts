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
  // The types, one build per entry so that each declaration file is self-contained:
  // built together, the two would share a chunk that renames EventLoop, and the Node
  // entry's augmentation of EventLoop (see src/index.ts and scripts/fix-types.mjs) would
  // no longer reach it.
  { ...common, entry: { index: "src/index.ts" }, format: ["esm", "cjs"], dts: { only: true } },
  { ...common, entry: { "index.browser": "src/index.browser.ts" }, format: ["esm", "cjs"], dts: { only: true } },
  { ...common, entry: { "eslint-plugin": "src/eslint/index.ts" }, format: ["esm", "cjs"], dts: { only: true } },
]);
