import { defineConfig } from "tsup";

// The source maps point into src/, which the package ships: no second copy of the
// sources inside them (sourcesContent).
const common = {
  target: "es2022",
  splitting: false,
  esbuildOptions(options: { sourcesContent?: boolean }) {
    options.sourcesContent = false;
  },
} as const;

export default defineConfig([
  // The code: ESM and CommonJS, one self-contained file per entry.
  {
    ...common,
    entry: { index: "src/index.ts", "index.browser": "src/index.browser.ts", "eslint-plugin": "src/eslint/index.ts" },
    format: ["esm", "cjs"],
    clean: true,
    sourcemap: true,
  },
  // `asyncio-ts/testing`: its code reaches the core only through `../index.browser`,
  // which is left to the package itself ("asyncio-ts", resolved by the same condition as
  // the user's own import), so that tests and runTest share one copy of the loop's classes
  // and state rather than each bundling its own.
  {
    ...common,
    entry: { testing: "src/testing/index.ts" },
    format: ["esm", "cjs"],
    sourcemap: true,
    esbuildPlugins: [
      {
        name: "asyncio-ts-self",
        setup(build) {
          build.onResolve({ filter: /^\.\.\/index\.browser$/ }, () => ({ path: "asyncio-ts", external: true }));
        },
      },
    ],
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
  // The types are built after this, by scripts/build-types.mjs: exact declaration maps,
  // which tsup's `dts` option cannot give.
]);
