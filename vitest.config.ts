import { resolve } from "node:path";
import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: {
    // The subpath first: an alias matches a prefix, so "asyncio-ts" would take it too.
    alias: {
      "asyncio-ts/testing": resolve(import.meta.dirname, "src/testing/index.ts"),
      "asyncio-ts": resolve(import.meta.dirname, "src/index.ts"),
    },
  },
  test: {
    include: ["test/**/*.test.ts"],
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
