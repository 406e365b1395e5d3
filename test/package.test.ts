/**
 * The package as users get it: the built ESM and CommonJS entries load and run, a
 * browser bundle made through the package's `exports` contains no `node:` import, the
 * declarations show the public API only and lead an editor into src/, and the packed
 * tarball passes publint and arethetypeswrong.
 */
import { execFileSync, spawn } from "node:child_process";
import { closeSync, existsSync, mkdirSync, mkdtempSync, openSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { dirname, join, relative, resolve } from "node:path";
import { build } from "esbuild";
import { publint } from "publint";
import { formatMessage } from "publint/utils";
import { afterAll, beforeAll, expect, test } from "vitest";

const root = resolve(import.meta.dirname, "..");
let consumer: string;

beforeAll(() => {
  if (!existsSync(join(root, "dist", "index.js")) || !existsSync(join(root, "dist", "types", "index.d.ts"))) {
    execFileSync(process.execPath, [join(root, "node_modules", "tsup", "dist", "cli-default.js")], { cwd: root, stdio: "ignore" });
    execFileSync(process.execPath, [join(root, "scripts", "build-types.mjs")], { cwd: root, stdio: "ignore" });
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

test("the browser entry's declarations type-check with no @types/node, and the Node entry adds its own extra info", () => {
  // A browser project: DOM types, no Node types, skipLibCheck off, so the package's own
  // declaration files are checked too. The stream classes live in the host-free core.
  writeFileSync(
    join(consumer, "browser-types.mts"),
    `import * as asyncio from "asyncio-ts";
function* main(writer: asyncio.StreamWriter): asyncio.Coroutine<string> {
  const peer = writer.getExtraInfo("peername");
  yield* asyncio.sleep(0);
  return String(peer);
}
export const coro = main;
`,
  );
  writeFileSync(
    join(consumer, "node-types.mts"),
    `import type * as dgram from "node:dgram";
import type * as net from "node:net";
import * as asyncio from "asyncio-ts";
// "socket" is a name of ExtraInfo only where the Node entry's declarations add it.
export function socketOf(writer: asyncio.StreamWriter): net.Socket | dgram.Socket | undefined {
  return writer.getExtraInfo("socket");
}
`,
  );
  const tsc = join(root, "node_modules", "typescript", "bin", "tsc");
  const check = (name: string, options: object, file: string): string => {
    const compilerOptions = { noEmit: true, strict: true, module: "nodenext", moduleResolution: "nodenext", target: "es2022", skipLibCheck: false, ...options };
    writeFileSync(join(consumer, name), JSON.stringify({ compilerOptions, files: [file] }));
    try {
      execFileSync(process.execPath, [tsc, "-p", name], { cwd: consumer });
      return "";
    } catch (error) {
      return String((error as { stdout?: Buffer }).stdout ?? error);
    }
  };
  // The browser condition: the package's `exports` give the browser entry's types to it.
  expect(check("tsconfig.browser.json", { types: [], lib: ["es2022", "dom"], customConditions: ["browser"] }, "browser-types.mts")).toBe("");
  expect(check("tsconfig.node.json", { types: ["node"], typeRoots: [join(root, "node_modules", "@types")] }, "node-types.mts")).toBe("");
});

/** The files under `dir` whose names end with `suffix`, relative to `dir`. */
function filesUnder(dir: string, suffix: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: "utf8" }).filter((file) => file.endsWith(suffix));
}

// A member or a declaration named `_…` in a declaration file, except a private member:
// TypeScript declares those by name only (`private _now;`) for class compatibility, and
// editors never offer them. Public `_` members exist only for the package's own modules
// to reach each other, and are tagged `@internal` so that the types build strips them.
const INTERNAL_MEMBER = /^\s+(?:(?:public|protected|static|readonly|abstract|override|get|set)\s+)*_\w*[?!]?\s*[(:<;]/;
const INTERNAL_DECLARATION = /^(?:export\s+)?(?:declare\s+)?(?:abstract\s+)?(?:function|const|let|var|class|interface|type|enum|namespace)\s+_\w*/;

test("the published declarations hold no @internal declaration and no `_` member", () => {
  const leaks: string[] = [];
  let files = 0;
  for (const tree of ["types", "types-cjs"]) {
    for (const file of filesUnder(join(root, "dist", tree), ".d.ts")) {
      files++;
      readFileSync(join(root, "dist", tree, file), "utf8")
        .split("\n")
        .forEach((line, i) => {
          if (line.includes("@internal") || INTERNAL_MEMBER.test(line) || INTERNAL_DECLARATION.test(line)) {
            leaks.push(`dist/${tree}/${file}:${i + 1}: ${line.trim()}`);
          }
        });
    }
  }
  expect(files).toBeGreaterThan(10);
  expect(leaks).toEqual([]);
});

interface Definition {
  file: string;
  start: { line: number; offset: number };
}

/** What tsserver, as an editor asks it, gives as the definitions at each [line, offset] of `file`. */
async function definitionsAt(file: string, positions: [number, number][]): Promise<Definition[][]> {
  const tsserver = join(root, "node_modules", "typescript", "lib", "tsserver.js");
  const server = spawn(process.execPath, [tsserver, "--disableAutomaticTypingAcquisition"], {
    cwd: dirname(file),
    stdio: ["pipe", "pipe", "ignore"],
  });
  const waiting = new Map<number, (body: Definition[]) => void>();
  let received = Buffer.alloc(0);
  server.stdout.on("data", (chunk: Buffer) => {
    received = Buffer.concat([received, chunk]);
    for (;;) {
      const headerEnd = received.indexOf("\r\n\r\n");
      if (headerEnd === -1) return;
      const length = Number(/Content-Length: (\d+)/.exec(received.subarray(0, headerEnd).toString())![1]);
      if (received.length < headerEnd + 4 + length) return;
      const message = JSON.parse(received.subarray(headerEnd + 4, headerEnd + 4 + length).toString());
      received = received.subarray(headerEnd + 4 + length);
      if (message.type === "response") waiting.get(message.request_seq)?.(message.body ?? []);
    }
  });
  let seq = 0;
  const send = (command: string, args: object) => {
    server.stdin.write(`${JSON.stringify({ seq: ++seq, type: "request", command, arguments: args })}\n`);
    return seq;
  };
  try {
    send("open", { file });
    const results: Definition[][] = [];
    for (const [line, offset] of positions) {
      results.push(await new Promise<Definition[]>((resolve) => waiting.set(send("definition", { file, line, offset }), resolve)));
    }
    return results;
  } finally {
    server.kill();
  }
}

test("go-to-definition from a user's code lands in the TypeScript source, through the declaration maps", async () => {
  const code = 'import * as asyncio from "asyncio-ts";\nconst loop = asyncio.newEventLoop();\nloop.callSoon(() => {});\n';
  const file = join(consumer, "goto.mts");
  writeFileSync(file, code);
  writeFileSync(
    join(consumer, "tsconfig.json"),
    JSON.stringify({ compilerOptions: { module: "nodenext", moduleResolution: "nodenext", strict: true, noEmit: true }, files: ["goto.mts"] }),
  );
  const lines = code.split("\n");
  const names: [string, number][] = [["newEventLoop", 2], ["callSoon", 3]];
  const definitions = await definitionsAt(
    file,
    names.map(([name, line]) => [line, lines[line - 1]!.indexOf(name) + 1]),
  );
  names.forEach(([name], i) => {
    const [definition] = definitions[i]!;
    expect(definition, name).toBeDefined();
    expect(relative(root, definition!.file)).toBe(join("src", "core", "events.ts"));
    expect(readFileSync(definition!.file, "utf8").split("\n")[definition!.start.line - 1]).toContain(name);
  });
}, 60_000);

test("the packed tarball ships what its maps point to, and publint and arethetypeswrong find nothing wrong", async () => {
  const dir = mkdtempSync(join(tmpdir(), "asyncio-ts-pack-"));
  try {
    const packed = execFileSync("npm", ["pack", "--json", "--pack-destination", dir], { cwd: root, stdio: ["ignore", "pipe", "ignore"] });
    const tarball = join(dir, (JSON.parse(packed.toString()) as { filename: string }[])[0]!.filename);
    execFileSync("tar", ["xzf", tarball, "-C", dir]);
    const pkg = join(dir, "package");
    for (const file of ["LICENSE", "README.md", "docs/API.md", "dist/types/index.d.ts", "dist/types-cjs/package.json"]) {
      expect(existsSync(join(pkg, file)), file).toBe(true);
    }

    // Source maps and declaration maps point into src/, which ships once: the maps do not
    // carry a second copy of it.
    const maps = filesUnder(pkg, ".map");
    expect(maps.filter((map) => map.endsWith(".d.ts.map")).length).toBeGreaterThan(10);
    const missing: string[] = [];
    for (const map of maps) {
      const { sources, sourcesContent } = JSON.parse(readFileSync(join(pkg, map), "utf8")) as { sources: string[]; sourcesContent?: unknown };
      expect(sourcesContent, map).toBeUndefined();
      for (const source of sources) if (!existsSync(resolve(pkg, dirname(map), source))) missing.push(`${map} → ${source}`);
    }
    expect(missing).toEqual([]);

    const data = readFileSync(tarball);
    const lint = await publint({ pack: { tarball: data.buffer.slice(data.byteOffset, data.byteOffset + data.byteLength) }, level: "warning" });
    expect(lint.messages.map((message) => formatMessage(message, lint.pkg, { color: false }))).toEqual([]);

    // arethetypeswrong, on the tarball alone (no network).
    const attw = join(root, "node_modules", "@arethetypeswrong", "cli", "dist", "index.js");
    // Into a file: attw exits (non-zero when it finds a problem) before a pipe takes all
    // of its JSON, and a truncated report would not parse; writes to a file are synchronous.
    const reportFile = join(dirname(tarball), "attw.json");
    const out = openSync(reportFile, "w");
    try {
      execFileSync(process.execPath, [attw, tarball, "--format", "json", "--no-definitely-typed"], { stdio: ["ignore", out, "pipe"] });
    } catch {
      // The exit status says there were problems; the report says which.
    } finally {
      closeSync(out);
    }
    const report = readFileSync(reportFile, "utf8");
    const { problems } = (JSON.parse(report) as { analysis: { problems: { kind: string; implementationFileName?: string }[] } }).analysis;
    // One known false alarm: attw guesses from the CommonJS bundle's helpers that the
    // ESLint plugin's `module.exports` has more than `default`, and asks for `export =`.
    // It has only `default` (checked here), which is what its `export default` types say.
    const plugin = createRequire(import.meta.url)(join(pkg, "dist", "eslint-plugin.cjs")) as object;
    expect(Object.keys(plugin)).toEqual(["default"]);
    const isFalseAlarm = (p: { kind: string; implementationFileName?: string }) =>
      p.kind === "MissingExportEquals" && p.implementationFileName?.endsWith("/dist/eslint-plugin.cjs") === true;
    expect(problems.filter((p) => !isFalseAlarm(p))).toEqual([]);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}, 120_000);
