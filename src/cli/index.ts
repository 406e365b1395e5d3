/**
 * The `asyncio-ts` command.
 *
 *     asyncio-ts trace <script> [-o FILE] [--debug] [-- args…]
 *     asyncio-ts ps <pid>
 *     asyncio-ts pstree <pid>
 *
 * `trace` runs a TypeScript (through tsx, a dependency of the package) or JavaScript
 * program in a child `node` whose preload (preload.ts) records a timeline of every event
 * loop the program makes and writes it at exit; the child's exit code is the command's.
 */
import { spawn } from "node:child_process";
import { existsSync, statSync } from "node:fs";
import { createRequire } from "node:module";
import { constants } from "node:os";
import { dirname, extname, join, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { runPs } from "./ps";

const USAGE = `usage: asyncio-ts <command> [arguments]

commands:
  trace <script> [-o FILE] [--debug] [-- args...]
      run a TypeScript or JavaScript program that uses asyncio.run / runSync and write
      the timeline of each event loop it runs: FILE.html (default timeline.html), or
      Chrome trace-event JSON for https://ui.perfetto.dev when FILE ends in .json; a
      program that runs several loops gives FILE, FILE-2, FILE-3...
      --debug   run the program in debug mode (ASYNCIO_TS_DEBUG=1)
  ps <pid>      list the tasks of a running asyncio-ts program
  pstree <pid>  show the tasks of a running asyncio-ts program as a tree of who awaits whom
`;

const TYPESCRIPT = new Set([".ts", ".mts", ".cts", ".tsx"]);
const OUTPUTS = new Set([".html", ".htm", ".json"]);

class UsageError extends Error {
  override name = "UsageError";
}

interface TraceArgs {
  script: string;
  output: string;
  debug: boolean;
  args: string[];
}

function parseTrace(argv: readonly string[]): TraceArgs {
  let script: string | null = null;
  let output = "timeline.html";
  let debug = false;
  let args: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === "--") {
      args = argv.slice(i + 1);
      break;
    } else if (arg === "-o" || arg === "--output") {
      const value = argv[++i];
      if (value === undefined) throw new UsageError(`${arg} needs a file name`);
      output = value;
    } else if (arg.startsWith("--output=")) {
      output = arg.slice("--output=".length);
    } else if (arg === "--debug") {
      debug = true;
    } else if (arg.startsWith("-") && arg !== "-") {
      throw new UsageError(`trace: unknown option ${arg}`);
    } else if (script === null) {
      script = arg;
    } else {
      throw new UsageError(`trace: unexpected argument ${arg}; pass the program's arguments after --`);
    }
  }
  if (script === null) throw new UsageError("trace: which program? asyncio-ts trace <script> [-o FILE]");
  if (!OUTPUTS.has(extname(output).toLowerCase())) {
    throw new UsageError(`trace: cannot tell the format of ${output}: name it .html or .json`);
  }
  return { script, output, debug, args };
}

/** Runs the program in a child node with the preload; resolves to its exit code. */
function trace({ script, output, debug, args }: TraceArgs): Promise<number> {
  const path = resolve(script);
  if (!existsSync(path) || !statSync(path).isFile()) {
    process.stderr.write(`asyncio-ts trace: no such file: ${script}\n`);
    return Promise.resolve(2);
  }
  // Built, the preload sits next to this file as cli-preload.js; run from the sources
  // (through tsx), it is preload.ts, which needs tsx in the child too.
  const here = fileURLToPath(import.meta.url);
  const fromSources = extname(here) === ".ts";
  const preload = fromSources ? join(dirname(here), "preload.ts") : join(dirname(here), "cli-preload.js");
  const flags: string[] = [];
  if (fromSources || TYPESCRIPT.has(extname(path).toLowerCase())) {
    // tsx's loader, resolved from this package: the user installs nothing else.
    flags.push("--import", pathToFileURL(createRequire(import.meta.url).resolve("tsx")).href);
  }
  flags.push("--import", pathToFileURL(preload).href);
  const env: NodeJS.ProcessEnv = { ...process.env, ASYNCIO_TS_TRACE_OUT: resolve(output) };
  if (debug) env.ASYNCIO_TS_DEBUG = "1";
  const child = spawn(process.execPath, [...flags, path, ...args], { stdio: "inherit", env });
  // Ctrl-C reaches the child too (same process group); wait for it to finish and write.
  const ignore = (): void => {};
  const forward = (signal: NodeJS.Signals) => (): void => void child.kill(signal);
  const onTerm = forward("SIGTERM");
  process.on("SIGINT", ignore);
  process.on("SIGTERM", onTerm);
  return new Promise((done) => {
    child.on("error", (error) => {
      process.stderr.write(`asyncio-ts trace: could not start node: ${error.message}\n`);
      done(1);
    });
    child.on("exit", (code, signal) => {
      process.off("SIGINT", ignore);
      process.off("SIGTERM", onTerm);
      done(code ?? 128 + (signal === null ? 0 : (constants.signals[signal] ?? 0)));
    });
  });
}

function parsePid(command: string, argv: readonly string[]): number {
  if (argv.length !== 1) throw new UsageError(`${command}: expected one process id: asyncio-ts ${command} <pid>`);
  const pid = Number(argv[0]);
  if (!Number.isSafeInteger(pid) || pid <= 0) throw new UsageError(`${command}: not a process id: ${argv[0]}`);
  return pid;
}

async function main(argv: readonly string[]): Promise<number> {
  const [command, ...rest] = argv;
  try {
    switch (command) {
      case undefined:
      case "-h":
      case "--help":
      case "help":
        process.stdout.write(USAGE);
        return 0;
      case "trace":
        if (rest.includes("--help") && rest.indexOf("--help") < (rest.includes("--") ? rest.indexOf("--") : Infinity)) {
          process.stdout.write(USAGE);
          return 0;
        }
        return await trace(parseTrace(rest));
      case "ps":
      case "pstree":
        return await runPs(parsePid(command, rest), command);
      default:
        throw new UsageError(`unknown command ${JSON.stringify(command)}`);
    }
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    process.stderr.write(`asyncio-ts: ${error.message}\n\n${USAGE}`);
    return 2;
  }
}

process.exitCode = await main(process.argv.slice(2));
