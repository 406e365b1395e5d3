/**
 * The package as users get it: the built ESM and CommonJS entries load and run, and a
 * browser bundle made through the package's `exports` contains no `node:` import.
 */
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { build } from "esbuild";
import { afterAll, beforeAll, expect, test } from "vitest";

const root = resolve(import.meta.dirname, "..");
let consumer: string;

beforeAll(() => {
  if (!existsSync(join(root, "dist", "index.js"))) {
    execFileSync(process.execPath, [join(root, "node_modules", "tsup", "dist", "cli-default.js")], { cwd: root, stdio: "ignore" });
  }
  // A project that depends on asyncio-ts, resolving it through node_modules as users do.
  consumer = mkdtempSync(join(tmpdir(), "asyncio-ts-consumer-"));
  mkdirSync(join(consumer, "node_modules"));
  symlinkSync(root, join(consumer, "node_modules", "asyncio-ts"), "dir");
});

afterAll(() => rmSync(consumer, { recursive: true, force: true }));

const program = `
function* main() {
  const t = asyncio.createTask((function* () { yield* asyncio.sleep(0.01); return 21; })());
  return (yield* t) * 2;
}
console.log(asyncio.runSync(main()), typeof asyncio.VirtualClock);
`;

test("the ESM build loads through the package name and runs a coroutine", () => {
  writeFileSync(join(consumer, "esm.mjs"), `import * as asyncio from "asyncio-ts";\n${program}`);
  expect(execFileSync(process.execPath, [join(consumer, "esm.mjs")], { cwd: consumer }).toString()).toBe("42 function\n");
});

test("the CommonJS build loads through require and runs a coroutine", () => {
  writeFileSync(join(consumer, "cjs.cjs"), `const asyncio = require("asyncio-ts");\n${program}`);
  expect(execFileSync(process.execPath, [join(consumer, "cjs.cjs")], { cwd: consumer }).toString()).toBe("42 function\n");
});

test("the ESLint plugin loads through the package name in ESM and CommonJS, with no import of its own", () => {
  const check = "console.log(Object.keys(plugin.rules).join(), Object.keys(plugin.configs).join())";
  writeFileSync(join(consumer, "lint.mjs"), `import plugin from "asyncio-ts/eslint-plugin";\n${check}`);
  writeFileSync(join(consumer, "lint.cjs"), `const plugin = require("asyncio-ts/eslint-plugin").default;\n${check}`);
  for (const file of ["lint.mjs", "lint.cjs"]) {
    expect(execFileSync(process.execPath, [join(consumer, file)], { cwd: consumer }).toString()).toBe("no-floating-coroutine recommended\n");
  }
  const built = readFileSync(join(root, "dist", "eslint-plugin.js"), "utf8");
  expect(built).not.toMatch(/^import[\s{*]|\bimport\(|\brequire\(["']/m);
});

test("a browser bundle of the package has no node: import", async () => {
  writeFileSync(join(consumer, "browser.js"), `import * as asyncio from "asyncio-ts";\nglobalThis.asyncio = asyncio;\n`);
  const result = await build({
    entryPoints: [join(consumer, "browser.js")],
    bundle: true,
    platform: "browser",
    format: "esm",
    write: false,
    absWorkingDir: consumer,
    logLevel: "silent",
  });
  const code = result.outputFiles[0]!.text;
  expect(code).toContain("VirtualClock");
  expect(code).not.toMatch(/["']node:/);
  expect(code).not.toMatch(/require\(["'](fs|path|os|child_process|net|worker_threads)["']\)/);
});

test("a tree-shaken bundle that imports only a few names still runs tasks", async () => {
  writeFileSync(
    join(consumer, "shaken.mjs"),
    `import { newEventLoop, sleep } from "asyncio-ts";\nconst loop = newEventLoop();\nconsole.log(loop.runUntilCompleteSync(sleep(0, "ran")));\n`,
  );
  const result = await build({
    entryPoints: [join(consumer, "shaken.mjs")],
    bundle: true,
    platform: "node",
    format: "esm",
    outfile: join(consumer, "shaken.bundle.mjs"),
    absWorkingDir: consumer,
    logLevel: "silent",
  });
  expect(result.errors).toEqual([]);
  expect(execFileSync(process.execPath, [join(consumer, "shaken.bundle.mjs")]).toString()).toBe("ran\n");
});

// The Node entry's I/O from the built files: an echo over loopback through the streams,
// and a worker-thread call, in ESM and in CommonJS.
const ioProgram = `
function* handle(reader, writer) {
  writer.write(yield* reader.readline());
  yield* writer.drain();
  writer.close();
  yield* writer.waitClosed();
}
function* main() {
  const server = yield* asyncio.startServer(handle, "127.0.0.1", 0);
  const port = server.sockets[0].getsockname()[1];
  const [reader, writer] = yield* asyncio.openConnection("127.0.0.1", port);
  writer.write("ping\\n");
  const line = new TextDecoder().decode(yield* reader.readline());
  writer.close();
  yield* writer.waitClosed();
  server.close();
  yield* server.waitClosed();
  const square = asyncio.workerFunction(WORK, "square");
  return [line.trim(), yield* asyncio.toThread(square, 7)].join(" ");
}
asyncio.run(main()).then((out) => console.log(out));
`;

test("the built Node entry serves streams and runs worker functions, in ESM and CommonJS", () => {
  const work = join(consumer, "work.mjs");
  writeFileSync(work, "export function square(x) { return x * x; }\n");
  const workUrl = JSON.stringify(new URL(`file://${work}`).href);
  writeFileSync(join(consumer, "io.mjs"), `import * as asyncio from "asyncio-ts";\nconst WORK = ${workUrl};\n${ioProgram}`);
  writeFileSync(join(consumer, "io.cjs"), `const asyncio = require("asyncio-ts");\nconst WORK = ${workUrl};\n${ioProgram}`);
  for (const file of ["io.mjs", "io.cjs"]) {
    expect(execFileSync(process.execPath, [join(consumer, file)], { cwd: consumer, timeout: 20_000 }).toString()).toBe("ping 49\n");
  }
});

test("the declaration files give the Node loop methods to ESM and CommonJS users", () => {
  const use = (importLine: string) => `${importLine}
const loop: asyncio.EventLoop = asyncio.newEventLoop();
function* main(): asyncio.Coroutine<number> {
  const [transport] = yield* loop.createConnection(() => new asyncio.Protocol(), "127.0.0.1", 1);
  transport.close();
  const infos = yield* loop.getaddrinfo("127.0.0.1", 80);
  const [reader] = yield* asyncio.openConnection("127.0.0.1", 1);
  const data: Uint8Array = yield* reader.read(1);
  return infos.length + data.length;
}
export const coro = main;
`;
  writeFileSync(join(consumer, "types.mts"), use('import * as asyncio from "asyncio-ts";'));
  writeFileSync(join(consumer, "types.cts"), use('import asyncio = require("asyncio-ts");'));
  const tsc = join(root, "node_modules", "typescript", "bin", "tsc");
  const args = ["--noEmit", "--strict", "--module", "nodenext", "--moduleResolution", "nodenext", "--target", "es2022"];
  args.push("--types", "node", "--typeRoots", join(root, "node_modules", "@types"), "types.mts", "types.cts");
  let output = "";
  try {
    execFileSync(process.execPath, [tsc, ...args], { cwd: consumer });
  } catch (error) {
    output = String((error as { stdout?: Buffer }).stdout ?? error);
  }
  expect(output).toBe("");
});
