/**
 * The site's VitePress configuration. `npm run site` (site/build.mjs) builds it into
 * site/dist, then adds the API reference (TypeDoc, at /api/) and the playground (at
 * /playground/); `npm run site:dev` serves the docs pages with live reload.
 */
import { defineConfig } from "vitepress";

// SITE_BASE: the path the site is served under ("/" by default; "/asyncio-ts/" on a project page).
const base = process.env.SITE_BASE ?? "/";

export default defineConfig({
  title: "asyncio-ts",
  description: "Python's asyncio for TypeScript: an explicit event loop, Futures, Tasks over generator coroutines.",
  base,
  outDir: "dist",
  // README.md is the site folder's own note, not a page; the playground is built apart.
  srcExclude: ["README.md", "playground/**"],
  cacheDir: ".vitepress/cache",
  cleanUrls: false,
  lastUpdated: false,
  // The porting guide is one long page; its chunk is large by design.
  vite: { build: { chunkSizeWarningLimit: 2000 } },
  // Links from the included docs/*.md point into the repository (../src/…, ../test/…):
  // they are right on GitHub, and not pages of the site. The API and the playground are
  // added to dist after VitePress builds.
  ignoreDeadLinks: [/^\.\.?\/(?!guide\/)/, /^\/(api|playground)\//, /\.\.\/(src|test|bench|examples|docs)\//, /^https?:/],
  themeConfig: {
    nav: [
      { text: "Guide", link: "/guide/getting-started" },
      { text: "Porting", link: "/guide/porting" },
      { text: "API", link: `${base}api/index.html`, target: "_self" },
      { text: "Playground", link: `${base}playground/`, target: "_self" },
      { text: "Performance", link: "/performance" },
    ],
    sidebar: [
      {
        text: "Start",
        items: [
          { text: "Getting started", link: "/guide/getting-started" },
          { text: "Porting from Python", link: "/guide/porting" },
        ],
      },
      {
        text: "Guides",
        items: [
          { text: "Cancellation and timeouts", link: "/guide/cancellation" },
          { text: "TaskGroup", link: "/guide/taskgroup" },
          { text: "Streams and subprocesses", link: "/guide/streams" },
          { text: "Executors", link: "/guide/executors" },
          { text: "Testing", link: "/guide/testing" },
          { text: "Debugging and timelines", link: "/guide/debugging" },
          { text: "Promises and AbortSignal", link: "/guide/promises" },
        ],
      },
      {
        text: "Reference",
        items: [
          { text: "API reference", link: `${base}api/index.html`, target: "_self" },
          { text: "Performance", link: "/performance" },
          { text: "Playground", link: `${base}playground/`, target: "_self" },
        ],
      },
    ],
    search: { provider: "local" },
    socialLinks: [{ icon: "github", link: "https://github.com/asyncio-ts/asyncio-ts" }],
    footer: { message: "MIT License" },
  },
});
