/**
 * Which differential scenarios run on virtual time, and how (test/diff.test.ts and
 * test/runtimes.test.ts).
 *
 * On virtual time both halves keep a clock that starts at 0 and jumps to the next timer
 * whenever nothing is ready: the Python half runs under test/diff/_virtual_time.py (its
 * loops' `time()` is virtual), the port has test/diff/_virtual_time.ts bundled in (its
 * loops get a VirtualClock). Such a scenario prints the same however loaded the machine
 * is, so it gets one try: a mismatch is a real difference.
 *
 * A scenario stays on real time when something outside the loop takes part, which
 * virtual time cannot wait for or would skip over: sockets, pipes and subprocesses,
 * DNS, signals, threads and executors, host promises (`wrapPromise`), and reads of the
 * host's own clock. Those are found by reading both halves; the few that need real time
 * for another reason are listed by hand.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { BuildOptions } from "esbuild";

const diffDir = join(import.meta.dirname, "diff");

/** Runs a scenario's Python half on virtual time: `python3 <this> NAME.py`. */
export const virtualTimePython = join(diffDir, "_virtual_time.py");

const hook = join(diffDir, "_virtual_time.ts");

/** What a port's bundle needs to run on virtual time: _virtual_time.ts, injected first. */
export const virtualTimeBuild: Pick<BuildOptions, "inject" | "plugins"> = {
  inject: [hook],
  plugins: [
    {
      name: "virtual-time-hook",
      setup(build) {
        // The hook file only has side effects, and package.json's `sideEffects` list
        // would let esbuild drop it: say it has some.
        build.onResolve({ filter: /[\\/]_virtual_time\.ts$/ }, (args) => (args.path === hook ? { path: hook, sideEffects: true } : undefined));
      },
    },
  ],
};

/** Scenarios on real time for a reason that reading them does not show. */
const listed: Record<string, string> = {
  core_run_leftovers:
    "Python cancels leftover tasks in the order of a set, which follows their addresses: only `python3 NAME.py` lays them out as the port expects",
  exc_group_print:
    "Python's TaskGroup cancels its tasks in the order of a set, which follows their addresses: only `python3 NAME.py` lays them out as the port expects",
};

/** What in a Python half means real time, and why. */
const pythonMarkers: [RegExp, string][] = [
  [/\b(open_connection|start_server|create_connection|create_server|create_datagram_endpoint|open_unix_connection|start_unix_server|sock_\w+|socket\.|ssl\.)/, "sockets"],
  [/\b(create_subprocess_\w+|subprocess\.)/, "subprocesses"],
  [/\b(getaddrinfo|getnameinfo)\b/, "DNS, on a thread"],
  [/\b(add_signal_handler|signal\.)/, "signals"],
  [/\b(run_in_executor|to_thread|threading|call_soon_threadsafe|run_coroutine_threadsafe)\b/, "threads"],
  [/\b(connect_read_pipe|connect_write_pipe|add_reader|add_writer|os\.pipe)\b/, "pipes"],
  [/\btime\.(time|monotonic|perf_counter)\(/, "reads the host's clock"],
];

/** What in a port means real time, and why. */
const portMarkers: [RegExp, string][] = [
  [/\bwrapPromise\(/, "waits on host promises (wrapPromise), which virtual time would not wait for"],
  [/\b(performance\.now|Date\.now)\(/, "reads the host's clock"],
  [/\b(setTimeout|setInterval|setImmediate)\(/, "host timers"],
  [/\bprocess\.kill\(/, "signals"],
  [/from\s*["']node:/, "imports a node: module"],
];

/** Why scenario `name` must run on real time, or null when it runs on virtual time. */
export function realTimeReason(name: string): string | null {
  if (listed[name] !== undefined) return listed[name];
  const python = readFileSync(join(diffDir, `${name}.py`), "utf8");
  const port = readFileSync(join(diffDir, `${name}.ts`), "utf8");
  const found = [
    ...pythonMarkers.filter(([re]) => re.test(python)).map(([re, why]) => `${why} (${python.match(re)![0]})`),
    ...portMarkers.filter(([re]) => re.test(port)).map(([, why]) => why),
  ];
  return found.length === 0 ? null : [...new Set(found)].join("; ");
}
